import pytest
from django.core.management import call_command
from django.db import transaction

from valita import effects, outbox
from valita.celery import app as celery_app
from valita.models import OutboxMessage, TaskEffect

pytestmark = pytest.mark.django_db
RECORD = "valita.tests.outbox_targets.record"


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
        outbox.enqueue("valita.tests.outbox_targets.no_such_function", 1)


def test_the_message_runs_after_the_commit(eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = outbox.enqueue(RECORD, "after-commit")
        assert not TaskEffect.objects.filter(key="after-commit").exists()
    message.refresh_from_db()
    assert message.done_at is not None
    assert TaskEffect.objects.filter(key="after-commit").count() == 1


def test_a_duplicate_delivery_has_no_second_effect():
    message = outbox.enqueue(RECORD, "twice")
    assert outbox.run(message.pk) is True
    assert outbox.run(message.pk) is False
    assert TaskEffect.objects.filter(key="twice").count() == 1


def test_a_failing_task_rolls_back_its_effect_and_stays_pending():
    message = outbox.enqueue("valita.tests.outbox_targets.fail", "failed")
    with pytest.raises(RuntimeError):
        outbox.run(message.pk)
    message.refresh_from_db()
    assert message.done_at is None
    assert "the target failed" in message.last_error
    assert not TaskEffect.objects.filter(key="failed").exists()


def test_pending_messages_are_dispatched_again(eager):
    message = outbox.enqueue(RECORD, "late")  # on_commit never ran: the broker was down
    call_command("outbox_dispatch", stdout=open("/dev/null", "w"))  # noqa: SIM115
    message.refresh_from_db()
    assert message.done_at is not None
    assert TaskEffect.objects.filter(key="late").count() == 1


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


def test_an_effect_key_is_claimed_once():
    with transaction.atomic():
        assert effects.claim("reminder:1") is True
        assert effects.claim("reminder:1") is False


def test_a_rolled_back_claim_can_be_claimed_again():
    with pytest.raises(RuntimeError), transaction.atomic():
        effects.claim("reminder:2")
        raise RuntimeError("worker died")
    with transaction.atomic():
        assert effects.claim("reminder:2") is True


@pytest.mark.django_db(transaction=True)
def test_claim_outside_a_transaction_is_a_programming_error():
    with pytest.raises(RuntimeError):
        effects.claim("reminder:3")
