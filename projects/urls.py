from django.urls import path
from django.utils.translation import pgettext_lazy

from . import practice_views, views

app_name = "projects"
urlpatterns = [
    path(pgettext_lazy("url", "teemat/<slug:slug>/"), views.theme_detail, name="theme_detail"),
    path(pgettext_lazy("url", "hankkeet/"), views.project_list, name="project_list"),
    path(
        pgettext_lazy("url", "hankkeet/<slug:slug>/"),
        views.project_detail,
        name="project_detail",
    ),
    path(pgettext_lazy("url", "kaytannot/"), practice_views.practice_list, name="practice_list"),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/"),
        practice_views.followup_rounds,
        name="followup_rounds",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/uusi/"),
        practice_views.followup_start,
        name="followup_start",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/kierros/<int:pk>/"),
        practice_views.followup_round,
        name="followup_round",
    ),
    path(
        pgettext_lazy("url", "kaytannot/seuranta/vastaa/<str:signed>/"),
        practice_views.followup_answer,
        name="followup_answer",
    ),
    path(
        pgettext_lazy("url", "kaytannot/<slug:slug>/"),
        practice_views.practice_detail,
        name="practice_detail",
    ),
    path(
        pgettext_lazy("url", "kaytannot/<slug:slug>/liitteet/<int:pk>/"),
        practice_views.practice_attachment,
        name="practice_attachment",
    ),
]
