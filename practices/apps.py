"""The practices app; it adds its sections to the home, theme and project pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Hyvät käytännöt")

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

    from .models import Practice

    versions.register(Practice, key="practice", kept=("is_published",))
