"""Browser: the OPH user reads the 2025 network survey on the dashboard, filters by project and
downloads a CSV; a visitor reads the published results in Swedish. axe on every page."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from valita import demo as demo_content
from valita.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    demo_content.load("projects", "surveys", "reports")


def test_oph_user_reads_filters_and_exports(live_server, page, axe, console_errors, demo):
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("oph@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()

    page.goto(f"{live_server.url}/fi/raportit/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Raportit")
    axe("dashboard")
    page.get_by_role("link", name="Välitä!-verkostokysely 2025").click()
    expect(page).to_have_url(re.compile(r"/fi/raportit/kyselyt/verkostokysely-2025/$"))
    expect(page.get_by_text("101 vastausta.")).to_be_visible()
    expect(page.locator("svg[role=img]").first).to_be_visible()
    axe("survey results")

    page.get_by_label("Hanke", exact=True).select_option(label="Arki haltuun")
    page.get_by_role("button", name="Näytä").click()
    expect(page).to_have_url(re.compile(r"project=\d+"))
    expect(page.get_by_text("Hanke: Arki haltuun.")).to_be_visible()
    axe("survey results filtered")

    with page.expect_download() as download_info:
        page.locator("a[href*='/vienti/projects.csv']").first.click()
    path = download_info.value.path()
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(io.StringIO(f.read()), delimiter=";"))
    assert rows[0] == ["Hanke", "Vastauksia", "%"]
    assert rows[-1][:2] == ["Koko verkosto", "101"]

    page.get_by_role("link", name="Avoimet vastaukset").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Avoimet vastaukset")
    axe("open answers")
    page.get_by_role("link", name="Tulostettava raportti").first.click()
    expect(page.locator("link[media=print]")).to_have_count(1)
    expect(page.locator("blockquote.quote").first).to_be_visible()
    axe("printable report")
    page.goto(f"{live_server.url}/fi/raportit/")
    page.get_by_role("link", name="Verkoston mittarit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verkoston mittarit")
    axe("network metrics")
    assert console_errors == [], "\n".join(console_errors)


def _sign_in(page, live_server, email):
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()


def test_network_coordinator_codes_an_open_answer(live_server, page, axe, console_errors, demo):
    _sign_in(page, live_server, "verkosto@example.org")
    page.goto(f"{live_server.url}/fi/raportit/kyselyt/verkostokysely-2025/avoimet/")
    page.get_by_role("link", name=re.compile("haastaneet", re.IGNORECASE)).first.click()
    page.get_by_label("Uusi teema").fill("Viestintä")
    page.get_by_role("button", name="Lisää teema").click()
    expect(page.get_by_text("Teema lisätty.")).to_be_visible()
    axe("coding page")
    first = page.locator("form.coding-form").nth(1)
    first.get_by_label("Viestintä").check()
    first.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_text("Vastauksen teemat tallennettu.")).to_be_visible()
    expect(page.locator("#themes")).to_contain_text("Viestintä")
    page.goto(f"{live_server.url}/fi/raportit/kyselyt/verkostokysely-2025/")
    raw = page.get_by_role("link", name="Vastaukset (CSV)")
    expect(raw).to_have_accessible_description(re.compile("^Luottamuksellinen: yksittäiset"))
    axe("survey results with the raw export")
    assert console_errors == [], "\n".join(console_errors)


def test_visitor_reads_published_results_in_swedish(live_server, page, axe, console_errors, demo):
    page.goto(f"{live_server.url}/sv/resultat/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Resultat")
    expect(page.locator("svg[role=img]")).to_have_count(2)
    expect(page.locator("blockquote")).to_have_count(2)
    axe("published results sv")
    page.get_by_role("navigation", name="Språk").get_by_role("link", name="Suomi").click()
    expect(page).to_have_url(re.compile(r"/fi/tulokset/$"))
    axe("published results fi")
    assert console_errors == [], "\n".join(console_errors)


PHONE = {"width": 375, "height": 740}

WIDER_THAN_VIEWPORT = """() => [...document.querySelectorAll('main *')]
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .filter(e => !e.closest('.table-scroll, [role=region]'))
    .map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined
        ? '.' + e.className : ''))"""

SMALLEST_CHART_TEXT = """() => Math.min(...[...document.querySelectorAll('svg[role=img] text')]
    .map(t => t.getBoundingClientRect().height).filter(h => h > 0))"""


def test_results_with_a_crosstab_fit_a_phone(live_server, page, axe, console_errors, demo):
    page.set_viewport_size(PHONE)
    _sign_in(page, live_server, "oph@example.org")
    page.goto(f"{live_server.url}/fi/raportit/kyselyt/verkostokysely-2025/?by=project")
    expect(page.get_by_role("heading", name="Ristiintaulukointi")).to_be_visible()
    page_width = page.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], page.evaluate(WIDER_THAN_VIEWPORT)
    # The cross-tab scrolls inside its own region, which the keyboard reaches.
    region = page.locator("#crosstab").locator("xpath=ancestor::*[@role='region'][1]")
    expect(region).to_have_attribute("tabindex", "0")
    # Chart labels stay legible: no text under 9 CSS px on a phone.
    assert page.evaluate(SMALLEST_CHART_TEXT) >= 9
    axe("survey results with a cross-tab at 375 px")
    assert console_errors == [], "\n".join(console_errors)
