"""The shared query interface of content that projects publish (events, posts, practices).

Each of these models belongs to projects and themes through many-to-many fields, has
a public state and drafts its project coordinators preview, and is edited by the
coordinators of any of its projects. ProjectContentQuerySet holds those reads once;
a model's queryset says only what differs: when an object is public
(`published_condition()`) and what its list pages prefetch (`for_listing()`). The
dashboard's figures per project and per theme are measured here too.
Project roles come from core.roles, so this module imports no feature app.
"""

from django.db.models import Prefetch, Q

from .roles import coordinated_project_ids, is_network_coordinator
from .translation_utils import TranslatedQuerySet, TranslatedSlugQuerySetMixin


class ProjectContentQuerySet(TranslatedSlugQuerySetMixin, TranslatedQuerySet):
    #: the many-to-many fields to the projects and the themes the content belongs to
    projects_field = "projects"
    themes_field = "themes"
    #: long texts that no card shows, left out of list pages' rows (each language's column)
    card_deferred: tuple[str, ...] = ()

    def published_condition(self) -> Q:
        """What the public sees, as a condition (each model names its own)."""
        raise NotImplementedError

    def published(self):
        return self.filter(self.published_condition())

    def for_listing(self):
        return self.prefetch_related(self.projects_field, self.themes_field)

    def for_cards(self):
        """What a list page's cards show: each object's projects as a plain list,
        `listed_projects` (a prefetch into a list builds no related manager per object)."""
        return self.lean().prefetch_related(
            Prefetch(self.projects_field, to_attr="listed_projects")
        )

    def lean(self):
        """Without the long texts that no card shows (`card_deferred`, in each language)."""
        columns = [f"{name}_{code}" for name in self.card_deferred for code in ("fi", "sv")]
        return self.defer(*self.card_deferred, *columns)

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

    def measured_per_project(self, measures: dict, *project_fields: str) -> list[dict]:
        """The measures (aggregates) per project, in name order: rows of project_id,
        project (the name), the project fields asked for and each measure. Content of
        no project comes as one row whose project_id is None."""
        projects = self.projects_field
        rows = (
            self.values(
                projects, f"{projects}__name", *(f"{projects}__{f}" for f in project_fields)
            )
            .annotate(**measures)
            .order_by(f"{projects}__name", projects)
        )
        return [
            {
                "project_id": row[projects],
                "project": row[f"{projects}__name"],
                **{field: row[f"{projects}__{field}"] for field in project_fields},
                **{key: row[key] for key in measures},
            }
            for row in rows
        ]

    def measured_per_theme(self, measures: dict) -> list[dict]:
        """The measures (aggregates) per theme, in theme order: rows of theme_id, theme
        (the name) and each measure. Content of no theme is left out."""
        themes = self.themes_field
        rows = (
            self.filter(**{f"{themes}__isnull": False})
            .values(themes, f"{themes}__number", f"{themes}__name")
            .annotate(**measures)
            .order_by(f"{themes}__number")
        )
        return [
            {
                "theme_id": row[themes],
                "theme": row[f"{themes}__name"],
                **{key: row[key] for key in measures},
            }
            for row in rows
        ]

    def _of_coordinated_projects(self, user):
        """The pks of the user's projects' content as a subquery (a subquery, so that an
        object of two of them comes once), or None when the user coordinates none."""
        ids = coordinated_project_ids(user)
        if not ids:
            return None
        manager = self.model._default_manager
        return manager.filter(**{f"{self.projects_field}__in": ids}).values("pk")
