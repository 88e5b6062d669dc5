import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from core import outbox
from core.models import OutboxMessage
from core.tests import outbox_targets
from core.tests.helpers import wait_until
from core.tests.outbox_targets import runs
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db
RECORD = "core.tests.outbox_targets.record"


@pytest.fixture
def eager():
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def test_the_message_lives_and_dies_with_the_callers_transaction():
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue(RECORD, "a")
        raise RuntimeError("rolled back")
    assert not OutboxMessage.objects.exists()


def test_a_typo_in_the_task_name_fails_at_enqueue():
    with pytest.raises(ImportError):
        outbox.enqueue("core.tests.outbox_targets.no_such_function", 1)


def test_the_message_runs_after_the_commit(eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.enqueue(RECORD, "after-commit")
        assert runs("after-commit") == 0
    message.refresh_from_db()
    assert message.done_at is not None
    assert runs("after-commit") == 1


def test_a_duplicate_delivery_has_no_second_effect():
    message = outbox.enqueue(RECORD, "twice")
    assert outbox.run(message.pk) is True
    assert outbox.run(message.pk) is False
    assert runs("twice") == 1


def test_a_failing_task_rolls_back_its_effect_and_stays_pending():
    message = outbox.enqueue("core.tests.outbox_targets.fail", "failed")
    with pytest.raises(RuntimeError):
        outbox.run(message.pk)
    message.refresh_from_db()
    assert message.done_at is None
    assert "the target failed" in message.last_error
    assert runs("failed") == 0


def test_pending_messages_are_dispatched_again(eager):
    message = outbox.enqueue(RECORD, "late")  # on_commit never ran: the broker was down
    call_command("outbox_dispatch", stdout=open("/dev/null", "w"))  # noqa: SIM115
    message.refresh_from_db()
    assert message.done_at is not None
    assert runs("late") == 1


def test_fresh_messages_are_left_to_their_commit_hook():
    outbox.enqueue(RECORD, "fresh")
    assert not outbox.pending().exists()


def test_run_pending_inline_for_tests_and_operators():
    outbox.enqueue(RECORD, "inline-1")
    outbox.enqueue(RECORD, "inline-2")
    assert outbox.run_pending_inline() == 2
    assert outbox.run_pending_inline() == 0


def test_the_beat_redispatches_the_outbox():
    entry = celery_app.conf.beat_schedule["valita-outbox-redispatch"]
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 60


def test_celery_redelivers_tasks_of_a_lost_worker():
    conf = celery_app.conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.broker_transport_options["visibility_timeout"] > conf.task_time_limit


def _waiting_for_a_row_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.requires_postgresql("row locks between parallel connections")
def test_two_simultaneous_deliveries_run_the_message_once():
    """The row lock in `run`: without it both deliveries see the message not done and
    run its function (the function counts its runs in a table with no unique key)."""
    gate = outbox_targets.gate = outbox_targets.Gate()
    message = OutboxMessage.objects.create(
        task="core.tests.outbox_targets.record_and_wait", args=["simultaneous"]
    )
    results = []

    def deliver():
        try:
            results.append(outbox.run(message.pk))
        finally:
            connection.close()

    first = threading.Thread(target=deliver)
    first.start()
    try:
        assert gate.entered.acquire(timeout=30), "the first delivery never started"
        second = threading.Thread(target=deliver)
        second.start()
        # The second delivery now either waits for the first one's row lock, or (with no
        # lock) is inside the function as well.
        wait_until(
            lambda: _waiting_for_a_row_lock() or gate.entered.acquire(blocking=False),
            30,
            "the second delivery to wait for the lock or to run",
            interval=0.02,
        )
    finally:
        gate.open.set()
        first.join(30)
    second.join(30)
    assert sorted(results) == [False, True]
    assert runs("simultaneous") == 1
