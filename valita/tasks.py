from celery import shared_task

from . import outbox


@shared_task(name="valita.outbox.run", ignore_result=True)
def outbox_run(message_id: int) -> bool:
    return outbox.run(message_id)


@shared_task(name="valita.outbox.redispatch", ignore_result=True)
def outbox_redispatch() -> int:
    return outbox.dispatch_pending()


@shared_task(name="valita.beat_heartbeat", ignore_result=True)
def beat_heartbeat() -> None:
    """Nothing to do: beat records in its schedule file when it sent this (beat_health)."""
