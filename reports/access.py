"""Who sees what on the dashboard.

OPH viewers and network coordinators see everything (OPH read-only); a project
coordinator sees the network totals and the breakdown of their own projects. What
any of them may take out (small cells hidden, row-level data for network coordinators
only) is decided by surveys/privacy.py, the one place of that policy.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.cache import patch_cache_control

from core.roles import (
    can_view_results,
    coordinated_project_ids,
    is_network_coordinator,
    is_oph_viewer,
)
from projects.models import Project
from surveys import privacy
from surveys.models import Collector, Survey
from surveys.privacy import MIN_CELL, shown, small_cell  # noqa: F401 - older imports


@dataclass(frozen=True)
class Scope:
    """What one user may see: everything, or network totals plus some projects."""

    full: bool
    can_edit: bool
    project_ids: frozenset[int]
    raw_rows: bool = False  # may take row-level responses out (surveys.privacy)

    def may_see_project(self, project_id) -> bool:
        return self.full or project_id in self.project_ids

    def projects(self):
        projects = Project.objects.order_by("name")
        return projects if self.full else projects.filter(pk__in=self.project_ids)

    def may_see_collector(self, collector: Collector) -> bool:
        """A collector's breakdown row: one of its projects (an event's organisers) is ours.

        A collector of no project (a public link, plain invitations) counts for the network.
        """
        ids = collector.project_ids()
        return self.full or not ids or bool(ids & self.project_ids)

    def surveys(self):
        surveys = Survey.objects.exclude(status=Survey.Status.DRAFT)
        return surveys if self.full else surveys.concerning(self.project_ids)


def scope_for(user) -> Scope | None:
    if not can_view_results(user):
        return None
    full = is_network_coordinator(user) or is_oph_viewer(user)
    return Scope(
        full=full,
        can_edit=is_network_coordinator(user),
        project_ids=frozenset() if full else coordinated_project_ids(user),
        raw_rows=privacy.may_export_raw(user),
    )


def dashboard_view(view=None, *, edit: bool = False, full: bool = False):
    """Signed-in users with a results role only; `request.scope` is what they may see.

    Anonymous visitors go to the login page, others get 403. `edit` lets only network
    coordinators in, `full` only OPH and network coordinators.
    """

    def decorate(func):
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            scope = scope_for(request.user)
            if scope is None or (edit and not scope.can_edit) or (full and not scope.full):
                raise PermissionDenied
            request.scope = scope
            response = func(request, *args, **kwargs)
            patch_cache_control(response, private=True, no_store=True)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate
