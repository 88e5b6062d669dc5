"""The beat jobs of events: each loads what is due and calls a service; a second run does
nothing new. The emails that the services queue through the outbox are events/emails.py's."""

from celery import shared_task

from . import services


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


@shared_task
def index_due_events() -> int:
    from .search import index_due_events as index_due

    return index_due()
