import re

import pytest
from playwright.sync_api import expect

from projects.demo import load as load_demo_network

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_goes_to_a_project_and_switches_to_swedish(live_server, page, axe, console_errors):
    load_demo_network()
    page.goto(f"{live_server.url}/fi/")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Välitä! – Visa omtanke!")
    axe("home fi")

    page.get_by_role("navigation", name="Päävalikko").get_by_role("link", name="Hankkeet").click()
    expect(page).to_have_url(re.compile(r"/fi/hankkeet/$"))
    axe("project list fi")

    page.get_by_role("link", name="Ääni kuuluviin").click()
    expect(page).to_have_url(re.compile(r"/fi/hankkeet/aani/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ääni kuuluviin")
    axe("project fi")

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/projekt/aani/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rösten hörs")
    axe("project sv")
    assert console_errors == []


def test_skip_link_is_first_and_moves_focus_to_content(live_server, page):
    load_demo_network()
    page.goto(f"{live_server.url}/sv/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Till innehållet")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()
