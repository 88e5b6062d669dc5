"""The shared query interface of content that projects publish (events, posts, practices).

Each of these models belongs to projects and themes through many-to-many fields, has
a public state and drafts its project coordinators preview, and is edited by the
coordinators of any of its projects. ProjectContentQuerySet holds those reads once;
a model's queryset says only what differs: when an object is public
(`published_condition()`) and what its list pages prefetch (`for_listing()`).
Project roles come from valita.roles, so this module imports no feature app.
"""

from django.db import models
from django.db.models import Q

from .roles import coordinated_project_ids, is_network_coordinator
from .translation_utils import TranslatedSlugQuerySetMixin


class ProjectContentQuerySet(TranslatedSlugQuerySetMixin, models.QuerySet):
    #: the many-to-many fields to the projects and the themes the content belongs to
    projects_field = "projects"
    themes_field = "themes"

    def published_condition(self) -> Q:
        """What the public sees, as a condition (each model names its own)."""
        raise NotImplementedError

    def published(self):
        return self.filter(self.published_condition())

    def for_listing(self):
        return self.prefetch_related(self.projects_field, self.themes_field)

    def with_theme(self, theme):
        return self.filter(**{self.themes_field: theme})

    def with_project(self, project):
        return self.filter(**{self.projects_field: project})

    def visible_to(self, user):
        """Public content, and to those who may edit it the rest too (a preview)."""
        if is_network_coordinator(user):
            return self
        own = self._of_coordinated_projects(user)
        if own is None:
            return self.published()
        return self.filter(self.published_condition() | Q(pk__in=own))

    def editable_by(self, user):
        """The one permission helper of the model, used by the views, the admin and tests.

        A project coordinator edits the content of any of their projects (content of
        several projects is editable by each of their coordinators); a network
        coordinator edits all; nobody else edits any.
        """
        if is_network_coordinator(user):
            return self
        own = self._of_coordinated_projects(user)
        if own is None:
            return self.none()
        return self.filter(pk__in=own)

    def _of_coordinated_projects(self, user):
        """The pks of the user's projects' content as a subquery (a subquery, so that an
        object of two of them comes once), or None when the user coordinates none."""
        ids = coordinated_project_ids(user)
        if not ids:
            return None
        manager = self.model._default_manager
        return manager.filter(**{f"{self.projects_field}__in": ids}).values("pk")
