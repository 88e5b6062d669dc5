"""Published results: network coordinators choose charts and quotes; the public page in FI/SV."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.tests.factories import ThemeFactory
from reports.models import PublishedResult, Quote
from reports.tests.factories import respond
from surveys.models import Answer
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project):
    s = build_survey()
    for value in (1, 4, 4, 5, 5, "dk"):
        respond(s, {"s1": value}, project=project, choice="yes", texts={"long": "Hyvä verkosto"})
    return s


def _publish(client, s, **fields):
    return client.post(
        "/fi/raportit/julkaistut/", {"survey": s["survey"].pk, "next": "/fi/raportit/", **fields}
    )


@pytest.mark.parametrize("role", ["coordinator", "oph"])
def test_only_network_coordinators_publish(client, cast, survey, role):
    client.force_login(cast[role])
    assert _publish(client, survey, question=survey["likert"].pk).status_code == 403
    assert not PublishedResult.objects.exists()


@pytest.mark.django_db(transaction=True)  # pages are retired when the change commits
def test_publish_chart_and_quote_then_public_page(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    assert _publish(client, survey, question=survey["likert"].pk)["Location"] == "/fi/raportit/"
    answer = Answer.objects.filter(question=survey["long"]).first()
    quote = Quote.objects.create(answer=answer, text_sv="Bra nätverk")
    _publish(client, survey, quote=quote.pk)
    assert PublishedResult.objects.count() == 2
    client.logout()

    page = client.get("/fi/tulokset/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'role="img"' in html and "”Hyvä verkosto”" in html
    group = page.context["items"][0].group
    assert group.table.rows[0][1] == 5  # n of s1: network total
    assert group.table.rows[1][1] is None  # s2 has no answers: hidden
    assert "csrfmiddlewaretoken" not in html
    sv = client.get("/sv/resultat/").content.decode()
    assert "”Bra nätverk”" in sv and 'lang="sv"' in sv

    # Taking it off the page retires the cached page at once
    client.force_login(network_coordinator)
    _publish(client, survey, quote=quote.pk)
    client.logout()
    assert "Bra nätverk" not in client.get("/sv/resultat/").content.decode()


def test_public_page_is_cached_and_its_queries_fixed(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    _publish(client, survey, question=survey["likert"].pk)
    _publish(client, survey, question=survey["single"].pk)
    client.logout()
    with CaptureQueriesContext(connection) as first:
        client.get("/fi/tulokset/", HTTP_X_BENCH_NO_CACHE="1")
    for _i in range(30):
        respond(survey, {"s1": 3}, choice="no")
    from django.core.cache import cache

    cache.clear()
    from core.content_cache import current_generations, forget_local

    forget_local()
    current_generations()  # after the cache is lost, the first read reschedules, once
    with CaptureQueriesContext(connection) as second:
        client.get("/fi/tulokset/")
    assert len(second) == len(first)
    with CaptureQueriesContext(connection) as cached:
        client.get("/fi/tulokset/")
    assert len(cached) == 0


@pytest.mark.django_db(transaction=True)
def test_published_results_appear_on_home_theme_and_project_pages(
    client, network_coordinator, survey, project
):
    theme = ThemeFactory()
    project.themes.add(theme)
    pages = ["/fi/", project.get_absolute_url(), theme.get_absolute_url()]
    for path in pages:
        assert "results-section-heading" not in client.get(path).content.decode(), path
    client.force_login(network_coordinator)
    _publish(client, survey, question=survey["likert"].pk)
    answer = Answer.objects.filter(question=survey["long"]).first()
    _publish(client, survey, quote=Quote.objects.create(answer=answer, text_sv="Bra nätverk").pk)
    client.logout()
    for path in pages:
        html = client.get(path).content.decode()
        section = html[html.index('id="results-section-heading"') :]
        assert 'role="img"' in section and "”Hyvä verkosto”" in section, path
        assert 'href="/fi/tulokset/"' in section, path
