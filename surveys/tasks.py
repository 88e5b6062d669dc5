"""The beat jobs of surveys: they call the services, so a rerun is a no-op. The invitation
emails are queued through the outbox to services.invitation_send itself."""

from celery import shared_task

from . import services


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


@shared_task
def purge_saved_drafts() -> int:
    """Beat, daily: "continue later" drafts past their retention time are deleted."""
    return services.saved_drafts_purge()
