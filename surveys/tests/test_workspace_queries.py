"""The builder's pages run a fixed number of SQL queries, however many questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from surveys.models import Condition, Question
from surveys.tests.factories import (
    ChoiceFactory,
    PageFactory,
    QuestionFactory,
    StatementFactory,
    SurveyFactory,
)

pytestmark = pytest.mark.django_db


def survey_with(questions: int):
    """`questions` questions over three pages, every kind, each with a condition on the
    first page's question."""
    survey = SurveyFactory()
    pages = [PageFactory(survey=survey, order=n) for n in (1, 2, 3)]
    source = QuestionFactory(page=pages[0], kind=Question.Kind.SINGLE)
    choice = ChoiceFactory(question=source)
    ChoiceFactory(question=source)
    # The last page always has a project question and a Likert group (the kinds that
    # query more); the rest go over pages 2 and 3 in turn.
    kinds = [Question.Kind.PROJECT, Question.Kind.LIKERT]
    kinds += [list(Question.Kind.values)[n % len(Question.Kind.values)] for n in range(99)]
    for n in range(questions - 1):
        page = pages[2] if n < 2 else pages[1 + n % 2]
        question = QuestionFactory(page=page, kind=kinds[n])
        if question.is_likert:
            StatementFactory.create_batch(2, question=question)
        if question.has_choices:
            ChoiceFactory.create_batch(2, question=question)
        condition = Condition.objects.create(
            question=question, source=source, operator=Condition.Operator.CHOICE_IN
        )
        condition.choices.set([choice])
    page_condition = Condition.objects.create(
        page=pages[2], source=source, operator=Condition.Operator.CHOICE_IN
    )
    page_condition.choices.set([choice])
    return survey, pages


def count(client, address) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["survey_builder", "page_edit", "page_preview", "question_edit"])
def test_the_builder_pages_do_not_grow_with_the_questions(client, network_coordinator, name):
    client.force_login(network_coordinator)
    counts = []
    for questions in (6, 60):
        survey, pages = survey_with(questions)
        kwargs = {"pk": survey.pk}
        if name in ("page_edit", "page_preview"):
            kwargs["page_pk"] = pages[2].pk
        if name == "page_preview":
            kwargs["language"] = "sv"
        if name == "question_edit":
            kwargs["question_pk"] = pages[2].questions.filter(kind="likert").first().pk
        counts.append(count(client, reverse(f"surveys_workspace:{name}", kwargs=kwargs)))
    assert counts[0] == counts[1], counts
    assert survey.questions.count() == 60


@pytest.mark.parametrize("role", ["network_coordinator", "coordinator"])
def test_the_survey_list_does_not_grow_with_the_surveys(client, cast, project, role):
    from surveys.tests.factories import CollectorFactory

    client.force_login(cast[role])
    counts = []
    for surveys in (3, 30):
        for _ in range(surveys - (counts and 3 or 0)):
            CollectorFactory(survey=SurveyFactory(), project=project)
        counts.append(count(client, reverse("surveys_workspace:survey_list")))
    assert counts[0] == counts[1], counts


def test_the_question_bank_does_not_grow_with_the_questions_found(client, network_coordinator):
    client.force_login(network_coordinator)
    survey, _pages = survey_with(6)
    counts = []
    for found in (3, 30):
        other, _ = survey_with(found)
        Question.objects.filter(survey=other).update(text_fi="Hyvinvointi koulussa")
        address = reverse("surveys_workspace:question_bank", kwargs={"pk": survey.pk})
        counts.append(count(client, f"{address}?q=hyvinvointi"))
        Question.objects.filter(survey=other).update(text_fi="muu")
    assert counts[0] == counts[1], counts
