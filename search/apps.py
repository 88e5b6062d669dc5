from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Haku")

    def ready(self):
        from .sources import register_all

        register_all()
