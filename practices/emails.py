"""Follow-up emails, each written in the contact's own language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from core.translation_utils import localized_value

from .models import FollowUpRequest


def followup_url(request: FollowUpRequest) -> str:
    from .services import followup_signature

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
