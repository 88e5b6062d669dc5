"""The emails to registrants, each written in the registrant's own language, and the
outbox targets that send them (core/outbox.py)."""

import uuid

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.signed import signed_load
from core.translation_utils import localized_value

from .ics import event_calendar
from .models import Registration

SIGNING_SALT = "events.registration"


def registration_signature(registration: Registration) -> str:
    return signing.dumps(str(registration.token), salt=SIGNING_SALT)


def registration_from_signature(value: str) -> Registration | None:
    try:
        token = signed_load(value, salt=SIGNING_SALT, schema=uuid.UUID)
    except signing.BadSignature:
        return None
    return Registration.objects.reachable().select_related("event").filter(token=token).first()


def manage_url(registration: Registration) -> str:
    """The signed link to cancel, or to confirm or decline an offered place."""
    with translation.override(registration.language):
        path = reverse(
            "events:registration_manage",
            kwargs={"signed": registration_signature(registration)},
        )
    return settings.SITE_URL + path


SUBJECTS = {
    "confirmation": lambda: _("Ilmoittautuminen vahvistettu: %(title)s"),
    "waiting": lambda: _("Olet jonossa: %(title)s"),
    "offer": lambda: _("Sinulle vapautui paikka: %(title)s"),
    "offer_expired": lambda: _("Paikkatarjous vanheni: %(title)s"),
    "cancelled": lambda: _("Ilmoittautuminen peruttu: %(title)s"),
    "reminder": lambda: _("Muistutus: %(title)s alkaa pian"),
}
ATTACH_CALENDAR = {"confirmation", "reminder"}


def registration_message(registration: Registration, kind: str) -> EmailMessage:
    event = registration.event
    language = registration.language
    with translation.override(language):
        title = localized_value(event, "title", language) or event.title_fi
        context = {
            "registration": registration,
            "event": event,
            "title": title,
            "venue": localized_value(event, "venue", language) or event.venue_fi,
            "address": localized_value(event, "address", language) or event.address_fi,
            "event_url": settings.SITE_URL + event.get_absolute_url(),
            "manage_url": manage_url(registration),
            "online_url": event.online_url if event.has_remote_part else "",
        }
        subject = SUBJECTS[kind]() % {"title": title}
        body = render_to_string(f"events/email/{kind}.txt", context)
        message = EmailMessage(subject=subject, body=body, to=[registration.email], reply_to=None)
        if kind in ATTACH_CALENDAR:
            message.attach(
                "tapahtuma.ics" if language == "fi" else "evenemang.ics",
                event_calendar(event, language, show_online_url=True),
                "text/calendar",
            )
    return message


def bulk_message(registration: Registration, subjects: dict, bodies: dict) -> EmailMessage:
    """A coordinator's message, in the registrant's language when it was written in it."""
    language = registration.language
    subject = subjects.get(language) or subjects["fi"]
    body = bodies.get(language) or bodies["fi"]
    with translation.override(language):
        body = render_to_string(
            "events/email/bulk.txt",
            {
                "body": body,
                "registration": registration,
                "event": registration.event,
                "manage_url": manage_url(registration),
            },
        )
    return EmailMessage(subject=subject, body=body, to=[registration.email])


# Outbox targets: the services queue them with the registration's own transaction.


def send_registration_email(registration_id: int, kind: str) -> None:
    """An outbox target: one email (confirmation, offer, reminder…) to a registrant."""
    registration = (
        Registration.objects.reachable().select_related("event").filter(pk=registration_id).first()
    )
    if registration is None:
        return  # personal data removed in the meantime
    registration_message(registration, kind).send()


def send_bulk_email(registration_id: int, subjects: dict, bodies: dict) -> None:
    """An outbox target: a coordinator's message to one registrant, in their language."""
    registration = (
        Registration.objects.reachable().select_related("event").filter(pk=registration_id).first()
    )
    if registration is None:
        return
    bulk_message(registration, subjects, bodies).send()
