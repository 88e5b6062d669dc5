from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blogi")

    def ready(self):
        from core.content_cache import register_scheduled_change

        from . import search, services, signals  # noqa: F401 - signals connect on import

        # Cached pages are retired when a scheduled post's time comes, with nobody acting.
        register_scheduled_change(services.next_scheduled_publish)
        search.register()
