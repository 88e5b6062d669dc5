"""The beat job of the practices app: follow-up reminders (the emails are practices/emails.py's)."""

from celery import shared_task

from . import services


@shared_task
def send_followup_reminders() -> int:
    return services.followup_reminders_send()
