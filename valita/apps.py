from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValitaConfig(AppConfig):
    name = "valita"
    verbose_name = _("Sivusto")

    def ready(self):
        from . import signals  # noqa: F401
