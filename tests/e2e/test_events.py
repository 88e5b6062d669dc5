import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from events.models import Event, Registration
from valita.celery import app as celery_app
from valita.demo import DEMO_PASSWORD
from valita.demo import load_events as load_demo_events
from valita.demo import load_projects as load_demo_network

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.PAGE_CACHE_SECONDS = 0
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    load_demo_network()
    load_demo_events()
    yield
    celery_app.conf.task_always_eager = eager


def test_visitor_filters_the_calendar_and_registers_in_swedish(
    live_server, page, axe, console_errors
):
    page.goto(f"{live_server.url}/sv/evenemang/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator('link[rel="alternate"][type="text/calendar"]').first).to_be_attached()
    axe("event list sv")

    page.get_by_label("Genomförande").select_option("in_person")
    page.get_by_role("button", name="Visa evenemang").click()
    expect(page).to_have_url(re.compile(r"muoto=in_person"))
    page.get_by_role("link", name="Utbildningsdag för kamrathandledare").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Utbildningsdag för kamrathandledare")
    expect(page.locator('script[type="application/ld+json"]')).to_be_attached()
    axe("event sv")

    page.get_by_role("link", name="Anmäl dig").click()
    axe("registration form sv")
    page.get_by_role("button", name="Anmäl dig").click()  # empty: errors next to the fields
    expect(page.get_by_role("link", name="Namn: Skriv ditt namn.")).to_be_visible()  # summary
    expect(page.get_by_text("Skriv ditt namn.", exact=True)).to_be_visible()  # at the field
    axe("registration form with errors sv")

    page.get_by_label("Namn").fill("Sara Lindqvist")
    page.get_by_label("E-postadress").fill("sara.lindqvist@example.org")
    page.get_by_label("Jag godkänner", exact=False).check()
    page.get_by_role("button", name="Anmäl dig").click()
    # The single place was taken by the demo: Sara goes to the waiting list.
    expect(page.get_by_text("Evenemanget är fullt")).to_be_visible()
    registration = Registration.objects.get(email="sara.lindqvist@example.org")
    assert (registration.status, registration.language) == ("waiting", "sv")
    assert any(m.to == ["sara.lindqvist@example.org"] for m in mail.outbox)
    axe("event after registration sv")
    assert console_errors == [], "\n".join(console_errors)


def test_coordinator_creates_an_event_in_the_admin(
    live_server, page, axe, console_errors, failed_requests
):
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("koordinaattori@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    page.goto(f"{live_server.url}/fi/admin/events/event/add/")
    page.locator("#id_title_fi").fill("Ääni kuuluviin -työpaja")
    page.locator("#id_title_sv").fill("Workshop: Rösten hörs")
    page.locator("#id_status").select_option("published")
    page.locator("#id_projects_from").select_option(label="Ääni kuuluviin")
    page.locator("#id_projects_add").click()
    page.locator("#id_starts_at_0").fill("1.3.2030")
    page.locator("#id_starts_at_1").fill("09:00:00")
    page.locator("#id_ends_at_0").fill("1.3.2030")
    page.locator("#id_ends_at_1").fill("12:00:00")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("on lisätty")

    event = Event.objects.get(title_fi="Ääni kuuluviin -työpaja")
    assert list(event.projects.values_list("slug_fi", flat=True)) == ["aani"]
    page.goto(f"{live_server.url}/sv/evenemang/{event.slug_sv}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Workshop: Rösten hörs")
    axe("new event sv")
    assert console_errors == [], "\n".join(console_errors)
