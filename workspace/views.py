from django.shortcuts import render

from blog.services import workspace_panel as blog_panel
from core.roles import is_network_coordinator, is_oph_viewer
from core.staff import workspace_page
from events.services import workspace_panel as events_panel
from projects.models import Project
from surveys.collecting import surveys_to_follow
from surveys.models import Survey


def user_projects(user):
    """The projects a user works for: all of the network's for network coordinators."""
    projects = Project.objects.order_by("name")
    if is_network_coordinator(user):
        return projects
    return projects.filter(memberships__user=user)


@workspace_page
def home(request):
    user = request.user
    context = {
        "projects": user_projects(user),
        "open_surveys": Survey.objects.visible_to(user)
        .open()
        .with_response_counts()
        .order_by("closes_at", "pk"),
        "is_network_coordinator": is_network_coordinator(user),
        "is_oph_viewer": is_oph_viewer(user),
        **events_panel(user),
        "collect_surveys": surveys_to_follow(user),
        "blog": blog_panel(user),
    }
    return render(request, "workspace/home.html", context)
