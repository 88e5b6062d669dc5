"""The practices in the staff workspace: /fi/tyotila/hyvat-kaytannot/ and its Swedish twin."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import workspace_views as views

app_name = "practices_workspace"
urlpatterns = [
    path("", views.practice_list, name="practice_list"),
    path(pgettext_lazy("url", "uusi/"), views.practice_create, name="practice_create"),
    path("<int:pk>/", views.practice_edit, name="practice_edit"),
    path(pgettext_lazy("url", "<int:pk>/poista/"), views.practice_delete, name="practice_delete"),
    path(
        pgettext_lazy("url", "<int:pk>/liitteet/"),
        views.practice_attachments,
        name="practice_attachments",
    ),
    path(pgettext_lazy("url", "<int:pk>/linkit/"), views.practice_links, name="practice_links"),
    path(
        pgettext_lazy("url", "<int:pk>/kayttoonotot/"),
        views.practice_adoptions,
        name="practice_adoptions",
    ),
    path(pgettext_lazy("url", "seuranta/"), views.followup_list, name="followup_list"),
    path(pgettext_lazy("url", "seuranta/uusi/"), views.followup_start, name="followup_start"),
    path(pgettext_lazy("url", "seuranta/<int:pk>/"), views.followup_detail, name="followup_detail"),
]
