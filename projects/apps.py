from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Verkosto")

    def ready(self):
        from valita.home import register_home_section

        from . import practice_sections
        from .sections import register_project_section, register_theme_section

        register_home_section(practice_sections.home_section)
        register_theme_section(practice_sections.theme_section)
        register_project_section(practice_sections.project_section)
