"""Reflow at 320 CSS px (WCAG 1.4.10): no public page scrolls sideways on a narrow phone.

Every address of the sitemap (each project, theme, event, practice, post and survey in
both languages) and the public pages the sitemap does not list are opened at 320 px; the
page may be as tall as it likes but never wider than the viewport. A wide table scrolls
inside its own focusable region instead.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from valita import demo as demo_content

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 320, "height": 640}

# Pages not in the sitemap, in both languages.
EXTRA_PATHS = [
    "/fi/blogi/",
    "/sv/blogg/",
    "/fi/kyselyt/",
    "/sv/enkater/",
    "/fi/tulokset/",
    "/sv/resultat/",
    "/fi/haku/?q=opiskelija",
    "/sv/sok/?q=studerande",
    "/fi/tapahtumat/?teema=arjenhallinta&muoto=remote",
    "/fi/tietosuojaseloste/",
    "/sv/dataskyddsbeskrivning/",
]

# The page kinds the sitemap must reach, so that the test cannot quietly shrink.
KINDS = [
    "/fi/hankkeet/",
    "/sv/projekt/",
    "/fi/teemat/",
    "/sv/teman/",
    "/fi/tapahtumat/",
    "/sv/evenemang/",
    "/fi/kaytannot/",
    "/sv/praxis/",
    "/fi/blogi/",
    "/sv/blogg/",
    "/fi/kyselyt/",
    "/sv/enkater/",
    "/fi/saavutettavuusseloste/",
    "/sv/tillganglighetsutlatande/",
]

WIDEST_ELEMENTS = """() => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(-3).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
        + ' ' + (e.textContent || '').trim().slice(0, 40))"""


@pytest.fixture
def demo():
    demo_content.load()


def _sitemap_paths(page, base_url: str) -> list[str]:
    page.goto(f"{base_url}/sitemap.xml")
    locations = page.locator("loc").all_text_contents()
    return [urlsplit(location).path for location in locations]


def _registration_forms() -> list[str]:
    from django.urls import reverse
    from django.utils import translation

    from events.models import Event

    event = next(e for e in Event.objects.published().upcoming() if e.registration_open())
    forms = []
    for language in ("fi", "sv"):
        with translation.override(language):
            forms.append(reverse("events:register", kwargs={"slug": event.slug}))
    return forms


def test_no_public_page_scrolls_sideways_at_320_px(live_server, page, demo):
    paths = _sitemap_paths(page, live_server.url)
    for kind in KINDS:
        assert any(path.startswith(kind) for path in paths + EXTRA_PATHS), kind
    paths = sorted(set(paths)) + EXTRA_PATHS + _registration_forms()

    page.set_viewport_size(NARROW)
    too_wide = []
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > NARROW["width"]:
            too_wide.append(f"{width}px {path} {page.evaluate(WIDEST_ELEMENTS)}")
    assert too_wide == []


def test_the_adoption_table_scrolls_in_a_labelled_region_the_keyboard_reaches(
    live_server, page, demo
):
    from practices.models import Practice

    practice = Practice.objects.published().filter(adoptions__isnull=False).first()
    page.set_viewport_size(NARROW)
    page.goto(f"{live_server.url}{practice.get_absolute_url()}")
    region = page.get_by_role("region", name="Organisaatiot, jotka käyttävät mallia")
    expect(region).to_be_visible()
    region.focus()
    expect(region).to_be_focused()
    assert region.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"]
