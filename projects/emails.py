"""The mail to a coordinator whose account gains a project (projects/team.py), written in
the user's language by the worker (an outbox target, core/outbox.py). An account that is
invited instead gets the invitation, which leads to the same workspace."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from core.translation_utils import localized_value

from .models import Membership


def coordinator_added_message(membership: Membership) -> EmailMessage:
    user, project = membership.user, membership.project
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "project": localized_value(project, "name", language) or project.name_fi,
            "url": settings.SITE_URL + reverse("workspace:home"),
        }
        subject = render_to_string("projects/email/coordinator_added_subject.txt", context)
        body = render_to_string("projects/email/coordinator_added_message.txt", context)
    return EmailMessage(subject=subject.strip(), body=body, to=[user.email])


def send_coordinator_added(membership_id: int) -> None:
    """Outbox target: nothing when the role was taken away again, or the account closed,
    before the worker ran."""
    membership = (
        Membership.objects.select_related("user", "project")
        .filter(pk=membership_id, user__is_active=True)
        .first()
    )
    if membership is not None:
        coordinator_added_message(membership).send()
