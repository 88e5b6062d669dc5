"""Celery tasks: they load by id and call a service; a second delivery does nothing new."""

from smtplib import SMTPException

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from . import services
from .emails import bulk_message, registration_message
from .models import Registration


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_registration_email(registration_id: int, kind: str) -> None:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return
    registration_message(registration, kind).send()


@shared_task
def expire_offers() -> int:
    return services.offers_expire()


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_reminder(registration_id: int) -> None:
    with transaction.atomic():
        pending = Registration.objects.reachable().filter(pk=registration_id, reminded_at=None)
        if not pending.update(reminded_at=timezone.now()):
            return  # an earlier run already sent it
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        # A failed send rolls the claim back, so the next run tries again.
        registration_message(registration, "reminder").send()


@shared_task
def send_reminders() -> int:
    ids = list(services.reminders_due().values_list("pk", flat=True))
    for registration_id in ids:
        send_reminder.delay(registration_id)
    return len(ids)


@shared_task
def remove_personal_data() -> int:
    events = list(services.events_past_retention())
    for event in events:
        services.personal_data_remove(event=event)
    return len(events)


@shared_task(autoretry_for=(SMTPException, ConnectionError), retry_backoff=True, max_retries=5)
def send_bulk_email(registration_id: int, subjects: dict, bodies: dict) -> None:
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email:
        return
    bulk_message(registration, subjects, bodies).send()
