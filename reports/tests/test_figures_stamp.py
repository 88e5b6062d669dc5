"""The survey page's cached figures follow every change of the counted responses
(reports.survey_report.figures_stamp): a new response, a deletion, an erasure, a response
that stops counting. Changes are committed (real transactions: their retirements run at
commit, as in production), and every cached value is checked against figures computed
afresh."""

from unittest import mock

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from core.content_cache import generation_now
from reports import survey_report
from reports.tests.factories import respond
from surveys.models import responses_scope
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db(transaction=True)


def committed(change):
    """`change()` in a transaction of its own, committed (and its retirements run)."""
    with transaction.atomic():
        return change()


def _survey_with(project, n=6):
    s = build_survey()
    for i in range(n):
        respond(s, {"s1": 1 + i % 5, "s2": 2}, project=project, choice="yes")
    return s


def _assert_current(survey, project=None):
    """The figures the page would use are those of the responses as they are now."""
    cached = survey_report.figures(survey, project)
    assert cached == survey_report.figures(survey, project, use_cache=False)
    return cached


def test_a_new_counted_response_changes_the_figures(project):
    s = _survey_with(project)
    before = _assert_current(s["survey"])
    committed(lambda: respond(s, {"s1": 5}, project=project))
    after = _assert_current(s["survey"])
    assert after.likert[s["s1"].pk].n == before.likert[s["s1"].pk].n + 1
    assert sum(after.project_counts.values()) == 7


def test_a_new_response_changes_the_figures_even_if_its_retirement_is_lost(project):
    """The shared cache missed the retirement at commit: the newest id still moves."""
    s = _survey_with(project)
    _assert_current(s["survey"])
    with mock.patch("core.content_cache._advance", side_effect=ConnectionError):
        committed(lambda: respond(s, {"s1": 5}, project=project))
    assert _assert_current(s["survey"]).likert[s["s1"].pk].n == 7


def test_a_deleted_response_changes_the_figures(project):
    s = _survey_with(project)
    first = s["survey"].responses.order_by("pk").first()  # not the newest: its id stays
    before = _assert_current(s["survey"])
    _assert_current(s["survey"], project)
    committed(first.delete)
    after = _assert_current(s["survey"])
    assert after.likert[s["s1"].pk].n == before.likert[s["s1"].pk].n - 1
    assert sum(after.project_counts.values()) == 5
    _assert_current(s["survey"], project)


def test_a_response_that_stops_counting_changes_the_figures(project):
    s = _survey_with(project)
    first = s["survey"].responses.order_by("pk").first()
    _assert_current(s["survey"])
    first.is_test = True
    committed(first.save)
    assert sum(_assert_current(s["survey"]).project_counts.values()) == 5


def test_an_erasure_changes_the_stamp(project):
    """An erasure unlinks responses in bulk (no signal): it retires the survey's figures
    itself, though no figure changes."""
    from core.personal_data import erase_person
    from surveys.tests.factories import InvitationFactory

    s = build_survey(anonymous=False)
    invitation = InvitationFactory(collector__survey=s["survey"], email="eva@example.org")
    for _i in range(5):
        respond(s, {"s1": 4}, project=project)
    response = respond(s, {"s1": 2}, project=project)
    response.invitation = invitation
    committed(response.save)
    before = _assert_current(s["survey"])
    stamp = survey_report.figures_stamp(s["survey"])
    generation = generation_now(responses_scope(s["survey"].pk))
    committed(lambda: erase_person("eva@example.org"))
    assert generation_now(responses_scope(s["survey"].pk)) != generation
    assert survey_report.figures_stamp(s["survey"]) != stamp
    assert _assert_current(s["survey"]) == before


def test_a_deleted_project_leaves_its_responses_without_one(project):
    """Deleting a project sets its responses' project to none in bulk (no signal)."""
    s = _survey_with(project)
    assert _assert_current(s["survey"]).project_counts == {project.pk: 6}
    committed(project.delete)
    assert _assert_current(s["survey"]).project_counts == {None: 6}


def test_the_projects_are_named_in_each_viewer_s_language(client, oph_viewer, project):
    s = _survey_with(project)
    client.force_login(oph_viewer)
    assert (
        project.name_fi
        in client.get(f"/fi/raportit/kyselyt/{s['survey'].slug_fi}/").content.decode()
    )
    for query in ("", f"?project={project.pk}"):
        page = client.get(f"/sv/rapporter/enkater/{s['survey'].slug_sv}/{query}").content.decode()
        assert project.name_sv in page and project.name_fi not in page
    committed(lambda: setattr(project, "name_sv", "Nytt namn") or project.save())
    page = client.get(f"/sv/rapporter/enkater/{s['survey'].slug_sv}/").content.decode()
    assert "Nytt namn" in page


def test_the_page_shows_each_change_at_once(client, oph_viewer, project):
    s = _survey_with(project)
    client.force_login(oph_viewer)
    url = f"/fi/raportit/kyselyt/{s['survey'].slug}/"
    assert "6 vastausta." in client.get(url).content.decode()
    assert "6 vastausta." in client.get(url).content.decode()  # from the cache
    committed(lambda: respond(s, {"s1": 5}, project=project))
    assert "7 vastausta." in client.get(url).content.decode()
    committed(s["survey"].responses.order_by("pk").first().delete)
    assert "6 vastausta." in client.get(url).content.decode()


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize("view", ["network", "project"])
def test_a_cache_hit_makes_as_many_queries_however_many_responses(
    client, oph_viewer, project, view
):
    s = _survey_with(project)
    client.force_login(oph_viewer)
    url = f"/fi/raportit/kyselyt/{s['survey'].slug}/"
    params = {"project": project.pk} if view == "project" else {}
    client.get(url, params)  # fills the cache
    few = _queries(client, url, params)
    for i in range(60):
        respond(s, {"s1": 1 + i % 5, "s2": "dk"}, project=project, choice="no")
    client.get(url, params)
    assert _queries(client, url, params) == few


def _figures_key(survey) -> str:
    return survey_report.cache_key("figures:0", survey, survey_report.figures_stamp(survey))


def test_a_request_that_misses_while_another_computes_waits_for_its_figures(project):
    from django.core.cache import cache

    s = _survey_with(project)
    key = _figures_key(s["survey"])
    theirs = survey_report.figures(s["survey"], None, use_cache=False)
    cache.add(f"{key}:computing", 1)  # another request is computing them

    def computed_meanwhile(_seconds):
        cache.set(key, theirs)

    with (
        mock.patch("reports.survey_report.time.sleep", side_effect=computed_meanwhile) as slept,
        mock.patch("surveys.results.likert_and_choice_results", side_effect=AssertionError),
    ):
        assert survey_report.figures(s["survey"], None) == theirs
    assert slept.called


def test_a_request_that_waits_in_vain_computes_the_figures_itself(project):
    from django.core.cache import cache

    s = _survey_with(project)
    key = _figures_key(s["survey"])
    cache.add(f"{key}:computing", 1)  # a request that never finishes
    with (
        mock.patch("reports.survey_report.COMPUTE_WAIT_SECONDS", 0.2),
        mock.patch("reports.survey_report.COMPUTE_POLL_SECONDS", 0.01),
    ):
        assert survey_report.figures(s["survey"], None) == survey_report.figures(
            s["survey"], None, use_cache=False
        )
    assert cache.get(key) is not None
    assert cache.get(f"{key}:computing") == 1  # theirs, left to them
