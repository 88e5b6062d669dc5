"""The list of the network's projects; the theme and project pages, which gather the
sections of the other apps, are the site's (valita/views.py)."""

from django.shortcuts import render

from core.content_cache import deferred, shows
from core.query_params import reads_query

from .models import Project, Theme


@shows()
@reads_query("teema")
def project_list(request):
    wanted = request.GET.get("teema")
    selected = Theme.objects.by_slug(wanted).first() if wanted else None

    def content() -> dict:
        projects = Project.objects.network().published().for_listing()
        if selected:
            projects = projects.with_theme(selected)
        return {"projects": projects, "themes": Theme.objects.all()}

    context = {"selected_theme": selected, **deferred(content, "projects", "themes")}
    return render(request, "projects/project_list.html", context)
