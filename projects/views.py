from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render

from .models import Project, Theme
from .sections import project_sections, theme_sections


def _get_by_slug(queryset, slug):
    """The object of a translated slug; a slug of the other language redirects."""
    obj = get_object_or_404(queryset.by_slug(slug)[:1])
    return obj, obj.slug != slug


def theme_detail(request, slug):
    theme, wrong_slug = _get_by_slug(Theme.objects.all(), slug)
    if wrong_slug:
        return redirect(theme, permanent=True)
    context = {
        "object": theme,
        "theme": theme,
        "projects": Project.objects.network().published().with_theme(theme).for_listing(),
        # Queried only when the shared fragment is rendered (cachedfragment's data=).
        "sections": lambda: theme_sections(theme),
    }
    return render(request, "projects/theme_detail.html", context)


def project_list(request):
    themes = list(Theme.objects.all())
    wanted = request.GET.get("teema")
    selected = next((t for t in themes if wanted in (t.slug_fi, t.slug_sv)), None)
    projects = Project.objects.network().published().for_listing()
    if selected:
        projects = projects.with_theme(selected)
    context = {"projects": projects, "themes": themes, "selected_theme": selected}
    return render(request, "projects/project_list.html", context)


def project_detail(request, slug):
    project, wrong_slug = _get_by_slug(
        Project.objects.published().select_related("lead_organisation"), slug
    )
    if wrong_slug:
        return redirect(project, permanent=True)

    def content() -> dict:
        # Queried only when the shared fragment is rendered (cachedfragment's data=).
        prefetch_related_objects([project], "themes", "partner_organisations", "contacts")
        return project_sections(project)

    context = {"object": project, "project": project, "content": content}
    return render(request, "projects/project_detail.html", context)
