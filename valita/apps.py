from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ValitaConfig(AppConfig):
    name = "valita"
    verbose_name = _("Sivusto")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import signals, site_url  # noqa: F401 - registers receivers and checks
        from .translation_utils import share_multilingual_queryset_classes

        share_multilingual_queryset_classes()

        # Each app's personal_data.py registers its exporter and eraser.
        autodiscover_modules("personal_data")
