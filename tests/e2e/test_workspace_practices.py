"""The practices and the translation workflow in the staff workspace, one role at a time:
a project coordinator edits a practice's Finnish text, sees the Swedish marked out of date
and asks for a translation; a network coordinator finds it in "Missing Swedish"; an OPH
viewer walks the workspace and finds nothing to change. axe at desktop and 375 px."""

import re

import pytest
from playwright.sync_api import expect

from valita import demo
from valita.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

NARROW = {"width": 375, "height": 800}


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.PAGE_CACHE_SECONDS = 0
    demo.load("projects", "practices")


def sign_in(page, live_server, email):
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page).to_have_url(re.compile(r"/fi/tyotila/$"))


def check_both_widths(page, axe, context):
    axe(f"{context} desktop")
    page.set_viewport_size(NARROW)
    axe(f"{context} 375 px")
    width = page.evaluate("document.documentElement.scrollWidth")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 376)
            .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)"""
    )
    assert width <= NARROW["width"], f"{context}: sideways scroll at 375 px ({width}): {wide}"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_coordinator_edits_the_finnish_and_asks_for_the_swedish(
    live_server, page, axe, console_errors, browser
):
    sign_in(page, live_server, "koordinaattori@example.org")
    check_both_widths(page, axe, "home coordinator")
    workspace = page.get_by_role("navigation", name="Työtila")
    workspace.get_by_role("link", name="Hyvät käytännöt").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hyvät käytännöt")
    check_both_widths(page, axe, "practice list")

    page.get_by_role("link", name="Kehittäjäopiskelijamalli").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kehittäjäopiskelijamalli")
    expect(page.locator(".translation-state")).not_to_contain_text("Ruotsi vanhentunut")
    check_both_widths(page, axe, "practice editor")

    summary = page.get_by_label("Tiivistelmä suomeksi")
    summary.fill("Opiskelijat kehittävät oppilaitosta palkattuina kehittäjäopiskelijoina.")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator(".messages")).to_contain_text("Toimintamalli tallennettu.")
    expect(page.locator(".translation-state")).to_contain_text("Ruotsi vanhentunut")
    page.get_by_role("button", name="Pyydä käännös").click()
    expect(page.locator(".translation-state")).to_contain_text("Käännöstä pyydetty")
    check_both_widths(page, axe, "practice editor, translation asked")
    tabs = page.get_by_role("navigation", name="Toimintamallin osat")
    for tab in ("Liitteet", "Linkit", "Käyttöönotot"):
        tabs.get_by_role("link", name=tab).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(tab)
        check_both_widths(page, axe, f"practice {tab}")
    workspace = page.get_by_role("navigation", name="Työtila")
    workspace.get_by_role("link", name="Hankkeiden sivut").click()
    check_both_widths(page, axe, "project list")
    page.get_by_role("link", name="Ääni kuuluviin").first.click()
    expect(page.get_by_label("Tiivistelmä suomeksi")).to_be_visible()
    check_both_widths(page, axe, "project editor")
    page.get_by_role("navigation", name="Hankkeen sivun osat").get_by_role(
        "link", name="Yhteyshenkilöt"
    ).click()
    check_both_widths(page, axe, "project contacts")
    assert console_errors == [], "\n".join(console_errors)

    # A network coordinator sees it waiting, with who asked.
    other = browser.new_page()
    sign_in(other, live_server, "verkosto@example.org")
    other.get_by_role("navigation", name="Työtila").get_by_role("link", name="Käännökset").click()
    row = other.get_by_role("row", name=re.compile("Kehittäjäopiskelijamalli"))
    expect(row).to_contain_text("Ruotsi vanhentunut")
    expect(row).to_contain_text("pyysi")
    other.get_by_label("Sisältötyyppi").select_option("practice")
    other.get_by_role("button", name="Näytä").click()
    expect(other).to_have_url(re.compile(r"tyyppi=practice"))
    expect(other.get_by_role("row", name=re.compile("Kehittäjäopiskelijamalli"))).to_be_visible()
    other.close()


def test_network_coordinator_sees_missing_swedish_in_both_languages(
    live_server, page, axe, console_errors
):
    sign_in(page, live_server, "verkosto@example.org")
    page.goto(f"{live_server.url}/fi/tyotila/kaannokset/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("ruotsi puuttuu")
    # The demo's practice without Swedish, on purpose.
    expect(
        page.get_by_role("row", name=re.compile("Keskeyttämisen ennakointi moniammatillisesti"))
    ).to_contain_text("Ruotsi puuttuu")
    check_both_widths(page, axe, "missing swedish fi")
    page.goto(f"{live_server.url}/sv/arbetsyta/oversattningar/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_contain_text("svenskan saknas")
    check_both_widths(page, axe, "missing swedish sv")
    page.goto(f"{live_server.url}/fi/tyotila/hyvat-kaytannot/seuranta/")
    check_both_widths(page, axe, "follow-up rounds")
    page.get_by_role("link", name="Aloita seurantakierros").click()
    check_both_widths(page, axe, "start a round")
    assert console_errors == [], "\n".join(console_errors)


def test_oph_viewer_walks_the_workspace_and_finds_nothing_to_change(
    live_server, page, axe, console_errors
):
    sign_in(page, live_server, "oph@example.org")
    visited = []
    for name in ("Hyvät käytännöt", "Käännökset", "Hankkeiden sivut", "Työtila"):
        page.get_by_role("navigation", name="Työtila").get_by_role("link", name=name).click()
        visited.append(page.url)
        main = page.locator(".workspace-main")
        expect(main.locator("form, input, textarea, select, button")).to_have_count(0)
        hrefs = main.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        edits = [h for h in hrefs if re.search(r"/tyotila/.+/(\d+|uusi)/|/admin/", h or "")]
        assert edits == [], f"edit links for OPH at {page.url}: {edits}"
        check_both_widths(page, axe, f"oph {name}")
    expect(page.get_by_role("link", name="Verkoston mittarit")).to_be_visible()
    assert console_errors == [], "\n".join(console_errors)
