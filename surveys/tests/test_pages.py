"""Home and project sections, sitemap, preview in both languages and test mode."""

import pytest
from django.utils import translation

from surveys.models import Collector, Response, Survey
from surveys.tests.factories import CollectorFactory, build_survey
from surveys.tests.helpers import page1, post_page

pytestmark = pytest.mark.django_db


def test_home_lists_open_surveys(client):
    s = build_survey()
    closed = build_survey(status=Survey.Status.CLOSED)
    body = client.get("/fi/").content.decode()
    assert s["survey"].title_fi in body and closed["survey"].title_fi not in body
    assert 'href="/fi/kyselyt/"' in body


def test_project_page_links_its_own_collector(client, project):
    s = build_survey()
    collector = CollectorFactory(survey=s["survey"], project=project)
    with translation.override("fi"):
        url = project.get_absolute_url()
    body = client.get(url).content.decode()
    assert collector.get_absolute_url() in body


def test_sitemap_lists_open_surveys(client):
    s = build_survey()
    body = client.get("/sitemap.xml").content.decode()
    assert f"/fi/kyselyt/{s['survey'].slug_fi}/" in body
    assert f"/sv/enkater/{s['survey'].slug_sv}/" in body


@pytest.mark.parametrize(
    ("language", "path", "word"),
    [("fi", "kyselyt", "Esikatselu"), ("sv", "enkater", "Förhandsvisning")],
)
def test_preview_shows_every_page_and_question(client, network_coordinator, language, path, word):
    s = build_survey(status=Survey.Status.DRAFT)
    client.force_login(network_coordinator)
    slug = getattr(s["survey"], f"slug_{language}")
    segment = "esikatselu" if language == "fi" else "forhandsvisning"
    body = client.get(f"/{language}/{path}/{slug}/{segment}/").content.decode()
    assert word in body
    for key in ("likert", "single", "multiple", "number", "long", "short"):
        assert getattr(s[key], f"text_{language}") in body
    assert body.count('class="condition-note"') == 2


def test_test_mode_answers_are_flagged_and_work_on_drafts(client, network_coordinator):
    s = build_survey(status=Survey.Status.DRAFT)
    client.force_login(network_coordinator)
    url = f"/fi/kyselyt/{s['survey'].slug_fi}/testi/"
    first = client.get(url)
    assert "Testitila" in first.content.decode()
    page = post_page(client, url, first, page1(s, yes=False))
    done = post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    assert done.status_code == 302
    assert client.get(done["Location"]).status_code == 200
    response = Response.objects.get()
    assert response.is_test and response.collector is None
    assert not Response.objects.counted().exists()
    assert s["survey"].collectors.get(kind=Collector.Kind.PUBLIC).started_count == 0
