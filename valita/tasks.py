from celery import shared_task

from . import outbox


@shared_task(name="valita.outbox.run", ignore_result=True)
def outbox_run(message_id: int) -> bool:
    return outbox.run(message_id)


@shared_task(name="valita.outbox.redispatch", ignore_result=True)
def outbox_redispatch() -> int:
    return outbox.dispatch_pending()
