from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Tapahtumat")

    def ready(self):
        from projects.sections import register_project_section, register_theme_section
        from valita.home import register_home_section

        from . import sections

        register_home_section(sections.home_section)
        register_theme_section(sections.theme_section)
        register_project_section(sections.project_section)
        register_history()


def register_history():
    from valita import versions

    from .models import Event

    # A restore brings back the content, never the state or the participation counts.
    counters = ("sequence", "registered_total", "attended_total", "personal_data_removed_at")
    versions.register(Event, key="event", kept=("status", *counters), hidden=counters)
