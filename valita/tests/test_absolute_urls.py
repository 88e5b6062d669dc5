"""Absolute URLs: the address they start with (SITE_URL), the canonical link of every page,
the feeds linked in the head and the list pages in the sitemap."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core.site_url import require_site_url
from projects.tests.factories import ProjectFactory, ThemeFactory

ROOT = Path(__file__).resolve().parents[2]


def _settings_in_process(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "PORT")}
    environment.update(env, DJANGO_SETTINGS_MODULE="valita.settings")
    code = "from django.conf import settings; print(settings.SITE_URL)"
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=environment, cwd=ROOT, capture_output=True, text=True
    )


def test_development_site_url_follows_the_port_served():
    result = _settings_in_process(DEBUG="1", PORT="8001")
    assert result.stdout.strip() == "http://127.0.0.1:8001", result.stderr


def test_make_run_and_serve_pass_the_address_of_their_port():
    for target in ("run", "serve"):
        dry = subprocess.run(  # noqa: S603 - our own Makefile, dry run
            ["make", "-n", target, "PORT=8001", "SECRET_KEY=x"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        server = [line for line in dry.splitlines() if "runserver" in line or "gunicorn" in line]
        assert server and "SITE_URL=http://127.0.0.1:8001" in server[-1], target


def test_production_process_refuses_to_start_without_site_url(settings):
    settings.DEBUG = False
    settings.SITE_URL_SET = False
    with pytest.raises(ImproperlyConfigured, match="SITE_URL must be set"):
        require_site_url()
    settings.SITE_URL_SET = True
    require_site_url()
    settings.DEBUG, settings.SITE_URL_SET = True, False
    require_site_url()


def test_deploy_check_reports_a_missing_site_url(db, settings):
    # db: the model checks ask the database's features (SQLite's JSON support).
    settings.SITE_URL_SET = False
    with pytest.raises(SystemCheckError, match="valita.E001"):
        call_command("check", "--deploy", "--fail-level", "ERROR")


def _python(run: list[str], environment: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        run, env=environment, cwd=ROOT, capture_output=True, text=True
    )


def test_web_server_entry_point_requires_site_url():
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    environment.update(DEBUG="0", SECRET_KEY="k" * 50, DATABASE_URL="sqlite:///:memory:")
    environment.pop("REDIS_URL", None)
    run = [sys.executable, "-c", "import valita.wsgi"]
    refused = _python(run, environment)
    assert refused.returncode != 0 and "SITE_URL must be set" in refused.stderr
    environment["SITE_URL"] = "https://valita.example.org"
    started = _python(run, environment)
    assert started.returncode == 0, started.stderr


def _canonical(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)">', html)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/fi/", "/sv/", "/fi/hankkeet/", "/fi/blogi/", "/sv/evenemang/"])
def test_every_page_names_itself_canonical(client, settings, path):
    settings.SITE_URL = "https://valita.example.org"
    html = client.get(path).content.decode()
    assert _canonical(html) == [f"https://valita.example.org{path}"]


@pytest.mark.django_db
def test_canonical_keeps_only_the_parameters_the_view_reads(client, settings):
    settings.SITE_URL = "https://valita.example.org"
    html = client.get("/fi/blogi/?utm_source=x&sivu=2&teema=arki").content.decode()
    canonical = "https://valita.example.org/fi/blogi/?sivu=2&amp;teema=arki"
    assert _canonical(html) == [canonical]
    assert f'<meta property="og:url" content="{canonical}">' in html


@pytest.mark.django_db
def test_a_missing_page_names_no_canonical(client):
    response = client.get("/fi/ei-ole/")
    assert response.status_code == 404
    assert _canonical(response.content.decode()) == []


def _feeds(html: str) -> dict[str, str]:
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', html)
    return dict(links)


@pytest.mark.django_db
def test_project_and_theme_pages_link_their_feeds_in_the_head(client, settings):
    settings.SITE_URL = "https://valita.example.org"
    theme = ThemeFactory(slug_fi="arki", slug_sv="vardag")
    ProjectFactory(slug_fi="hanke-a", slug_sv="projekt-a", themes=[theme])  # no events, no posts
    site = "https://valita.example.org"
    for path, ics, blog in [
        ("/fi/hankkeet/hanke-a/", "/fi/tapahtumat/kalenteri/hanke/hanke-a.ics", "hanke/hanke-a"),
        ("/fi/teemat/arki/", "/fi/tapahtumat/kalenteri/teema/arki.ics", "teema/arki"),
    ]:
        html = client.get(path).content.decode()
        head = html.split("</head>")[0]
        assert _feeds(head) == {
            "text/calendar": site + ics,
            "application/rss+xml": f"{site}/fi/blogi/{blog}/rss/",
            "application/atom+xml": f"{site}/fi/blogi/{blog}/atom/",
        }, path
        for url in _feeds(head).values():
            assert client.get(url.removeprefix(site)).status_code == 200, url


@pytest.mark.django_db
def test_sitemap_lists_the_blog_and_the_survey_list_in_both_languages(client):
    body = client.get("/sitemap.xml").content.decode()
    for fi, sv in [("/fi/blogi/", "/sv/blogg/"), ("/fi/kyselyt/", "/sv/enkater/")]:
        assert f"{fi}</loc>" in body and f"{sv}</loc>" in body
        assert f'hreflang="sv" href="http://testserver{sv}"' in body
        assert f'hreflang="fi" href="http://testserver{fi}"' in body
