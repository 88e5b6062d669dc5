"""Project pages in the staff workspace: /fi/tyotila/hankkeet/ (/sv/arbetsyta/projekt/)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import workspace_views as views

app_name = "projects_workspace"
urlpatterns = [
    path("", views.project_list, name="project_list"),
    path("<slug:slug>/", views.project_edit, name="project_edit"),
    path(
        pgettext_lazy("url", "<slug:slug>/yhteyshenkilot/"),
        views.project_contacts,
        name="project_contacts",
    ),
    path(
        pgettext_lazy("url", "<slug:slug>/koordinaattorit/"),
        views.project_coordinators,
        name="project_coordinators",
    ),
    path(
        pgettext_lazy("url", "<slug:slug>/koordinaattorit/<int:pk>/kutsu/"),
        views.coordinator_reinvite,
        name="coordinator_reinvite",
    ),
    path(
        pgettext_lazy("url", "<slug:slug>/koordinaattorit/<int:pk>/poista/"),
        views.coordinator_remove,
        name="coordinator_remove",
    ),
]
