from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac

from core.signed import Id, MaxLength, signed_load

INVITATION_SALT = "accounts.invitation"


def _account_state(user) -> str:
    # Changes once the password is set or the user signs in (the link is single use), when
    # the address is corrected, the account closed, or a new invitation sent (only the
    # newest link works).
    state = ":".join(
        str(part)
        for part in (
            user.pk,
            user.email.lower(),
            user.is_active,
            user.password,
            user.last_login,
            user.invited_at,
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


def user_invite(*, user, invited_by=None) -> None:
    """Email the user a link to choose a password; the link is valid for a few days, until
    a newer invitation replaces it."""
    user.invited_at = timezone.now()
    type(user).objects.filter(pk=user.pk).update(invited_at=user.invited_at)
    with translation.override(user.language):
        path = reverse("accounts:invitation_accept", kwargs={"token": invitation_token_make(user)})
        context = {
            "user": user,
            "invited_by": invited_by,
            "url": f"{settings.SITE_URL}{path}",
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def invitation_accept(*, user, password: str) -> None:
    """Set the password and take the invited address as verified and primary."""
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
