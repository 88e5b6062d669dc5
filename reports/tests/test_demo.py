"""The 2025 network survey of the demo as the seed reports it."""

import pytest

from reports import survey_report
from reports.access import scope_for

pytestmark = pytest.mark.django_db


def test_demo_survey_as_in_the_seed(demo_survey, oph_viewer):
    report = survey_report.build(demo_survey, scope_for(oph_viewer))
    assert report.total == 101
    effects, goals = report.likert_groups[:2]
    assert len(effects.rows) == 7
    assert {r.n for _s, r in effects.rows} <= {80, 81}  # "n=80–81"
    assert {r.n for _s, r in goals.rows} == {12}  # the coordination project's goals, n=12
    for _statement, result in effects.rows:
        assert result.mean > 3  # clearly positive


def test_demo_coding_quotes_and_published(demo_survey, client):
    from reports.models import PublishedResult, Quote
    from surveys.models import Code
    from valita import demo

    demo.load("reports")
    demo.load("reports")  # idempotent
    rush = Code.objects.with_counts().get(name="Aikatauluhaasteet, kiire")
    assert rush.answer_count > 0
    assert Quote.objects.count() == 6
    assert PublishedResult.objects.filter(kind="chart").count() == 2
    assert PublishedResult.objects.filter(kind="quote").count() == 2
    page = client.get("/sv/resultat/")
    assert page.status_code == 200
    assert len(page.context["items"]) == 4
