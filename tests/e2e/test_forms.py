"""Public forms for assistive technology: a group of radios is a named group whose error is
its description, and after a failed submit the keyboard starts at the error summary."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from events.models import Event
from valita.demo import load_events as load_demo_events
from valita.demo import load_projects as load_demo_network

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("language", "group", "submit", "error"),
    [
        ("fi", "Osallistumistapa", "Ilmoittaudu", "Valitse, osallistutko paikan päällä vai etänä."),
        ("sv", "Sätt att delta", "Anmäl dig", "Välj om du deltar på plats eller på distans."),
    ],
)
def test_registration_errors_take_focus_and_the_mode_group_names_its_error(
    live_server, page, axe, console_errors, language, group, submit, error
):
    load_demo_network()
    load_demo_events()
    event = next(
        e
        for e in Event.objects.published().upcoming()
        if e.registration_open() and len(e.modes()) > 1
    )
    with translation.override(language):
        page.goto(f"{live_server.url}{reverse('events:register', kwargs={'slug': event.slug})}")
    page.get_by_role("button", name=submit).click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    radios = page.get_by_role("group", name=group)
    expect(radios).to_have_accessible_description(error)
    expect(radios.get_by_role("radio")).to_have_count(2)
    summary.get_by_role("link", name=error, exact=False).click()
    expect(radios.get_by_role("radio").first).to_be_focused()
    axe(f"registration errors {language}")
    assert console_errors == []
