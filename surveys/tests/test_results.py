"""Results from GROUP BY queries: n, distribution, don't know apart, mean and median, choices."""

import uuid

import pytest

from projects.tests.factories import ProjectFactory
from surveys import results
from surveys.models import Answer, Response
from surveys.results import StatementResult
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


def respond(s, values, *, project=None, choices=(), is_test=False):
    response = Response.objects.create(
        survey=s["survey"],
        project=project,
        submission_key=uuid.uuid4(),
        is_test=is_test,
        completed_at=s["survey"].created_at,
    )
    for statement, value in values.items():
        Answer.objects.create(
            response=response,
            question=s["likert"],
            statement=s[statement],
            value=None if value == "dk" else value,
            dont_know=value == "dk",
        )
    for choice in choices:
        question = s["single"] if choice in ("yes", "no") else s["multiple"]
        Answer.objects.create(response=response, question=question, choice=s[choice])
    return response


def test_likert_counts_means_and_medians(django_assert_num_queries):
    s = build_survey()
    for value in (1, 4, 4, 5, "dk"):
        respond(s, {"s1": value})
    respond(s, {"s1": 5}, is_test=True)  # never counted
    with django_assert_num_queries(2):  # scales, the GROUP BY
        likert = results.likert_results(s["survey"])
    result = likert[s["s1"].pk]
    assert result.n == 4
    assert result.dont_know == 1
    assert result.counts == {1: 1, 4: 2, 5: 1}
    assert result.mean == pytest.approx(3.5)
    assert result.median == 4.0
    assert result.distribution()[3] == (4, 2, 0.5)


def test_median_of_an_even_count():
    result = StatementResult(statement_id=1, scale_size=5, counts={2: 1, 3: 1, 4: 1, 5: 1})
    assert result.median == 3.5
    assert StatementResult(statement_id=1, scale_size=5).mean is None


def test_results_by_project():
    s = build_survey()
    a, b = ProjectFactory(), ProjectFactory()
    respond(s, {"s1": 2}, project=a)
    respond(s, {"s1": 4}, project=b)
    respond(s, {"s1": 4}, project=b)
    by_project = results.likert_results(s["survey"], by_project=True)
    assert by_project[(s["s1"].pk, a.pk)].mean == 2
    assert by_project[(s["s1"].pk, b.pk)].n == 2
    assert results.likert_results(s["survey"], project=b)[s["s1"].pk].n == 2
    counts = {(pk, n) for pk, _name, n in results.project_counts(s["survey"])}
    assert counts == {(a.pk, 1), (b.pk, 2)}


def test_choice_counts_and_shares(django_assert_num_queries):
    s = build_survey()
    respond(s, {}, choices=["m1", "m2"])
    respond(s, {}, choices=["m1"])
    respond(s, {}, choices=["m1"], is_test=True)
    with django_assert_num_queries(3):
        choices = results.choice_results(s["survey"])
    multiple = choices[s["multiple"].pk]
    assert multiple.respondents == 2
    assert [(c.choice_id, c.count, c.share) for c in multiple.choices] == [
        (s["m1"].pk, 2, 1.0),
        (s["m2"].pk, 1, 0.5),
    ]
    assert choices[s["single"].pk].respondents == 0


@pytest.mark.parametrize("size", [3, 30])
def test_result_queries_do_not_grow(django_assert_num_queries, size):
    s = build_survey()
    for i in range(size):
        respond(s, {"s1": i % 5 + 1, "s2": "dk"}, choices=["m1"])
    with django_assert_num_queries(2):
        results.likert_results(s["survey"], by_project=True)
    with django_assert_num_queries(3):
        results.choice_results(s["survey"])
    with django_assert_num_queries(1):  # no project named: no names to ask for
        results.project_counts(s["survey"])


def test_project_counts_name_the_projects_in_two_queries(django_assert_num_queries):
    s = build_survey()
    b, a = ProjectFactory(name_fi="Beeta"), ProjectFactory(name_fi="Alfa")
    for project in (b, a, a, None):
        respond(s, {"s1": 3}, project=project)
    with django_assert_num_queries(2):
        counts = results.project_counts(s["survey"])
    assert counts == [(a.pk, "Alfa", 2), (b.pk, "Beeta", 1), (None, None, 1)]


def test_likert_and_choices_from_one_pass_match_the_separate_figures(
    django_assert_num_queries,
):
    s = build_survey()
    project = ProjectFactory()
    respond(s, {"s1": 2, "s2": "dk"}, choices=["yes", "m1", "m2"], project=project)
    respond(s, {"s1": 4, "s2": 5}, choices=["yes", "m1"])
    respond(s, {"s1": 5}, choices=["no"])
    respond(s, {"s1": 1}, choices=["yes", "m2"], is_test=True)  # never counted
    # the GROUP BY, the scales, the choice questions, the multiple choice's respondents
    with django_assert_num_queries(4):
        likert, choices = results.likert_and_choice_results(s["survey"])
    assert likert == results.likert_results(s["survey"])
    assert choices == results.choice_results(s["survey"])
    single = choices[s["single"].pk]
    assert single.respondents == 3
    assert [(c.count, round(c.share, 2)) for c in single.choices] == [(2, 0.67), (1, 0.33)]
    assert choices[s["multiple"].pk].respondents == 2
    assert (
        results.likert_and_choice_results(s["survey"], project=project)[0][s["s2"].pk].dont_know
        == 1
    )
