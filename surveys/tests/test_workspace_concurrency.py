"""Editing a survey while respondents answer it loses no response (PostgreSQL: real row
locks between two connections)."""

import threading
import time
import uuid

import pytest
from django.db import connection, transaction

from surveys import builder, services
from surveys.answering import Structure
from surveys.models import Answer, Question, Response
from surveys.tests.factories import ChoiceFactory, PageFactory, QuestionFactory, SurveyFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.requires_postgresql]


def _run(target, errors):
    def wrapped():
        try:
            target()
        except Exception as error:  # reported to the test's thread
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=wrapped)
    thread.start()
    return thread


def test_a_response_saved_while_a_question_is_deleted_keeps_its_other_answers():
    survey = SurveyFactory()
    page1, page2 = PageFactory(survey=survey, order=1), PageFactory(survey=survey, order=2)
    single = QuestionFactory(page=page1, kind=Question.Kind.SINGLE, order=1)
    yes = ChoiceFactory(question=single)
    kept = QuestionFactory(page=page2, order=1)
    deleted = QuestionFactory(page=page2, order=2)
    # The respondent's form was built before the edit: it still has the deleted question.
    structure = Structure(survey)
    answers = {str(single.pk): yes.pk, str(kept.pk): "säilyy", str(deleted.pk): "poistuu"}
    deleting, errors = threading.Event(), []

    def edit():
        with transaction.atomic():
            builder.question_delete(question=Question.objects.get(pk=deleted.pk))
            deleting.set()
            time.sleep(1.0)  # the respondent's save starts and waits on the survey's lock

    def submit():
        deleting.wait(5)
        services.response_submit(
            survey=survey, answers=answers, structure=structure, submission_key=str(uuid.uuid4())
        )

    threads = [_run(edit, errors), _run(submit, errors)]
    for thread in threads:
        thread.join(15)
    assert errors == []
    assert not Question.objects.filter(pk=deleted.pk).exists()
    response = Response.objects.get(survey=survey)
    saved = {a.question_id: a for a in Answer.objects.filter(response=response)}
    assert set(saved) == {single.pk, kept.pk}
    assert saved[kept.pk].text == "säilyy" and saved[single.pk].choice_id == yes.pk


def test_texts_edited_while_a_response_is_saved_change_nothing_in_it():
    survey = SurveyFactory()
    page = PageFactory(survey=survey, order=1)
    question = QuestionFactory(page=page, order=1)
    structure = Structure(survey)
    saving, errors = threading.Event(), []

    def edit():
        saving.wait(5)
        with transaction.atomic():
            question_now = Question.objects.get(pk=question.pk)
            question_now.text_fi = "Korjattu teksti"
            builder.question_update(question=question_now)
            time.sleep(0.5)

    def submit():
        with transaction.atomic():
            saving.set()
            services.response_submit(
                survey=survey,
                answers={str(question.pk): "vastaus"},
                structure=structure,
                submission_key=str(uuid.uuid4()),
            )
            time.sleep(0.5)

    threads = [_run(edit, errors), _run(submit, errors)]
    for thread in threads:
        thread.join(15)
    assert errors == []
    assert Answer.objects.get(question=question).text == "vastaus"
    assert Question.objects.get(pk=question.pk).text_fi == "Korjattu teksti"
