"""The account mails, written and sent by a worker in the user's language (outbox targets).

The request only queues them (accounts.services): an SMTP server that is down or slow
costs the request nothing, and a failure here fails the outbox message, which the
outbox hands over again (core.outbox). The links are made here, at sending time, from the
user's current state, so the outbox rows hold ids and never a token.
"""

from datetime import datetime
from urllib.parse import urlsplit

from allauth.account.adapter import get_adapter
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmation, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.core.context import request_context
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .services import address_fingerprint, invitation_token_make


def _language(user) -> str:
    return user.language or settings.LANGUAGE_CODE


def invitation_message(user, invited_by=None) -> EmailMessage:
    with translation.override(_language(user)):
        path = reverse("accounts:invitation_accept", kwargs={"token": invitation_token_make(user)})
        context = {
            "user": user,
            "invited_by": invited_by,
            "url": f"{settings.SITE_URL}{path}",
            "valid_days": settings.INVITATION_VALID_DAYS,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_message.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def send_invitation(user_id: int, invited_at: str, invited_by_id: int | None = None) -> None:
    """Outbox target: the invitation queued by `user_invite`, with a link made now.

    Nothing when the account has been closed, or the invitation replaced by a newer one
    (whose own message sends the mail), by the time it runs.
    """
    User = get_user_model()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or user.invited_at != datetime.fromisoformat(invited_at):
        return
    invited_by = User.objects.filter(pk=invited_by_id).first() if invited_by_id else None
    invitation_message(user, invited_by).send()


class SiteRequest(HttpRequest):
    """A request for SITE_URL, in which allauth's mail code runs in a worker.

    allauth builds the reset and confirmation links and the mail's site name from the
    request that asked for them (`build_absolute_uri`, `get_current_site`); a worker has
    none, and the portal's links start with SITE_URL anyway, never with a Host header a
    client wrote.
    """

    def __init__(self):
        super().__init__()
        self.site = urlsplit(settings.SITE_URL)
        self.path = self.path_info = "/"
        self.META["SERVER_NAME"] = self.site.hostname or ""
        default_port = 443 if self.site.scheme == "https" else 80
        self.META["SERVER_PORT"] = str(self.site.port or default_port)

    def _get_scheme(self):
        return self.site.scheme or "https"

    def get_host(self):
        return self.site.netloc


def _address_of(user, fingerprint: str) -> str | None:
    """The user's address that the reset was asked for; None once it is no longer theirs."""
    others = EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    addresses = [user.email, *others]
    return next((a for a in addresses if a and address_fingerprint(a) == fingerprint), None)


def send_password_reset(user_ids: list[int], fingerprint: str) -> None:
    """Outbox target: allauth's password-reset mail (its templates, token generator, link
    and adapter), queued by `accounts.services.password_reset_request`.

    The key and link are made here, as allauth's own `request_password_reset` makes them,
    in the user's language; they are stateless (a hash of the account's state), so the
    link works as if the request had made it. Nothing for a closed account, or once the
    address is no longer the account's.
    """
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    for user in users.order_by("pk"):
        email = _address_of(user, fingerprint)
        if email is None:
            continue
        request = SiteRequest()
        with translation.override(_language(user)), request_context(request):
            adapter = get_adapter()
            uid = user_pk_to_url_str(user)
            key = default_token_generator.make_token(user)
            context = {
                "user": user,
                "password_reset_url": adapter.get_reset_password_from_key_url(f"{uid}-{key}"),
                "uid": uid,
                "key": key,
                "request": request,
            }
            adapter.send_password_reset_mail(user, email, context)


def send_email_confirmation(
    address_id: int, fingerprint: str, signup: bool = False, confirmation_id: int | None = None
) -> None:
    """Outbox target: allauth's confirmation mail, queued by the account adapter
    (`accounts.services.email_confirmation_request`).

    The confirmation is rebuilt here: allauth's HMAC key (a signature of the address's
    id, so the link works as if the request had made it), or the stored confirmation
    made in the request when ACCOUNT_EMAIL_CONFIRMATION_HMAC is off. Its link starts
    with SITE_URL and is in the user's language. Nothing once the account is closed, the
    address verified, changed or removed, or the stored confirmation gone.
    """
    address = (
        EmailAddress.objects.select_related("user")
        .filter(pk=address_id, verified=False, user__is_active=True)
        .first()
    )
    if address is None or address_fingerprint(address.email) != fingerprint:
        return
    if confirmation_id is None:
        confirmation = EmailConfirmationHMAC(address)
    else:
        confirmation = EmailConfirmation.objects.filter(
            pk=confirmation_id, email_address=address
        ).first()
        if confirmation is None:
            return
    request = SiteRequest()
    with translation.override(_language(address.user)), request_context(request):
        get_adapter().deliver_confirmation_mail(request, confirmation, signup)
