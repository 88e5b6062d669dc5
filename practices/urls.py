"""The practice pages under /fi/kaytannot/ (/sv/praxis/) and the follow-up rounds."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "practices"
urlpatterns = [
    path(pgettext_lazy("url", "kaytannot/"), views.practice_list, name="practice_list"),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/"),
        views.followup_rounds,
        name="followup_rounds",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/uusi/"),
        views.followup_start,
        name="followup_start",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/kierros/<int:pk>/"),
        views.followup_round,
        name="followup_round",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/vastaa/<str:signed>/"),
        views.followup_answer,
        name="followup_answer",
    ),
    path(
        pgettext_lazy("url", "kaytannot/<slug:slug>/"),
        views.practice_detail,
        name="practice_detail",
    ),
    path(
        pgettext_lazy("url", "kaytannot/<slug:slug>/liitteet/<int:pk>/"),
        views.practice_attachment,
        name="practice_attachment",
    ),
]
