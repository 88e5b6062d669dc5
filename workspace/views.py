from django.shortcuts import render

from blog.services import workspace_panel as blog_panel
from projects.models import Project
from valita.roles import is_network_coordinator, is_oph_viewer
from valita.staff import workspace_page


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
        "is_network_coordinator": is_network_coordinator(user),
        "is_oph_viewer": is_oph_viewer(user),
        "blog": blog_panel(user),
    }
    return render(request, "workspace/home.html", context)
