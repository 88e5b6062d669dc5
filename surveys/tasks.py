"""Background work of surveys; each task loads by id and calls a service, so a rerun is a no-op."""

from celery import shared_task

from . import services


def invitation_send(invitation_id: int) -> None:
    """Outbox target: the invitation email (once)."""
    services.invitation_send(invitation_id)


def invitation_remind(invitation_id: int, number: int | None = None) -> None:
    """Outbox target: the reminder email (once; a scheduled one as its `number`)."""
    services.invitation_send(invitation_id, reminder=True, number=number)


@shared_task
def invite_and_remind() -> int:
    """Beat: invite participants of ended events, remind invitees who have not answered
    (a week after the invitation, or when the survey's scheduled reminders are due)."""
    from . import collecting

    return (
        services.event_invitations_create()
        + services.reminders_queue()
        + collecting.scheduled_reminders_queue()
    )
