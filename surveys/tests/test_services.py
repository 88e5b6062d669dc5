"""Services: the no-corruption rule, next round, conditions, one response per key, emails."""

import threading
import time
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone, translation

from core import outbox
from surveys import services
from surveys.answering import Structure
from surveys.models import (
    Answer,
    Collector,
    Condition,
    Invitation,
    Question,
    Response,
    Survey,
)
from surveys.tests.factories import (
    ChoiceFactory,
    InvitationFactory,
    QuestionFactory,
    StatementFactory,
    build_survey,
)

pytestmark = pytest.mark.django_db

# Parallel writers on separate connections: SQLite locks the whole file instead of a row.


def submit(s, *, key=None, invitation=None, is_test=False, answers=None):
    structure = Structure(s["survey"])
    answers = answers or {
        str(s["likert"].pk): {str(s["s1"].pk): 4, str(s["s2"].pk): "dk"},
        str(s["single"].pk): s["no"].pk,
        str(s["short"].pk): "teksti",
    }
    return services.response_submit(
        survey=s["survey"],
        answers=answers,
        structure=structure,
        submission_key=key or str(uuid.uuid4()),
        invitation=invitation,
        collector=invitation.collector if invitation else None,
        is_test=is_test,
    )


# The no-corruption rule --------------------------------------------------------------------


def test_kind_of_an_answered_question_cannot_change():
    s = build_survey()
    submit(s)
    question = Question.objects.get(pk=s["single"].pk)
    question.kind = Question.Kind.MULTIPLE
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert error.value.error_dict["kind"][0].code == "answered"
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "Enkäten har redan besvarats" in error.value.error_dict["kind"][0].messages[0]


def test_scale_and_dont_know_cannot_change_but_texts_can():
    s = build_survey()
    submit(s)
    question = Question.objects.get(pk=s["likert"].pk)
    question.scale_size = 7
    question.allow_dont_know = False
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert set(error.value.error_dict) == {"scale_size", "allow_dont_know"}
    question = Question.objects.get(pk=s["likert"].pk)
    question.text_fi = "Korjattu kirjoitusvirhe"
    question.full_clean()


def test_test_responses_do_not_lock_the_survey():
    s = build_survey()
    submit(s, is_test=True)
    question = Question.objects.get(pk=s["single"].pk)
    question.kind = Question.Kind.MULTIPLE
    question.full_clean()  # no "answered" error: test answers do not count
    question.save()
    services.question_delete(s["number"])
    assert Question.objects.get(pk=s["single"].pk).kind == Question.Kind.MULTIPLE
    assert not Question.objects.filter(pk=s["number"].pk).exists()


def test_answered_question_cannot_be_deleted_through_the_service():
    s = build_survey()
    submit(s)
    with pytest.raises(ValidationError) as error:
        services.question_delete(s["number"])
    assert error.value.code == "answered"
    assert Question.objects.filter(pk=s["number"].pk).exists()


# Next round --------------------------------------------------------------------------------


def test_copy_as_next_round_links_every_part():
    s = build_survey()
    submit(s)
    copy = services.survey_copy_as_next_round(s["survey"])
    assert copy.status == Survey.Status.DRAFT
    assert (copy.series, copy.round) == (s["survey"].series, 2)
    assert copy.questions.count() == s["survey"].questions.count()
    assert not copy.responses.exists()
    new_likert = copy.questions.get(previous=s["likert"])
    assert {st.previous_id for st in new_likert.statements.all()} == {s["s1"].pk, s["s2"].pk}
    new_single = copy.questions.get(previous=s["single"])
    assert {c.previous_id for c in new_single.choices.all()} == {s["yes"].pk, s["no"].pk}
    conditions = Condition.objects.filter(source__survey=copy)
    assert conditions.count() == 2
    page_condition = conditions.get(page__isnull=False)
    assert page_condition.page.survey == copy
    assert [c.previous_id for c in page_condition.choices.all()] == [s["yes"].pk]
    third = services.survey_copy_as_next_round(s["survey"])
    assert third.round == 3


# Conditions --------------------------------------------------------------------------------


def test_conditions_decide_pages_and_questions():
    s = build_survey()
    structure = Structure(s["survey"])
    yes = {str(s["single"].pk): s["yes"].pk, str(s["likert"].pk): {str(s["s1"].pk): 4}}
    no = {str(s["single"].pk): s["no"].pk, str(s["likert"].pk): {str(s["s1"].pk): "dk"}}
    assert len(structure.visible_pages(yes)) == 3
    assert len(structure.visible_pages(no)) == 2
    page2 = s["pages"][1]
    assert s["long"] in structure.visible_questions(page2, yes)
    assert s["long"] not in structure.visible_questions(page2, no)  # "don't know" is no value


def test_at_most_condition():
    s = build_survey()
    condition = Condition(
        question=s["short"],
        source=s["likert"],
        operator=Condition.Operator.AT_MOST,
        statement=s["s2"],
        value=2,
    )
    assert condition.matches({str(s["likert"].pk): {str(s["s2"].pk): 2}})
    assert not condition.matches({str(s["likert"].pk): {str(s["s2"].pk): 3}})
    assert not condition.matches({})


