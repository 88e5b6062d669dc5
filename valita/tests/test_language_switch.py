"""Switching language keeps the visitor's place: the same object, the same filters; an
address without a language prefix finds the page in the visitor's language."""

import re

import pytest

from events.models import Event
from events.tests.factories import EventFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return ThemeFactory(slug_fi="arjenhallinta", slug_sv="vardagen")


@pytest.fixture
def project(theme):
    return ProjectFactory(
        slug_fi="aani", slug_sv="rosten", short_name_fi="Ääni", short_name_sv="", themes=[theme]
    )


def switcher_link(html: str, language: str) -> str:
    nav = re.search(r'<nav class="language".*?</nav>', html, re.S).group(0)
    return re.search(rf'<a href="([^"]*)" hreflang="{language}"', nav).group(1)


def test_the_switcher_maps_a_theme_filter_and_keeps_the_format(client, theme):
    html = client.get("/fi/tapahtumat/?teema=arjenhallinta&muoto=remote").content.decode()
    assert switcher_link(html, "sv") == "/sv/evenemang/?teema=vardagen&amp;muoto=remote"
    assert (
        '<link rel="alternate" hreflang="sv" '
        'href="http://127.0.0.1:8000/sv/evenemang/?teema=vardagen&amp;muoto=remote">'
    ) in html
    back = client.get("/sv/evenemang/?teema=vardagen&muoto=remote").content.decode()
    assert switcher_link(back, "fi") == "/fi/tapahtumat/?teema=arjenhallinta&amp;muoto=remote"


def test_the_switched_filter_selects_the_same_events(client, theme):
    EventFactory(title_fi="Etänä", format=Event.Format.REMOTE, themes=[theme])
    EventFactory(title_fi="Paikan päällä", format=Event.Format.IN_PERSON, themes=[theme])
    html = client.get("/fi/tapahtumat/?teema=arjenhallinta&muoto=remote").content.decode()
    swedish = client.get(switcher_link(html, "sv").replace("&amp;", "&")).content.decode()
    assert swedish.count('class="event-card') == 1


def test_a_project_filter_is_mapped_on_the_blog_list(client, project):
    html = client.get("/fi/blogi/?hanke=aani").content.decode()
    assert switcher_link(html, "sv") == "/sv/blogg/?hanke=rosten"


def test_an_unknown_filter_value_is_kept_as_it_is(client, theme):
    html = client.get("/fi/tapahtumat/?teema=ei-ole&sivu=2").content.decode()
    assert switcher_link(html, "sv") == "/sv/evenemang/?teema=ei-ole&amp;sivu=2"


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("sv-FI,sv;q=0.9", "/sv/projekt/aani/"),
        ("fi", "/fi/hankkeet/aani/"),
        ("", "/fi/hankkeet/aani/"),
    ],
)
def test_an_address_without_language_goes_to_the_visitors_language(client, project, accept, target):
    response = client.get("/hankkeet/aani/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target
    assert client.get(target, follow=True).status_code == 200


def test_an_unknown_address_without_language_is_still_404(client):
    assert client.get("/ei-tallaista/", HTTP_ACCEPT_LANGUAGE="sv").status_code == 404


def test_sitemap_x_default_is_the_finnish_page_itself(client, project):
    body = client.get("/sitemap.xml").content.decode()
    x_defaults = re.findall(r'hreflang="x-default" href="([^"]+)"', body)
    assert x_defaults
    assert all("/fi/" in location for location in x_defaults), x_defaults
    assert 'hreflang="x-default" href="http://testserver/fi/hankkeet/aani/"' in body


def test_a_finnish_short_name_on_a_swedish_page_is_marked_finnish(client, project):
    EventFactory(projects=[project])
    html = client.get("/sv/evenemang/").content.decode()
    assert '<span lang="fi">Ääni</span>' in html
    assert '<span lang="fi">Ääni</span>' not in client.get("/fi/tapahtumat/").content.decode()
