"""The bench's own parts: wrk parsing, the page list, the baseline and bypass only under bench."""

import pytest
from django.urls import clear_url_caches

from bench import generate, pages, wrk

WRK_OUTPUT = """Running 5s test @ http://127.0.0.1:8150/bench/hello
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    16.47ms    3.12ms  40.00ms   80.00%
    Req/Sec     1.95k   200.00     2.30k    70.00%
  Latency Distribution
     50%  820.00us
     75%   18.00ms
     90%   20.00ms
     99%    1.20s
  19500 requests in 5.00s, 3.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 5
  Non-2xx or 3xx responses: 10
Requests/sec:   3900.50
Transfer/sec:    600.00KB
"""


def test_wrk_report_is_read():
    result = wrk.parse(WRK_OUTPUT)
    assert result.rps == 3900.5
    assert result.p50_ms == pytest.approx(0.82)
    assert result.p99_ms == 1200
    assert result.requests == 19500
    assert (result.non_2xx, result.socket_errors, result.errors) == (10, 7, 17)


def test_a_clean_wrk_report_has_no_errors():
    clean = WRK_OUTPUT.replace("  Socket errors: connect 0, read 2, write 0, timeout 5\n", "")
    assert wrk.parse(clean.replace("  Non-2xx or 3xx responses: 10\n", "")).errors == 0


@pytest.mark.django_db
def test_pages_resolve_or_say_what_they_wait_for():
    generate.projects(1)
    resolved, waiting = {}, {}
    for page in pages.PAGES:
        try:
            resolved[page.name] = page.resolve()
        except pages.Waiting as reason:
            waiting[page.name] = str(reason)
    assert resolved["home"] == "/fi/"
    assert resolved["project page"].startswith("/fi/hankkeet/")
    assert set(resolved) | set(waiting) == {p.name for p in pages.PAGES}
    assert all(waiting.values())


@pytest.mark.django_db
def test_generation_is_cumulative_and_absent_apps_are_reported(monkeypatch):
    from projects.models import Project

    generate.projects(1)
    assert Project.objects.network().count() == 9
    generate.projects(2)
    assert Project.objects.network().count() == 18
    notes = []
    monkeypatch.setattr(generate, "SURVEY_RESPONSES", 30)  # the real run makes 100,000
    summary = generate.generate(1, notes.append)
    assert all(summary.values())  # a summary or a WAITING note, never nothing
    assert len(notes) == len(generate.GENERATORS)


@pytest.fixture
def bench_settings(settings):
    """bench/settings.py's differences from production, applied to the test settings."""
    from bench import settings as bench

    settings.ROOT_URLCONF = bench.ROOT_URLCONF
    settings.MIDDLEWARE = bench.MIDDLEWARE
    settings.TEMPLATES = bench.TEMPLATES
    clear_url_caches()
    yield
    clear_url_caches()


@pytest.mark.django_db
def test_the_baseline_exists_only_under_bench_settings(client):
    assert client.get("/bench/hello").status_code == 404


@pytest.mark.django_db
def test_the_baseline_under_bench_settings(client, bench_settings):
    response = client.get("/bench/hello")
    assert response.status_code == 200
    assert response.content == b"Hello, world!"


@pytest.mark.django_db
def test_the_bench_headers_are_ignored_outside_bench(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/fi/")
    assert client.get("/fi/", HTTP_X_BENCH_NO_CACHE="1")["X-Page-Cache"] == "hit"

    def queries(**headers) -> int:  # a visitor with a cookie: no page cache, fragments kept
        with CaptureQueriesContext(connection) as captured:
            client.get("/fi/hankkeet/", HTTP_COOKIE="sessionid=x", **headers)
        return len(captured)

    queries()
    assert queries(HTTP_X_BENCH_NO_FRAGMENTS="1") == queries()


@pytest.mark.django_db
def test_the_bench_headers_under_bench(client, bench_settings, django_assert_max_num_queries):
    client.get("/fi/")
    assert "X-Page-Cache" not in client.get("/fi/", HTTP_X_BENCH_NO_CACHE="1")
    assert client.get("/fi/")["X-Page-Cache"] == "hit"
    whole = {"HTTP_X_BENCH_NO_CACHE": "1", "HTTP_X_BENCH_NO_FRAGMENTS": "1"}
    client.get("/fi/hankkeet/", **whole)
    with django_assert_max_num_queries(20) as rendered:
        client.get("/fi/hankkeet/", **whole)
    assert len(rendered) > 0  # rendered whole again, not from the fragment cache


@pytest.mark.django_db
def test_events_generator_is_cumulative():
    from events.models import Event

    generate.projects(1)
    generate.events(1)
    assert Event.objects.count() == 2000
    assert Event.objects.upcoming().exists() and Event.objects.past().exists()
    generate.events(1)
    assert Event.objects.count() == 2000


@pytest.mark.django_db
def test_a_bench_submission_is_accepted_and_stored(client, monkeypatch):
    from bench import submissions

    monkeypatch.setattr(generate, "SURVEY_RESPONSES", 20)
    generate.projects(1)
    generate.surveys(1)
    survey = submissions.bench_survey()
    assert submissions.stored_responses(survey) == 20
    path = survey.get_absolute_url()
    page = client.get(path).content.decode()
    data = submissions.post_data(page, submissions.survey_form_data(survey))
    assert "draft" in data
    assert client.post(path, data).status_code in (302, 303)
    assert submissions.stored_responses(survey) == 21
