"""Who someone is in the network. Every permission helper builds on these.

Global roles are Django groups; project roles come from projects.Membership.
The answers are memoised on the user object for the length of a request.
"""

from django.utils.translation import gettext_lazy as _

NETWORK_COORDINATOR_GROUP = "network-coordinator"
OPH_GROUP = "oph-viewer"

ROLE_LABELS = {
    NETWORK_COORDINATOR_GROUP: _("Verkostokoordinaattori"),
    OPH_GROUP: _("OPH:n katselija"),
}


def _group_names(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_valita_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._valita_groups = cached
    return cached


def is_network_coordinator(user) -> bool:
    """Network coordinators (and superusers) may change everything."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or NETWORK_COORDINATOR_GROUP in _group_names(user)


def is_oph_viewer(user) -> bool:
    return OPH_GROUP in _group_names(user)


def coordinated_project_ids(user) -> frozenset[int]:
    """Ids of the projects in which the user has a coordinator membership."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_valita_project_ids", None)
    if cached is None:
        cached = frozenset(user.memberships.values_list("project_id", flat=True))
        user._valita_project_ids = cached
    return cached


def is_project_coordinator(user) -> bool:
    return bool(coordinated_project_ids(user))


def can_view_results(user) -> bool:
    """The dashboard: network coordinators, OPH and project coordinators."""
    return is_network_coordinator(user) or is_oph_viewer(user) or is_project_coordinator(user)


def requires_mfa(user) -> bool:
    """Two-factor for everyone who can read or export personal data: superusers, network
    coordinators and project coordinators (their events' registrations). OPH viewers
    see only figures, with small cells hidden."""
    return getattr(user, "is_authenticated", False) and (
        user.is_superuser
        or NETWORK_COORDINATOR_GROUP in _group_names(user)
        or is_project_coordinator(user)
    )


def can_use_workspace(user) -> bool:
    """The staff workspace: everyone with a role in the network. What each may do there is
    decided by the models' own `editable_by` helpers; OPH viewers only read."""
    return getattr(user, "is_authenticated", False) and (
        user.is_superuser or can_view_results(user)
    )
