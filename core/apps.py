"""The infrastructure every app may use: the bottom floor (README, "Layout").

Its app label stays "valita", the label these models, migrations and tables have always
had: moving the code changed no table, no migration name and no content type.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    label = "valita"
    verbose_name = _("Sivusto")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        from . import signals, site_url  # noqa: F401 - registers receivers and checks

        # Each app's personal_data.py registers its exporter and eraser.
        autodiscover_modules("personal_data")
