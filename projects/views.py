from django.shortcuts import redirect, render

from valita.query_params import reads_query
from valita.translation_utils import get_by_slug

from .models import Project, Theme
from .sections import project_sections, theme_sections


def theme_detail(request, slug):
    theme, wrong_slug = get_by_slug(
        Theme.objects.all, slug, shared_as="theme-page", request=request
    )
    if wrong_slug:
        return redirect(theme, permanent=True)

    def content() -> dict:
        # Queried only when the shared fragment is rendered (cachedfragment's data=).
        projects = Project.objects.network().published().with_theme(theme).for_listing()
        return {"projects": projects, **theme_sections(theme)}

    context = {"object": theme, "theme": theme, "content": content}
    return render(request, "projects/theme_detail.html", context)


@reads_query("teema")
def project_list(request):
    wanted = request.GET.get("teema")
    selected = Theme.objects.by_slug(wanted).first() if wanted else None

    def content() -> dict:
        # Queried only when the shared fragment is rendered (cachedfragment's data=).
        projects = Project.objects.network().published().for_listing()
        if selected:
            projects = projects.with_theme(selected)
        return {"projects": projects, "themes": Theme.objects.all()}

    context = {"selected_theme": selected, "content": content}
    return render(request, "projects/project_list.html", context)


def project_detail(request, slug):
    project, wrong_slug = get_by_slug(
        lambda: (
            Project.objects.published()
            .select_related("lead_organisation")
            .prefetch_related("themes", "partner_organisations", "contacts")
        ),
        slug,
        shared_as="project-page",
        request=request,
    )
    if wrong_slug:
        return redirect(project, permanent=True)

    context = {
        "object": project,
        "project": project,
        # Queried only when the shared fragment is rendered (cachedfragment's data=).
        "content": lambda: project_sections(project),
    }
    return render(request, "projects/project_detail.html", context)
