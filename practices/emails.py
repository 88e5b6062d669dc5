"""Follow-up emails, each written in the contact's own language, and the outbox target
that sends them (core/outbox.py)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.translation_utils import localized_value

from .models import FollowUpRequest
from .services import followup_signature


def followup_url(request: FollowUpRequest) -> str:
    with translation.override(request.language):
        path = reverse("practices:followup_answer", kwargs={"signed": followup_signature(request)})
    return settings.SITE_URL + path


def followup_message(request: FollowUpRequest, kind: str) -> EmailMessage:
    practice = request.adoption.practice
    language = request.language
    with translation.override(language):
        title = localized_value(practice, "title", language) or practice.title_fi
        organisation = (
            localized_value(request.adoption.organisation, "name", language)
            or request.adoption.organisation.name_fi
        )
        context = {
            "title": title,
            "organisation": organisation,
            "url": followup_url(request),
            "closes_at": request.round.closes_at,
            "kind": kind,
        }
        if kind == "reminder":
            subject = _("Muistutus: onko %(title)s edelleen käytössä?") % {"title": title}
        else:
            subject = _("Onko %(title)s edelleen käytössä?") % {"title": title}
        body = render_to_string("practices/email/followup.txt", context)
    return EmailMessage(subject=subject, body=body, to=[request.email])


def send_followup_email(request_id: int, kind: str) -> None:
    """An outbox target: the invitation or the reminder of one follow-up request.

    Runs inside the outbox's transaction, which marks the message done with it.
    A request answered in the meantime gets no reminder; an erased one (no address) nothing.
    """
    request = (
        FollowUpRequest.objects.reachable()
        .select_related("round", "adoption__practice", "adoption__organisation")
        .filter(pk=request_id)
        .first()
    )
    if request is None or (kind == "reminder" and request.answered_at):
        return
    followup_message(request, kind).send()
    if kind == "invitation" and request.sent_at is None:
        FollowUpRequest.objects.filter(pk=request_id).update(sent_at=timezone.now())
