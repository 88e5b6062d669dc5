import re

import pytest
from playwright.sync_api import expect

from events.models import Event
from valita.demo import load_events as load_demo_events
from valita.demo import load_projects as load_demo_network

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
    expect(page).to_have_url(re.compile(r"/sv/projekt/rosten/$"))
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


def test_the_language_switcher_keeps_the_calendar_filter(live_server, page, axe):
    load_demo_network()
    load_demo_events()
    page.goto(f"{live_server.url}/fi/tapahtumat/?teema=arjenhallinta&muoto=remote")
    cards = page.locator(".event-card")
    finnish = cards.count()
    assert 0 < finnish < Event.objects.published().count()

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/evenemang/\?teema=hantera-vardagen&muoto=remote$"))
    expect(page.get_by_label("Tema")).to_have_value("hantera-vardagen")
    expect(page.get_by_label("Genomförande")).to_have_value("remote")
    expect(cards).to_have_count(finnish)
    axe("filtered event list sv")

    page.get_by_role("navigation", name="Språk").get_by_role("link", name="Suomi").click()
    expect(page).to_have_url(re.compile(r"/fi/tapahtumat/\?teema=arjenhallinta&muoto=remote$"))
    expect(cards).to_have_count(finnish)