def test_condition_source_must_be_on_an_earlier_page():
    s = build_survey()
    condition = Condition(
        question=s["number"], source=s["multiple"], operator=Condition.Operator.CHOICE_IN
    )
    with pytest.raises(ValidationError) as error:
        condition.full_clean()
    assert error.value.error_dict["source"][0].code == "not_earlier"


def test_scale_condition_needs_a_likert_source():
    s = build_survey()
    condition = Condition(
        question=s["short"],
        source=s["single"],
        operator=Condition.Operator.AT_LEAST,
        statement=s["s1"],
        value=3,
    )
    with pytest.raises(ValidationError) as error:
        condition.full_clean()
    assert [e.code for e in error.value.error_dict["operator"]] == ["not_likert"]


def test_answers_to_a_question_hidden_by_its_own_condition_are_not_stored():
    """Page 2 is shown ("yes"), but its long text only when statement 1 is at least 4."""
    s = build_survey()
    answers = {
        str(s["likert"].pk): {str(s["s1"].pk): 2},
        str(s["single"].pk): s["yes"].pk,
        str(s["number"].pk): "5",
        str(s["long"].pk): "piilossa",
        str(s["short"].pk): "näkyy",
    }
    response = services.response_submit(
        survey=s["survey"], answers=answers, submission_key=str(uuid.uuid4())
    )
    stored = set(Answer.objects.filter(response=response).values_list("question", flat=True))
    assert stored == {s["likert"].pk, s["single"].pk, s["number"].pk, s["short"].pk}


def test_hidden_answers_are_not_stored():
    s = build_survey()
    answers = {
        str(s["likert"].pk): {str(s["s1"].pk): 1},
        str(s["single"].pk): s["no"].pk,
        str(s["number"].pk): "5",  # page 2 is hidden when the answer is "no"
        str(s["long"].pk): "piilossa",
        str(s["short"].pk): "näkyy",
    }
    response = submit(s, answers=answers)
    stored = set(Answer.objects.filter(response=response).values_list("question", flat=True))
    assert stored == {s["likert"].pk, s["single"].pk, s["short"].pk}


# Submission --------------------------------------------------------------------------------


def test_same_key_gives_the_same_response():
    s = build_survey()
    key = str(uuid.uuid4())
    first = submit(s, key=key)
    second = submit(s, key=key)
    assert first.pk == second.pk
    assert Response.objects.count() == 1


def test_closed_survey_refuses_and_writes_nothing():
    s = build_survey()
    Survey.objects.filter(pk=s["survey"].pk).update(status=Survey.Status.CLOSED)
    s["survey"].refresh_from_db()
    with pytest.raises(ValidationError) as error:
        submit(s)
    assert error.value.code == "closed"
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_foreign_choice_ids_are_dropped():
    s = build_survey()
    other = ChoiceFactory()
    answers = {
        str(s["single"].pk): other.pk,
        str(s["likert"].pk): {str(s["s1"].pk): 99, "999999": 3},
    }
    response = submit(s, answers=answers)
    assert not Answer.objects.filter(response=response).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.requires_postgresql("the invitation's row lock between parallel connections")
def test_parallel_submissions_of_one_token_make_one_response():
    s = build_survey()
    invitation = InvitationFactory(collector__survey=s["survey"])
    barrier = threading.Barrier(4)
    outcomes = []

    def attempt():
        try:
            barrier.wait()
            submit(s, invitation=invitation)
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "used", "used", "used"]
    assert Response.objects.count() == 1
    assert Invitation.objects.get().used_at is not None


def test_test_response_does_not_use_the_invitation():
    s = build_survey()
    invitation = InvitationFactory(collector__survey=s["survey"])
    submit(s, invitation=invitation, is_test=True)
    invitation.refresh_from_db()
    assert invitation.used_at is None


def test_test_responses_are_deleted():
    s = build_survey()
    submit(s, is_test=True)
    submit(s)
    assert services.test_responses_delete(s["survey"]) == 1
    assert Response.objects.get().is_test is False


# Invitations -------------------------------------------------------------------------------


def test_invitations_are_sent_once_in_the_invitees_language():
    s = build_survey()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.INVITATION)
    created = services.invitations_create(
        collector=collector,
        rows=[("Anna@Example.org", "Anna", "sv"), ("matti@example.org", "", "fi")],
    )
    assert created == 2
    assert (
        services.invitations_create(collector=collector, rows=[("anna@example.org", "", "sv")]) == 0
    )
    outbox.run_pending_inline()
    assert len(mail.outbox) == 2
    swedish = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert swedish.subject.startswith("Inbjudan till enkäten")
    assert "/sv/enkater/inbjudan/" in swedish.body
    finnish = next(m for m in mail.outbox if m.to == ["matti@example.org"])
    assert "/fi/kyselyt/kutsu/" in finnish.body
    invitation = Invitation.objects.get(email="anna@example.org")
    assert not services.invitation_send(invitation.pk)  # a second delivery is a no-op
    assert len(mail.outbox) == 2


