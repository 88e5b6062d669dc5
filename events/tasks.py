"""Background work of events: outbox targets (emails) and the beat jobs.

The emails are plain functions that the outbox runs (core/outbox.py): the
services queue them with the registration's own transaction. The beat jobs
load what is due and call a service; a second run does nothing new.
"""

from celery import shared_task

from . import services
from .emails import bulk_message, registration_message
from .models import Registration


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


@shared_task
def expire_offers() -> int:
    return services.offers_expire()


@shared_task
def send_reminders() -> int:
    return services.reminders_send()


@shared_task
def remove_personal_data() -> int:
    events = list(services.events_past_retention())
    for event in events:
        services.personal_data_remove(event=event)
    return len(events)
