"""The number of queries of every dashboard page stays the same as the responses grow tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reports.tests.factories import respond
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


def _count(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def _grow(s, project, times):
    for i in range(times):
        respond(
            s,
            {"s1": 1 + i % 5, "s2": "dk" if i % 7 == 0 else 2 + i % 4},
            project=project,
            choice="yes" if i % 2 else "no",
            texts={"long": f"Vastaus {i}"},
        )


@pytest.mark.parametrize("params", [{}, {"by": "project"}, {"by": "single"}, {"project": "own"}])
def test_survey_page_queries_do_not_grow(client, network_coordinator, project, params):
    s = build_survey()
    client.force_login(network_coordinator)
    url = f"/fi/raportit/kyselyt/{s['survey'].slug}/"
    params = {
        k: (str(s["single"].pk) if v == "single" else project.pk if v == "own" else v)
        for k, v in params.items()
    }
    _grow(s, project, 6)
    small = _count(client, url, params)
    _grow(s, project, 60)
    assert _count(client, url, params) == small


def test_dashboard_queries_do_not_grow(client, oph_viewer, project):
    client.force_login(oph_viewer)
    s = build_survey()
    _grow(s, project, 5)
    small = _count(client, "/fi/raportit/")
    for _i in range(5):
        _grow(build_survey(), project, 5)
    assert _count(client, "/fi/raportit/") == small


def test_results_are_cached_until_a_new_response(django_assert_num_queries, oph_viewer, project):
    from reports import survey_report

    s = build_survey()
    _grow(s, project, 5)
    first = survey_report.figures(s["survey"], None)
    with django_assert_num_queries(1):  # only the stamp
        assert survey_report.figures(s["survey"], None) == first
    respond(s, {"s1": 5})
    later = survey_report.figures(s["survey"], None)
    assert later.likert[s["s1"].pk].n == first.likert[s["s1"].pk].n + 1
    assert sum(n for _day, n in later.per_day) == sum(n for _day, n in first.per_day) + 1
    assert sum(later.project_counts.values()) == 6


@pytest.mark.parametrize("page", ["open", "print", "metrics"])
def test_other_pages_queries_do_not_grow(client, network_coordinator, project, page):
    from surveys.models import Answer, Code

    s = build_survey()
    client.force_login(network_coordinator)
    code = Code.objects.create(question=s["long"], name="Teema")
    urls = {
        "open": f"/fi/raportit/kyselyt/{s['survey'].slug}/avoimet/{s['long'].pk}/",
        "print": f"/fi/raportit/kyselyt/{s['survey'].slug}/tulosta/",
        "metrics": "/fi/raportit/mittarit/",
    }

    def grow(times):
        _grow(s, project, times)
        code.answers.set(Answer.objects.filter(question=s["long"]))

    grow(6)
    small = _count(client, urls[page])
    grow(40)
    assert _count(client, urls[page]) == small
