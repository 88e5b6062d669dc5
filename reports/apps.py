from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Raportit")

    def ready(self):
        from projects.sections import register_project_section, register_theme_section
        from valita.home import register_home_section

        from . import sections, signals

        signals.connect()
        register_home_section(sections.results_section)
        register_theme_section(sections.results_section)
        register_project_section(sections.results_section)
