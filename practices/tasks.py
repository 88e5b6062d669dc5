"""Celery work of the practices app: follow-up emails (through the outbox) and reminders."""

from celery import shared_task
from django.utils import timezone

from . import services
from .emails import followup_message
from .models import FollowUpRequest


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


@shared_task
def send_followup_reminders() -> int:
    return services.followup_reminders_send()
