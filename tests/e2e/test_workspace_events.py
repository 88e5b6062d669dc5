"""A project coordinator's event work in the workspace, by keyboard, checked by axe.

Signs in, creates a bilingual event with registration for their only project, previews it
in Swedish, publishes it; a visitor registers in another browser context; the coordinator
sees the registration, checks the person in and exports the list. Every workspace page is
checked by axe at desktop width and at 375 px, and no page logs a console error.
"""

import re

import pytest
from playwright.sync_api import expect

from events.models import Event, Registration
from valita import demo
from valita.celery import app as celery_app
from valita.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 700}


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.PAGE_CACHE_SECONDS = 0
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    demo.load("projects", "events")
    yield
    celery_app.conf.task_always_eager = eager


@pytest.fixture
def check_page(page, axe):
    def check(context: str) -> None:
        page.set_viewport_size(DESKTOP)
        axe(f"{context} desktop")
        page.set_viewport_size(PHONE)
        axe(f"{context} 375px")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{context}: {width}px wide at 375px"
        page.set_viewport_size(DESKTOP)

    return check


def activate(locator) -> None:
    """Reach a control by keyboard focus and press it, as a keyboard user would."""
    locator.focus()
    locator.press("Enter")


def toggle(locator) -> None:
    locator.focus()
    locator.press("Space")


