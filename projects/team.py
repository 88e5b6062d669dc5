"""A project's coordinators: who holds the role, and the network's writes that give and
take it (the workspace's "Koordinaattorit" page).

Memberships are the network's data (`Membership.objects.editable_by`: network
coordinators). An address without an account gets one, with no password, and an
invitation to choose it (accounts.services.user_invite, through the outbox); an account
that is already in use gains the project and a mail that says so (projects/emails.py).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AccountStatus
from accounts.services import user_invite
from core import outbox
from core.roles import is_network_coordinator

from .models import Membership, Project

SEND_COORDINATOR_ADDED = "projects.emails.send_coordinator_added"
# An invitation can be sent again while the account has no password yet.
INVITABLE = (AccountStatus.INVITED, AccountStatus.INVITATION_EXPIRED, AccountStatus.NOT_INVITED)


def may_manage(user) -> bool:
    """Giving and taking the role: the rule of Membership.objects.editable_by (network
    coordinators)."""
    return is_network_coordinator(user)


def coordinators(project: Project) -> list[dict]:
    """The project's coordinators with where each account stands, by name."""
    now = timezone.now()
    memberships = project.memberships.select_related("user").order_by(
        "user__last_name", "user__first_name", "user__email"
    )
    return [
        {"membership": m, "user": m.user, "status": m.user.account_status(now)} for m in memberships
    ]


def _check(user) -> None:
    if not may_manage(user):
        raise PermissionDenied


@transaction.atomic
def coordinator_add(
    *, project: Project, email: str, first_name: str, last_name: str, language: str, by
) -> tuple[Membership, bool]:
    """Give `email` the coordinator's role in `project`. Returns the membership and whether
    an invitation was queued (for an account without a password); an account in use is
    told by mail instead.

    Refused, with the reason on the address, for a closed account (only the admin opens
    it again) and for someone who already holds the role.
    """
    _check(by)
    User = get_user_model()
    user, _created = User.objects.get_or_create(
        email=email.strip().lower(),
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "language": language,
            "password": make_password(None),  # unusable until the invitation is accepted
        },
    )
    if not user.is_active:
        raise ValidationError(
            {"email": _("Tämän osoitteen käyttäjätili on suljettu. Vain ylläpito voi avata sen.")}
        )
    membership, created = Membership.objects.get_or_create(user=user, project=project)
    if not created:
        raise ValidationError({"email": _("Hänellä on jo tämän hankkeen koordinaattorin rooli.")})
    invited = not user.has_usable_password()
    if invited:
        user_invite(user=user, invited_by=by)
    else:
        outbox.enqueue(SEND_COORDINATOR_ADDED, membership.pk)
    return membership, invited


@transaction.atomic
def coordinator_reinvite(*, membership: Membership, by) -> None:
    """A new invitation for an account still without a password (the newest link is the
    one that works)."""
    _check(by)
    user = membership.user
    if user.account_status(timezone.now()) not in INVITABLE:
        raise ValidationError(_("Tili on jo käytössä tai suljettu, joten kutsua ei lähetetty."))
    user_invite(user=user, invited_by=by)


@transaction.atomic
def coordinator_remove(*, membership: Membership, by) -> None:
    """Take the role away: the account stays, without this project."""
    _check(by)
    membership.delete()
