import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from events.emails import manage_url, registration_signature
from events.models import Event, Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = {"name": "Maija Meikäläinen", "email": "maija@example.org", "consent": "on"}


def url(name, event, language="fi", **kwargs):
    with translation.override(language):
        return reverse(f"events:{name}", kwargs={"slug": event.slug, **kwargs})


@pytest.fixture
def event(project):
    return EventFactory(
        registration_enabled=True,
        capacity_in_person=1,
        format=Event.Format.HYBRID,
        online_url="https://meet.example.org/valita",
        projects=[project],
    )


def test_register_in_swedish_confirms_and_mails(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("register", event, "sv"), {**FORM, "mode": "remote"})
    assert response.status_code == 302
    registration = event.registrations.get()
    assert (registration.language, registration.mode, registration.status) == (
        "sv",
        "remote",
        "confirmed",
    )
    page = client.get(response["Location"]).content.decode()
    assert "Din anmälan är bekräftad." in page
    (message,) = mail.outbox
    assert "https://meet.example.org/valita" in message.body


@pytest.mark.parametrize(
    ("language", "data", "field_error"),
    [
        ("fi", {**FORM, "email": "ei-osoite"}, "Kirjoita sähköpostiosoite muodossa"),
        ("sv", {**FORM, "email": "ingen-adress"}, "Skriv e-postadressen i formen"),
        ("fi", {**FORM, "consent": ""}, "Hyväksy tietosuojaseloste"),
        ("sv", {**FORM, "name": ""}, "Skriv ditt namn."),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_nothing_is_saved(
    client, event, language, data, field_error
):
    response = client.post(url("register", event, language), {**data, "mode": "in_person"})
    assert response.status_code == 200
    assert field_error in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not event.registrations.exists()


@pytest.mark.parametrize(
    ("language", "legend"), [("fi", "Osallistumistapa"), ("sv", "Sätt att delta")]
)
def test_the_mode_radios_are_a_group_whose_error_is_tied_to_it(client, event, language, legend):
    body = client.post(url("register", event, language), {**FORM, "mode": ""}).content.decode()
    group = re.search(r'<fieldset class="field field-error"([^>]*)>\s*<legend>(.*?)</legend>', body)
    assert group, body
    assert legend in group.group(2)
    assert 'aria-describedby="id_mode_error"' in group.group(1)
    assert 'id="id_mode_error"' in body
    assert 'href="#id_mode_0"' in body  # the summary leads to the group's first radio


def test_the_error_summary_comes_first_in_main_focusable_by_script(client, event):
    body = client.post(url("register", event), {**FORM, "name": ""}).content.decode()
    main = body.split('<main id="content" tabindex="-1">', 1)[1]
    first = re.search(r"<(?!div class=\"wrap\")\w+[^>]*>", main).group(0)
    assert first == '<div class="error-summary" role="alert" tabindex="-1" id="error-summary">'
    assert body.count('id="error-summary"') == 1
    assert "autofocus" not in body


def test_a_second_registration_with_the_same_email_is_refused(client, event):
    client.post(url("register", event), {**FORM, "mode": "in_person"})
    response = client.post(url("register", event), {**FORM, "mode": "remote"})
    assert "Tällä sähköpostiosoitteella on jo ilmoittauduttu" in response.content.decode()
    assert event.registrations.count() == 1


@pytest.mark.parametrize(("language", "status"), [("fi", "Peruttu"), ("sv", "Avanmäld")])
def test_a_cancelled_registration_reads_as_cancelled_in_each_language(
    client, event, language, status
):
    registration = RegistrationFactory(event=event, status="cancelled", language=language)
    path = manage_url(registration).removeprefix("http://127.0.0.1:8000")
    page = client.get(path).content.decode()
    assert f"<strong>{status}</strong>" in page
    assert "Inställt" not in page  # the word for a cancelled event, not a registration


def test_after_the_deadline_the_form_is_gone(client, event):
    Event.objects.filter(pk=event.pk).update(
        registration_deadline=timezone.now() - timedelta(minutes=1)
    )
    response = client.get(url("register", event))
    assert "Ilmoittautuminen on päättynyt." in response.content.decode()
    assert "<form" not in response.content.decode().split("<main")[1]
    client.post(url("register", event), {**FORM, "mode": "in_person"})
    assert not event.registrations.exists()


def test_too_many_registrations_from_one_address_are_refused(client, event, settings):
    settings.EVENTS_REGISTRATIONS_PER_HOUR = 2
    for n in range(2):
        data = {**FORM, "email": f"p{n}@example.org", "mode": "remote"}
        client.post(url("register", event), data)
    response = client.post(url("register", event), {**FORM, "mode": "remote"})
    assert response.status_code == 429
    assert "Liian monta ilmoittautumista" in response.content.decode()
    assert event.registrations.count() == 2


def test_the_signed_link_cancels_and_the_next_person_gets_the_offer(client, event):
    first = RegistrationFactory(event=event, mode="in_person")
    waiting = RegistrationFactory(event=event, mode="in_person", status="waiting", language="sv")
    page = client.get(manage_url(first).removeprefix("http://127.0.0.1:8000"))
    assert page.status_code == 200
    assert "https://meet.example.org/valita" in page.content.decode()  # confirmed: sees link
    client.post(page.wsgi_request.path, {"action": "cancel"})
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.OFFERED

    offer_page = f"/sv/evenemang/anmalan/{registration_signature(waiting)}/"
    response = client.post(offer_page, {"action": "accept"}, follow=True)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    assert "Din plats är bekräftad." in response.content.decode()


def test_a_forged_link_is_a_404(client):
    assert client.get("/fi/tapahtumat/ilmoittautuminen/forged:token/").status_code == 404


def test_the_public_page_only_links_the_workspace_for_its_editor(client, cast, event):
    workspace = reverse("events_workspace:event_overview", kwargs={"pk": event.pk})
    for role in ("visitor", "other_coordinator", "oph", "coordinator"):
        client.logout()
        if cast[role].is_authenticated:
            client.force_login(cast[role])
        page = client.get(url("event_detail", event)).content.decode()
        assert (workspace in page) == (role == "coordinator"), role
        assert "ilmoittautuneet.csv" not in page
