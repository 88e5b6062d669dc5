"""The 2025 network survey of the seed, its 101 responses and the open follow-up round."""

import pytest

from surveys import results
from surveys.models import Question, Response, Statement, Survey
from valita import demo

pytestmark = pytest.mark.django_db

DATA = demo.read("surveys/demo/surveys.toml")
QUESTIONS = {q["key"]: q for page in DATA["survey"]["page"] for q in page.get("question", [])}


@pytest.fixture
def loaded():
    demo.load("projects", "surveys")
    return Survey.objects.get(slug_fi=DATA["survey"]["slug_fi"])


def _statements(survey, key):
    question = Question.objects.get(survey=survey, text_fi=QUESTIONS[key]["text_fi"])
    return question.statements.all()


def test_demo_survey_has_the_seed_statements_verbatim(loaded):
    texts = set(Statement.objects.filter(question__survey=loaded).values_list("text_fi", flat=True))
    assert "Verkostohanke on tukenut yhdenvertaisuuden toteutumista" in texts  # the seed's
    for key in ("effects", "goals"):
        assert {s["text_fi"] for s in QUESTIONS[key]["statements"]} <= texts
    assert not Statement.objects.filter(question__survey=loaded, text_sv="").exists()


def test_demo_responses_follow_the_seed(loaded):
    assert results.response_count(loaded) == 101
    counts = results.project_counts(loaded)
    assert len(counts) == 9 and all(n > 0 for _pk, _name, n in counts)
    likert = results.likert_results(loaded)
    effects = [likert[s.pk] for s in _statements(loaded, "effects")]
    assert all(80 <= r.n <= 81 for r in effects), [r.n for r in effects]
    assert all(3.3 < r.mean < 4.5 for r in effects)
    goals = [likert[s.pk] for s in _statements(loaded, "goals")]
    assert all(r.n == 12 for r in goals)


def test_demo_load_is_idempotent(loaded):
    demo.load("projects", "surveys")
    assert Survey.objects.filter(series=DATA["survey"]["series"]).count() == 2
    assert Response.objects.count() == 101


def test_follow_up_round_is_open_and_linked(loaded):
    follow_up = Survey.objects.get(slug_fi=DATA["follow_up"]["slug_fi"])
    assert follow_up in Survey.objects.listed()
    assert follow_up.round == 2
    statement = Statement.objects.filter(question__survey=follow_up).first()
    assert statement.previous.question.survey == loaded
    comparison = results.round_comparison(statement)
    assert [s for s, _r in comparison] == [loaded, follow_up]
    assert comparison[0][1].n > 0 and comparison[1][1].n == 0
