from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "events"
urlpatterns = [
    path(pgettext_lazy("url", "tapahtumat/"), views.event_list, name="event_list"),
    path(pgettext_lazy("url", "tapahtumat/kalenteri.ics"), views.feed, name="feed"),
    path(
        pgettext_lazy("url", "tapahtumat/kalenteri/hanke/<slug:slug>.ics"),
        views.project_feed,
        name="project_feed",
    ),
    path(
        pgettext_lazy("url", "tapahtumat/kalenteri/teema/<slug:slug>.ics"),
        views.theme_feed,
        name="theme_feed",
    ),
    path(
        pgettext_lazy("url", "tapahtumat/materiaali/<int:pk>/"),
        views.material_download,
        name="material_download",
    ),
    path(pgettext_lazy("url", "tapahtumat/<slug:slug>/"), views.event_detail, name="event_detail"),
    path(
        pgettext_lazy("url", "tapahtumat/<slug:slug>/kalenteri.ics"),
        views.event_ics,
        name="event_ics",
    ),
    path(
        pgettext_lazy("url", "tapahtumat/<slug:slug>/ilmoittaudu/"),
        views.register,
        name="register",
    ),
    path(
        pgettext_lazy("url", "tapahtumat/ilmoittautuminen/<str:signed>/"),
        views.registration_manage,
        name="registration_manage",
    ),
]
