from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from allauth.account.models import EmailAddress, EmailConfirmation
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core import outbox
from core.signed import Id, MaxLength, signed_load

INVITATION_SALT = "accounts.invitation"
ADDRESS_SALT = "accounts.password-reset-address"
# Outbox targets (accounts/emails.py): the mails are written and sent by a worker, which
# makes their links itself, so no token is ever stored in an outbox row.
SEND_INVITATION = "accounts.emails.send_invitation"
SEND_PASSWORD_RESET = "accounts.emails.send_password_reset"  # noqa: S105 - a task's path
SEND_EMAIL_CONFIRMATION = "accounts.emails.send_email_confirmation"


def _account_state(user) -> str:
    """What an invitation link is bound to: any change in it ends the link.

    It changes once the password is set or the user signs in (the link is single use),
    when the address is corrected, when a new invitation is sent (only the newest link
    works), and when the account is closed. Closing is for good: `deactivated_at` is
    stamped at every deactivation and never cleared (`User.save`), so reactivating the
    account does not bring back the state of a link made before it; only an invitation
    sent after the reactivation works. `is_active` alone would not do, since a
    reactivation restores it.
    """
    state = ":".join(
        str(part)
        for part in (
            user.pk,
            user.email.lower(),
            user.is_active,
            user.password,
            user.last_login,
            user.invited_at,
            user.deactivated_at,
        )
    )
    return salted_hmac(INVITATION_SALT, state, algorithm="sha256").hexdigest()[:20]


@dataclass
class InvitationToken:
    u: Id  # the user
    s: Annotated[str, MaxLength(40)]  # the account state when the link was made


def invitation_token_make(user) -> str:
    return signing.dumps({"u": user.pk, "s": _account_state(user)}, salt=INVITATION_SALT)


def invitation_token_user(token: str):
    """The invited user, or None when the link is broken, used or expired."""
    max_age = timedelta(days=settings.INVITATION_VALID_DAYS)
    try:
        data = signed_load(token, salt=INVITATION_SALT, schema=InvitationToken, max_age=max_age)
    except signing.BadSignature:
        return None
    user = get_user_model().objects.filter(pk=data.u, is_active=True).first()
    if user is None or data.s != _account_state(user):
        return None
    return user


@transaction.atomic
def user_invite(*, user, invited_by=None) -> None:
    """Email the user a link to choose a password; the link is valid for a few days, until
    a newer invitation replaces it.

    The mail goes through the outbox: the new `invited_at` (which ends every earlier
    link) and the message commit together, and the worker writes the link and sends it.
    """
    user.invited_at = timezone.now()
    type(user).objects.filter(pk=user.pk).update(invited_at=user.invited_at)
    outbox.enqueue(
        SEND_INVITATION,
        user.pk,
        user.invited_at.isoformat(),
        invited_by_id=invited_by.pk if invited_by is not None else None,
    )


def address_fingerprint(address: str) -> str:
    """A keyed fingerprint of an address: names it in an outbox row without writing it
    there (the rows outlive an erasure, and network coordinators read them)."""
    return salted_hmac(ADDRESS_SALT, address.strip().lower(), algorithm="sha256").hexdigest()


@transaction.atomic
def password_reset_request(*, email: str, users) -> None:
    """Queue allauth's password-reset mail for `users`, the active accounts of `email`.

    Past allauth's look-up of the address, the request does the same whether the address
    has an account or not (one outbox message, no mail): no SMTP round trip or error
    tells an account apart by the answer or its time. The message holds
    the users' ids and a fingerprint of the address, never the address or a token; the
    worker makes the link (`accounts.emails.send_password_reset`). For an unknown
    address the message names nobody and sends nothing.
    """
    fingerprint = address_fingerprint(email)
    user_ids = sorted(user.pk for user in users)
    outbox.enqueue(SEND_PASSWORD_RESET, user_ids, fingerprint if user_ids else "")


@transaction.atomic
def email_confirmation_request(*, confirmation, signup: bool = False) -> None:
    """Queue allauth's confirmation mail for `confirmation` (an EmailConfirmationHMAC, or
    the stored EmailConfirmation when ACCOUNT_EMAIL_CONFIRMATION_HMAC is off).

    Called by the account adapter where allauth would send the mail in the request
    (a sign-in with an unverified address, an address added or sent again). The message
    holds the address's id and fingerprint, and the stored confirmation's id when there
    is one, never the key or the address; the worker writes the mail and its link
    (`accounts.emails.send_email_confirmation`).
    """
    address = confirmation.email_address
    stored = isinstance(confirmation, EmailConfirmation)
    outbox.enqueue(
        SEND_EMAIL_CONFIRMATION,
        address.pk,
        address_fingerprint(address.email),
        signup=signup,
        confirmation_id=confirmation.pk if stored else None,
    )


@transaction.atomic
def invitation_accept(*, user, password: str) -> None:
    """Set the password and take the invited address as verified and primary."""
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
