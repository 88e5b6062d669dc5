"""Registrations in the workspace: list and filters, waiting list and manual offers,
check-in, exports and messages to participants (moved here from the public page)."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from core.models import AccessLog
from events.models import Event, Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, event, language="fi", **kwargs):
    with translation.override(language):
        return reverse(f"events_workspace:{name}", kwargs={"pk": event.pk, **kwargs})


@pytest.fixture
def event(project):
    return EventFactory(
        registration_enabled=True,
        capacity_in_person=1,
        format=Event.Format.HYBRID,
        online_url="https://meet.example.org/valita",
        projects=[project],
    )


def test_swedish_addresses(event):
    assert url("registration_list", event, "sv") == f"/sv/arbetsyta/evenemang/{event.pk}/anmalda/"
    assert url("checkin_list", event) == f"/fi/tyotila/tapahtumat/{event.pk}/lasnaolo/"


def test_coordinator_sees_exports_and_marks_attendance(client, coordinator, event):
    present = RegistrationFactory(event=event, name="Åsa Öberg", organisation="Yrkesinstitut")
    RegistrationFactory(event=event, status="waiting")
    client.force_login(coordinator)

    page = client.get(url("registration_list", event)).content.decode()
    assert "Åsa Öberg" in page

    export = client.get(url("registration_csv", event)).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(export), delimiter=";"))
    assert len(rows) == 3
    assert "Åsa Öberg" in rows[1]

    workbook = load_workbook(io.BytesIO(client.get(url("registration_xlsx", event)).content))
    values = [c.value for c in next(workbook.active.iter_rows(min_row=2, max_row=2))]
    assert "Åsa Öberg" in values

    assert "Åsa Öberg" in client.get(url("checkin_list", event)).content.decode()
    response = client.post(
        url("checkin_mark", event, registration_pk=present.pk), {"attended": "1"}
    )
    assert response["Location"].endswith(f"#r{present.pk}")
    present.refresh_from_db()
    assert present.attended is True


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_registration_export_survives_hostile_names(client, coordinator, event, fmt):
    RegistrationFactory(event=event, name="Bell\x07Name", organisation="=cmd|' /C calc'!A0")
    client.force_login(coordinator)
    response = client.get(url(f"registration_{fmt}", event))
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    else:
        rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    name, _email, organisation = rows[1][:3]
    assert (name, organisation) == ("BellName", "'=cmd|' /C calc'!A0")


def test_viewing_and_exporting_registrations_is_logged(client, coordinator, event):
    client.force_login(coordinator)
    for name in ("registration_list", "registration_csv", "checkin_list"):
        assert client.get(url(name, event)).status_code == 200
    logged = list(AccessLog.objects.order_by("pk").values_list("who", "what", "object_id"))
    assert logged == [
        (coordinator.pk, "events.registrations.view", str(event.pk)),
        (coordinator.pk, "events.registrations.export.csv", str(event.pk)),
        (coordinator.pk, "events.registrations.checkin", str(event.pk)),
    ]


@pytest.mark.parametrize(
    ("tila", "shown", "hidden"),
    [
        ("vahvistetut", "Vahvistettu Henkilö", "Jonottava Henkilö"),
        ("jonossa", "Jonottava Henkilö", "Vahvistettu Henkilö"),
        ("tarjottu", "Tarjottu Henkilö", "Jonottava Henkilö"),
        ("peruneet", "Perunut Henkilö", "Vahvistettu Henkilö"),
        ("osallistuneet", "Vahvistettu Henkilö", "Perunut Henkilö"),
    ],
)
def test_the_list_filters_by_state(client, coordinator, event, tila, shown, hidden):
    RegistrationFactory(event=event, name="Vahvistettu Henkilö", attended=True)
    RegistrationFactory(event=event, name="Jonottava Henkilö", status="waiting")
    RegistrationFactory(
        event=event,
        name="Tarjottu Henkilö",
        status="offered",
        offer_expires_at=timezone.now() + timedelta(hours=5),
    )
    RegistrationFactory(event=event, name="Perunut Henkilö", status="cancelled")
    client.force_login(coordinator)
    page = client.get(url("registration_list", event), {"tila": tila}).content.decode()
    table = page.split('id="all-heading"')[1]
    assert shown in table
    assert hidden not in table


def test_the_waiting_list_is_in_order_and_a_place_is_offered_by_hand(
    client, coordinator, event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event)  # the one place
    first = RegistrationFactory(event=event, name="Ensimmäinen", status="waiting")
    second = RegistrationFactory(event=event, name="Toinen", status="waiting", language="sv")
    client.force_login(coordinator)
    page = client.get(url("registration_list", event)).content.decode()
    waiting = page.split('class="waiting-list"')[1]
    assert waiting.index("Ensimmäinen") < waiting.index("Toinen")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("registration_offer", event, registration_pk=second.pk), follow=True
        )
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.status == Registration.Status.OFFERED
    assert second.offer_expires_at > timezone.now()
    assert first.status == Registration.Status.WAITING
    assert "Paikkaa tarjottiin henkilölle Toinen" in response.content.decode()
    assert [m.to for m in mail.outbox] == [[second.email]]


def test_an_offer_to_someone_not_waiting_is_refused_in_the_users_language(
    client, coordinator, event
):
    confirmed = RegistrationFactory(event=event)
    client.force_login(coordinator)
    response = client.post(
        url("registration_offer", event, "sv", registration_pk=confirmed.pk), follow=True
    )
    assert "En plats kan erbjudas bara till någon som står i kö." in response.content.decode()
    confirmed.refresh_from_db()
    assert confirmed.status == Registration.Status.CONFIRMED


def test_a_registration_of_another_event_is_a_404(client, coordinator, event, project):
    other = RegistrationFactory(event=EventFactory(projects=[project]), status="waiting")
    client.force_login(coordinator)
    response = client.post(url("registration_offer", event, registration_pk=other.pk))
    assert response.status_code == 404
    response = client.post(url("checkin_mark", event, registration_pk=other.pk), {"attended": "1"})
    assert response.status_code == 404


def test_the_message_is_previewed_in_each_language_before_it_is_sent(
    client, coordinator, event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, email="a@example.org", language="fi")
    RegistrationFactory(event=event, email="b@example.org", language="sv", mode="remote")
    client.force_login(coordinator)
    data = {
        "audience": "confirmed",
        "subject_fi": "Ohjelma",
        "body_fi": "Liitteenä ohjelma.",
        "subject_sv": "Programmet",
        "body_sv": "Programmet bifogas.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        preview = client.post(url("registration_email", event), {**data, "action": "preview"})
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "Liitteenä ohjelma." in body and "Programmet bifogas." in body
    assert "Lähetä 2 vastaanottajalle" in body
    assert mail.outbox == []  # a preview sends nothing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("registration_email", event), {**data, "action": "send"})
    assert response.status_code == 302
    assert sorted(m.subject for m in mail.outbox) == ["Ohjelma", "Programmet"]


def test_a_half_written_swedish_message_is_refused_beside_the_form(client, coordinator, event):
    RegistrationFactory(event=event)
    client.force_login(coordinator)
    response = client.post(
        url("registration_email", event, "sv"),
        {"audience": "confirmed", "subject_fi": "Aihe", "body_fi": "Viesti", "subject_sv": "Ämne"},
    )
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert mail.outbox == []
