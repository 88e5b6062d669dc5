"""Events in the staff workspace: /fi/tyotila/tapahtumat/, /sv/arbetsyta/evenemang/."""

from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import workspace_views as views

app_name = "events_workspace"
event_patterns = [
    path("", views.event_list, name="event_list"),
    path(pgettext_lazy("url", "uusi/"), views.event_create, name="event_create"),
    path("<int:pk>/", views.event_overview, name="event_overview"),
    path(pgettext_lazy("url", "<int:pk>/muokkaa/"), views.event_edit, name="event_edit"),
    path(
        pgettext_lazy("url", "<int:pk>/esikatselu/<str:language>/"),
        views.event_preview,
        name="event_preview",
    ),
    path(pgettext_lazy("url", "<int:pk>/julkaise/"), views.event_publish, name="event_publish"),
    path(
        pgettext_lazy("url", "<int:pk>/luonnokseksi/"),
        views.event_unpublish,
        name="event_unpublish",
    ),
    path(pgettext_lazy("url", "<int:pk>/peru/"), views.event_cancel, name="event_cancel"),
    path(pgettext_lazy("url", "<int:pk>/kopioi/"), views.event_copy, name="event_copy"),
    path(
        pgettext_lazy("url", "<int:pk>/materiaalit/"),
        views.event_materials,
        name="event_materials",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/materiaalit/<int:material_pk>/poista/"),
        views.material_delete,
        name="material_delete",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/ilmoittautuneet/"),
        views.registration_list,
        name="registration_list",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/ilmoittautuneet.csv"),
        views.registration_export,
        {"fmt": "csv"},
        name="registration_csv",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/ilmoittautuneet.xlsx"),
        views.registration_export,
        {"fmt": "xlsx"},
        name="registration_xlsx",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/ilmoittautuneet/<int:registration_pk>/tarjoa/"),
        views.registration_offer,
        name="registration_offer",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/viesti/"),
        views.registration_email,
        name="registration_email",
    ),
    path(pgettext_lazy("url", "<int:pk>/lasnaolo/"), views.checkin_list, name="checkin_list"),
    path(
        pgettext_lazy("url", "<int:pk>/lasnaolo/<int:registration_pk>/"),
        views.checkin_mark,
        name="checkin_mark",
    ),
]

# Included by the site's URLconf under tyotila/ (valita/urls.py).
urlpatterns = [path(pgettext_lazy("url", "tapahtumat/"), include(event_patterns))]
