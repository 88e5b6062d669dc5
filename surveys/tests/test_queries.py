"""Survey pages keep the same number of SQL queries when the survey and its answers grow."""

import pytest

from surveys.tests.factories import (
    ChoiceFactory,
    PageFactory,
    QuestionFactory,
    StatementFactory,
    SurveyFactory,
)
from surveys.tests.helpers import post_page

pytestmark = pytest.mark.django_db


def _survey(size: int):
    survey = SurveyFactory()
    page = PageFactory(survey=survey, order=1)
    PageFactory(survey=survey, order=2)
    for _ in range(size):
        likert = QuestionFactory(page=page, kind="likert")
        StatementFactory.create_batch(3, question=likert)
        single = QuestionFactory(page=page, kind="single")
        ChoiceFactory.create_batch(3, question=single)
        QuestionFactory(page=page, kind="long_text")
    return survey


@pytest.mark.parametrize("size", [1, 10])
def test_answer_page_does_not_grow(client, django_assert_num_queries, size):
    survey = _survey(size)
    url = f"/fi/kyselyt/{survey.slug_fi}/"
    # survey, public collector; pages, page conditions, questions, statements, choices,
    # question conditions (the conditions' choices only when there are conditions)
    with django_assert_num_queries(8):
        first = client.get(url)
    assert first.status_code == 200
    # the same, plus the started counter of the collector and one upsert of the pages'
    # arrived / passed counters (surveys/collecting.py page_reach_add)
    with django_assert_num_queries(10):
        second = post_page(client, url, first, {})
    assert "Sivu 2 / 2" in second.content.decode()


@pytest.mark.parametrize("size", [1, 10])
def test_survey_list_does_not_grow(client, django_assert_num_queries, size):
    SurveyFactory.create_batch(size)
    with django_assert_num_queries(1):
        assert client.get("/fi/kyselyt/").status_code == 200