def test_reminders_go_to_those_who_have_not_answered():
    s = build_survey()
    week_ago = timezone.now() - timezone.timedelta(days=8)
    waiting = InvitationFactory(collector__survey=s["survey"], sent_at=week_ago)
    InvitationFactory(collector=waiting.collector, sent_at=week_ago, used_at=timezone.now())
    InvitationFactory(collector=waiting.collector, sent_at=timezone.now())
    assert list(services.reminders_due()) == [waiting]
    assert services.reminders_queue() == 1
    outbox.run_pending_inline()
    assert [m.to for m in mail.outbox] == [[waiting.email]]
    assert mail.outbox[0].subject.startswith("Muistutus")
    assert services.reminders_queue() == 0


def test_invitations_only_into_an_invitation_collector():
    s = build_survey()
    collector = s["survey"].collectors.get()
    with pytest.raises(ValidationError) as error:
        services.invitations_create(collector=collector, rows=[("a@example.org", "", "fi")])
    assert error.value.code == "not_invitation"
    assert not Invitation.objects.exists()


def test_statement_factory_makes_likert():
    assert StatementFactory().question.kind == Question.Kind.LIKERT
    assert QuestionFactory().kind == Question.Kind.SHORT_TEXT


# Event participants ------------------------------------------------------------------------


def test_participants_of_an_ended_event_get_the_feedback_survey_once():
    from events.models import Registration
    from events.tests.factories import EventFactory, RegistrationFactory

    s = build_survey()
    ended = EventFactory(starts_at=timezone.now() - timezone.timedelta(days=1))
    upcoming = EventFactory()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=ended)
    Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=upcoming)
    present = RegistrationFactory(event=ended, attended=True, language="sv")
    unmarked = RegistrationFactory(event=ended)
    RegistrationFactory(event=ended, attended=False)
    RegistrationFactory(event=ended, status=Registration.Status.CANCELLED)
    RegistrationFactory(event=upcoming)
    assert services.event_invitations_create() == 2
    assert services.event_invitations_create() == 0
    assert set(collector.invitations.values_list("email", flat=True)) == {
        present.email,
        unmarked.email,
    }
    outbox.run_pending_inline()
    swedish = next(m for m in mail.outbox if m.to == [present.email])
    assert "Inbjudan till enkäten" in swedish.subject
    # Answers through the invitation are results of that event.
    invitation = collector.invitations.get(email=present.email)
    submit(s, invitation=invitation)
    from surveys import results

    assert results.response_count(s["survey"], event=ended) == 1
    assert results.response_count(s["survey"], event=upcoming) == 0


def _backends_waiting_on_a_lock() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0]


def _wait_until(condition, timeout=30.0):
    """Poll for a state (not a sleep that hopes a window is wide enough)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the state never came"
        time.sleep(0.01)


@pytest.mark.django_db(transaction=True)
@pytest.mark.requires_postgresql("the invitation's row lock between parallel connections")
@pytest.mark.parametrize("locked", [True, False])
def test_the_invitation_lock_makes_a_second_submission_wait_and_refuse(monkeypatch, locked):
    """The first submission holds the invitation's row while it writes; a second one (another
    draft of the same invitation) waits for it, then finds the invitation used. Without the
    lock, the control case, the second one writes a response of its own."""
    from surveys.models import Invitation as RealInvitation

    s = build_survey()
    invitation = InvitationFactory(collector__survey=s["survey"])
    if not locked:

        class Unlocked:
            class objects:  # noqa: N801 - stands in for the manager
                @staticmethod
                def select_for_update():
                    return RealInvitation.objects.all()

        monkeypatch.setattr(services, "Invitation", Unlocked)
    first_inside, release_first = threading.Event(), threading.Event()
    real_create = Response.objects.create

    def create(**kwargs):
        if threading.current_thread().name == "first":
            first_inside.set()  # the invitation is checked (and locked, if locked)
            assert release_first.wait(timeout=30)
        return real_create(**kwargs)

    monkeypatch.setattr(Response.objects, "create", create)
    outcomes = {}

    def attempt():
        name = threading.current_thread().name
        try:
            submit(s, invitation=invitation)
            outcomes[name] = "ok"
        except ValidationError as error:
            outcomes[name] = error.code
        finally:
            connection.close()

    first = threading.Thread(target=attempt, name="first")
    first.start()
    assert first_inside.wait(timeout=30)
    second = threading.Thread(target=attempt, name="second")
    second.start()
    # The second one either waits on the first one's row lock or, unlocked, gets through.
    _wait_until(lambda: not second.is_alive() or _backends_waiting_on_a_lock() == 1)
    release_first.set()
    first.join(30)
    second.join(30)
    if locked:
        assert outcomes == {"first": "ok", "second": "used"}
        assert Response.objects.count() == 1
    else:
        assert outcomes == {"first": "ok", "second": "ok"}
        assert Response.objects.count() == 2
