"""The collect page and monitor of a survey, under the workspace's surveys
(`/fi/tyotila/kyselyt/`, namespace `surveys_workspace`)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import workspace_collect as views

urlpatterns = [
    path(pgettext_lazy("url", "<int:pk>/keruu/"), views.collect, name="collect"),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/aikataulu/"),
        views.collect_schedule,
        name="collect_schedule",
    ),
    path(pgettext_lazy("url", "<int:pk>/keruu/upotus/"), views.collect_embed, name="collect_embed"),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/hankelinkit/"),
        views.collect_project_links,
        name="collect_project_links",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/kanavat/<int:collector_pk>/tila/"),
        views.collect_collector_active,
        name="collect_collector_active",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/kutsut/"),
        views.collect_invitations,
        name="collect_invitations",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/muistutukset/"),
        views.collect_reminder_add,
        name="collect_reminder_add",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/keruu/muistutukset/<int:reminder_pk>/peru/"),
        views.collect_reminder_cancel,
        name="collect_reminder_cancel",
    ),
    path(pgettext_lazy("url", "<int:pk>/seuranta/"), views.collect_monitor, name="collect_monitor"),
]
