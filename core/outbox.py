"""Transactional outbox: background work that must not be lost when the broker is down.

    from celery import shared_task
from django.db import transaction
    from core import outbox

    with transaction.atomic():
        response = Response.objects.create(...)
        outbox.enqueue("surveys.tasks.send_thank_you", response.pk)

`enqueue` stores the dotted path of a function (a plain function or a Celery
task) and its JSON arguments in the caller's transaction: the work exists
exactly when the data exists. After the commit the message is handed to Celery;
when the broker does not answer it stays in the table and the beat task
`valita.outbox.redispatch` (every minute) hands it over again.

The worker runs it through `valita.outbox.run`, which locks the message row,
calls the function in the same transaction and marks the message done: its
database effects happen exactly once, even when the message is delivered twice
(a redispatch, a worker killed before the acknowledgement). Effects outside the
database (an email) happen at least once: a worker killed after sending but
before the commit sends again.

This is the one way to start background work from data (README, "Background
work"); core/tests/test_background_rule.py fails on any other.
"""

import logging
from datetime import timedelta
from functools import partial

from celery import shared_task
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# Fresh messages are being dispatched by their on_commit hook.
DISPATCH_GRACE = timedelta(seconds=10)
# A dispatched message not done by then is taken as lost by the broker.
REDISPATCH_AFTER = timedelta(minutes=10)
MAX_ATTEMPTS = 10


def enqueue(task: str, *args, **kwargs) -> OutboxMessage:
    """Store `task(*args, **kwargs)` with the caller's data; it runs after the commit."""
    import_string(task)  # a typo fails here, in the request, not later in a worker
    message = OutboxMessage.objects.create(task=task, args=list(args), kwargs=kwargs)
    transaction.on_commit(partial(dispatch, message.pk), robust=True)
    return message


def dispatch(message_id: int) -> bool:
    """Hand one message to the broker; False (and the message kept) when it does not answer.

    The message is marked as handed over BEFORE the broker gets it: once a worker
    has it, `run` holds its row lock for the whole task, and an update after
    `apply_async` would wait for the task to end (a web request held for as long).
    """
    marked = OutboxMessage.objects.filter(pk=message_id, done_at__isnull=True).update(
        dispatched_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not marked:
        return True  # done already
    try:
        outbox_run.apply_async((message_id,), retry=False, ignore_result=True)
    except Exception as error:  # noqa: BLE001 - any broker failure: keep it for the beat
        logger.warning("Outbox message %s kept for later: %s", message_id, error)
        # Not an attempt: a broker outage must not use up the message's attempts.
        OutboxMessage.objects.filter(pk=message_id).update(
            dispatched_at=None, attempts=F("attempts") - 1, last_error=str(error)[:1000]
        )
        return False
    return True


def pending(*, grace: timedelta = DISPATCH_GRACE):
    now = timezone.now()
    return OutboxMessage.objects.filter(done_at__isnull=True, attempts__lt=MAX_ATTEMPTS).filter(
        Q(dispatched_at__isnull=True, created_at__lte=now - grace)
        | Q(dispatched_at__lte=now - REDISPATCH_AFTER)
    )


def dispatch_pending(*, grace: timedelta = DISPATCH_GRACE, limit: int = 1000) -> int:
    """Hand over what was not handed over (or got lost); the number handed over."""
    sent = 0
    for message_id in pending(grace=grace).values_list("pk", flat=True)[:limit]:
        if not dispatch(message_id):
            break  # the broker is still down: the next beat tries again
        sent += 1
    return sent


def run(message_id: int) -> bool:
    """Run one message once: the function and the done mark commit together."""
    try:
        with transaction.atomic():
            message = (
                OutboxMessage.objects.select_for_update()
                .filter(pk=message_id, done_at__isnull=True)
                .first()
            )
            if message is None:
                return False  # done already: a duplicate delivery
            import_string(message.task)(*message.args, **message.kwargs)
            message.done_at = timezone.now()
            message.last_error = ""
            message.save(update_fields=["done_at", "last_error"])
    except Exception as error:
        OutboxMessage.objects.filter(pk=message_id).update(last_error=repr(error)[:1000])
        raise
    return True


@shared_task(name="valita.outbox.run", ignore_result=True)
def outbox_run(message_id: int) -> bool:
    """The Celery task that carries one message to a worker."""
    return run(message_id)


@shared_task(name="valita.outbox.redispatch", ignore_result=True)
def outbox_redispatch() -> int:
    """The beat task (every minute): hand over what the broker did not take."""
    return dispatch_pending()


def run_pending_inline() -> int:
    """Tests and management: run every pending message in this process; how many ran."""
    ids = OutboxMessage.objects.filter(done_at__isnull=True).values_list("pk", flat=True)
    return sum(run(pk) for pk in list(ids))


def send_email(subject: str, body: str, recipients: list[str]) -> None:
    """An outbox target for plain emails: `enqueue("core.outbox.send_email", s, b, [to])`."""
    from django.core.mail import send_mail

    send_mail(subject, body, None, recipients)
