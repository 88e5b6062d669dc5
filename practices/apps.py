"""Good practices of the projects: their own models, pages and admin."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Hyvät käytännöt")

    def ready(self):
        register_history()


def register_history():
    from core import versions

    from .models import Practice

    versions.register(
        Practice,
        key="practice",
        kept=("is_published",),
        restore="projects.services.shared_content_restore",
    )
