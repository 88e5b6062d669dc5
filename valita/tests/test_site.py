import re

import pytest
from django.core.cache import cache
from django.db import connection

from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "accept,target", [("sv-FI,sv;q=0.9", "/sv/"), ("fi,en;q=0.5", "/fi/"), ("en-GB", "/fi/")]
)
def test_root_sends_the_visitor_to_the_language_of_their_browser(client, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path,lang", [("/fi/", "fi"), ("/sv/", "sv")])
def test_every_page_sets_its_language_and_links_the_other(client, path, lang):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}">' in html
    assert 'hreflang="fi" href="http://127.0.0.1:8000/fi/"' in html
    assert 'hreflang="sv" href="http://127.0.0.1:8000/sv/"' in html


def test_skip_link_is_translated(client):
    assert "Siirry sisältöön" in client.get("/fi/").content.decode()
    assert "Till innehållet" in client.get("/sv/").content.decode()


def test_security_headers(client):
    response = client.get("/fi/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "nonce" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_pages_load_nothing_from_third_parties(client):
    ProjectFactory()
    html = client.get("/fi/").content.decode()
    # What the browser loads: src= of any element and the href of <link>s that are not
    # mere addresses of this page (alternate, canonical). Links a visitor follows (<a>) may
    # lead anywhere.
    loaded = re.findall(r'\bsrc(?:set)?="([^"]+)"', html) + [
        href
        for tag in re.findall(r"<link\b[^>]*>", html)
        if not re.search(r'rel="(?:alternate|canonical)"', tag)
        for href in re.findall(r'href="([^"]+)"', tag)
    ]
    assert loaded, "the page loads its own styles and scripts"
    external = [s for s in loaded if s.startswith(("http:", "https:", "//"))]
    assert external == [], external


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_robots_txt_points_to_the_sitemap(client):
    body = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /fi/admin/" in body
    assert "Disallow: /sv/konto/" in body


def test_sitemap_lists_public_pages_in_both_languages(client):
    theme = ThemeFactory(slug_fi="arki", slug_sv="vardag")
    ProjectFactory(slug_fi="hanke-a", slug_sv="projekt-a", themes=[theme])
    ProjectFactory(slug_fi="piilotettu", is_published=False)
    body = client.get("/sitemap.xml").content.decode()
    for path in [
        "/fi/",
        "/sv/",
        "/fi/hankkeet/",
        "/sv/projekt/",
        "/fi/hankkeet/hanke-a/",
        "/sv/projekt/projekt-a/",
        "/fi/teemat/arki/",
        "/sv/teman/vardag/",
        "/fi/saavutettavuusseloste/",
        "/sv/tillganglighetsutlatande/",
        "/fi/tietosuojaseloste/",
        "/sv/dataskyddsbeskrivning/",
    ]:
        assert f"{path}</loc>" in body, path
    assert "piilotettu" not in body
    assert 'hreflang="sv"' in body


@pytest.mark.parametrize(
    "path,text",
    [
        ("/fi/saavutettavuusseloste/", "Saavutettavuusseloste"),
        ("/sv/tillganglighetsutlatande/", "Tillgänglighetsutlåtande"),
        ("/fi/tietosuojaseloste/", "Tietosuojaseloste"),
        ("/sv/dataskyddsbeskrivning/", "Dataskyddsbeskrivning"),
    ],
)
def test_statement_pages_in_both_languages(client, path, text):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<h1 id="main-heading">{text}</h1>' in response.content.decode()


@pytest.mark.parametrize(
    "path,text", [("/fi/ei-ole/", "Sivua ei löytynyt"), ("/sv/finns-inte/", "Sidan hittades inte")]
)
def test_not_found_page_speaks_the_visitors_language(client, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_server_error_page_speaks_the_visitors_language(rf):
    from django.utils import translation

    from valita.views import server_error

    with translation.override("sv"):
        response = server_error(rf.get("/sv/"))
    assert response.status_code == 500
    assert "Ett fel inträffade i tjänsten" in response.content.decode()


def test_cache_is_the_configured_one(settings):
    cache.set("probe", 1)
    assert cache.get("probe") == 1