def test_coordinator_runs_an_event_from_the_workspace(
    live_server, page, check_page, console_errors, failed_requests
):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("koordinaattori@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_label("Salasana").press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/tyotila/$"))
    expect(page.locator("#ws-events")).to_be_visible()
    check_page("home")

    activate(page.locator(".workspace-nav").get_by_role("link", name="Tapahtumat"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tapahtumat")
    check_page("event list")

    activate(page.get_by_role("link", name="Uusi tapahtuma"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uusi tapahtuma")
    check_page("new event")

    # Empty: the errors are told beside the fields, the summary is focused.
    activate(page.get_by_role("button", name="Tallenna luonnoksena"))
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_title_fi_error")).to_contain_text("Kirjoita tapahtuman otsikko")
    check_page("new event with errors")

    page.get_by_label("Otsikko suomeksi").fill("Kuuntelupaja opettajille")
    page.get_by_label("Otsikko ruotsiksi").fill("Lyssnarverkstad för lärare")
    editor_fi = page.get_by_role("textbox", name="Kuvaus suomeksi", exact=True)
    editor_fi.focus()
    page.keyboard.type("Harjoitellaan kuuntelemista yhdessä.")
    editor_sv = page.get_by_role("textbox", name="Kuvaus ruotsiksi", exact=True)
    editor_sv.focus()
    page.keyboard.type("Vi övar att lyssna tillsammans.")
    # The demo coordinator works for two projects, so none is preselected (with one, it is:
    # events/tests/test_workspace_editor.py): they tick theirs with the space bar.
    own_project = page.get_by_label("Ääni kuuluviin", exact=False)
    expect(own_project).not_to_be_checked()
    own_project.focus()
    page.keyboard.press("Space")
    expect(own_project).to_be_checked()
    page.get_by_label("Alkaa").fill("2031-05-20T09:00")
    page.get_by_label("Päättyy").fill("2031-05-20T12:00")
    expect(page.locator("#id_online_url")).to_be_hidden()  # in person
    hybrid = page.get_by_label("Hybriditapahtuma")
    hybrid.focus()
    page.keyboard.press("Space")
    expect(hybrid).to_be_checked()
    expect(page.locator("#id_online_url")).to_be_visible()
    page.get_by_label("Tapahtumapaikka suomeksi").fill("Ammattiopisto, auditorio")
    page.locator("#id_online_url").fill("https://meet.example.org/paja")
    toggle(page.get_by_label("Ilmoittautuminen käytössä"))
    page.get_by_label("Paikkoja paikan päällä").fill("12")
    page.get_by_label("Etäpaikkoja").fill("30")
    activate(page.get_by_role("button", name="Tallenna luonnoksena"))

    expect(page.get_by_text("Tapahtuma on tallennettu luonnoksena")).to_be_visible()
    event = Event.objects.get(title_fi="Kuuntelupaja opettajille")
    assert event.status == Event.Status.DRAFT
    assert list(event.projects.values_list("slug_fi", flat=True)) == ["aani"]
    assert "Vi övar att lyssna" in event.description_sv
    check_page("overview")

    activate(page.get_by_role("link", name="Esikatsele ruotsiksi"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lyssnarverkstad för lärare")
    expect(page.get_by_text("Vi övar att lyssna tillsammans.")).to_be_visible()
    axe_ok = check_page
    axe_ok("preview sv")
    activate(page.get_by_role("link", name="Tillbaka till arbetsytan"))

    activate(page.get_by_role("button", name="Julkaise", exact=True))
    expect(page.get_by_text("Tapahtuma on julkaistu.")).to_be_visible()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    check_page("overview published")

    # A visitor registers in Swedish, in a browser of their own.
    visitor = page.context.browser.new_context()
    visitor_page = visitor.new_page()
    visitor_page.goto(f"{live_server.url}/sv/evenemang/{event.slug_sv}/")
    expect(visitor_page.get_by_role("heading", level=1)).to_have_text("Lyssnarverkstad för lärare")
    expect(visitor_page.get_by_text("Redigera och hantera")).to_have_count(0)
    visitor_page.get_by_role("link", name="Anmäl dig").click()
    visitor_page.get_by_label("Namn").fill("Sara Lindqvist")
    visitor_page.get_by_label("E-postadress").fill("sara.lindqvist@example.org")
    visitor_page.get_by_label("På plats").check()
    visitor_page.get_by_label("Jag godkänner", exact=False).check()
    visitor_page.get_by_role("button", name="Anmäl dig").click()
    expect(visitor_page.get_by_text("Din anmälan är bekräftad.")).to_be_visible()
    visitor.close()
    assert Registration.objects.get(email="sara.lindqvist@example.org").language == "sv"

    activate(page.locator(".event-ws-nav").get_by_role("link", name="Ilmoittautuneet"))
    expect(page.locator(".workspace-table")).to_contain_text("Sara Lindqvist")
    check_page("registrations")

    with page.expect_download() as download:
        activate(page.get_by_role("link", name="Lataa CSV"))
    path = download.value.path()
    assert "Sara Lindqvist" in open(path, encoding="utf-8-sig").read()  # noqa: PTH123, SIM115

    activate(page.locator(".event-ws-nav").get_by_role("link", name="Läsnäololista"))
    check_page("check-in")
    activate(page.get_by_role("button", name="Sara Lindqvist on paikalla"))
    expect(page.locator(".checkin-present")).to_contain_text("Sara Lindqvist")
    assert Registration.objects.get(email="sara.lindqvist@example.org").attended is True
    check_page("check-in marked")

    activate(page.locator(".event-ws-nav").get_by_role("link", name="Viesti osallistujille"))
    page.get_by_label("Aihe suomeksi").fill("Tervetuloa")
    page.get_by_label("Viesti suomeksi").fill("Nähdään pian.")
    page.get_by_label("Aihe ruotsiksi").fill("Välkommen")
    page.get_by_label("Viesti ruotsiksi").fill("Vi ses snart.")
    activate(page.get_by_role("button", name="Esikatsele"))
    expect(page.locator(".email-preview[lang=sv]")).to_contain_text("Vi ses snart.")
    check_page("message preview")

    activate(page.locator(".event-ws-nav").get_by_role("link", name="Materiaalit"))
    check_page("materials")
    activate(page.locator(".event-ws-nav").get_by_role("link", name="Muokkaa"))
    check_page("edit")

    assert console_errors == [], "\n".join(console_errors)
    assert not [r for r in failed_requests if "/static/" in r], failed_requests


def test_the_event_editor_warns_before_unsaved_changes_are_lost(live_server, page):
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("koordinaattori@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_label("Salasana").press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/tyotila/$"))
    activate(page.locator(".workspace-nav").get_by_role("link", name="Tapahtumat"))
    activate(page.get_by_role("link", name="Uusi tapahtuma"))
    editor = page.url
    dialogs = []

    def stay(dialog) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()  # "stay on this page"

    page.on("dialog", stay)
    page.get_by_label("Otsikko suomeksi").fill("Kesken jäävä tapahtuma")
    page.locator(".workspace-nav").get_by_role("link", name="Tapahtumat").click(no_wait_after=True)
    expect(page.get_by_label("Otsikko suomeksi")).to_have_value("Kesken jäävä tapahtuma")
    assert dialogs == ["beforeunload"] and page.url == editor

    # Saving is leaving on purpose: no question then.
    page.remove_listener("dialog", stay)
    page.on("dialog", lambda dialog: dialogs.append(dialog.type) or dialog.dismiss())
    page.get_by_role("button", name="Tallenna luonnoksena").click()
    expect(page.locator("#error-summary")).to_be_focused()  # the form came back: no save
    page.locator(".workspace-nav").get_by_role("link", name="Tapahtumat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tapahtumat")
    assert dialogs == ["beforeunload"]
