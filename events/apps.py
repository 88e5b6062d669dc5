from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Tapahtumat")

    def ready(self):
        from core.content_cache import register_scheduled_change

        from . import services

        # Cached pages are retired when a scheduled event's publish time comes.
        register_scheduled_change(services.next_scheduled_publish, scopes=("events",))
        register_history()


def register_history():
    from core import versions

    from .models import Event

    # A restore brings back the content, never the state or the participation counts.
    counters = ("sequence", "registered_total", "attended_total", "personal_data_removed_at")
    versions.register(
        Event,
        key="event",
        # Publishing is its own action (publish, schedule, unpublish), never a restore's.
        kept=("status", "publish_at", *counters),
        hidden=counters,
        restore="projects.services.shared_content_restore",
    )
