from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Verkosto")

    def ready(self):
        from core import versions

        from .models import Project

        # A project page's restore brings back its texts, never its kind, visibility or
        # the network coordinators' setting for reviewing its posts.
        versions.register(
            Project, key="project", kept=("kind", "is_published", "posts_need_approval")
        )
