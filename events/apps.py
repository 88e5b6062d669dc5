from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Tapahtumat")

    def ready(self):
        from projects.sections import register_project_section, register_theme_section
        from valita.content_cache import register_scheduled_change
        from valita.home import register_home_section

        from . import sections, services, signals  # noqa: F401 - signals connect on import

        register_home_section(sections.home_section)
        register_theme_section(sections.theme_section)
        register_project_section(sections.project_section)
        # Cached pages are retired when a scheduled event's publish time comes.
        register_scheduled_change(services.next_scheduled_publish)
