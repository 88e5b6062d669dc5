"""The role × action matrix of the events workspace: `Event.objects.editable_by` decides.

The event belongs to `project`: its coordinator and network coordinators may act on it;
the coordinator of `other_project` and OPH viewers get a 404 (they may not see it), and
creating an event is refused (403) to those without a project to put it in.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from events.tests.factories import EventFactory, EventMaterialFactory, RegistrationFactory
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db

COVERED = {
    "events_workspace:event_list",
    "events_workspace:event_create",
    "events_workspace:event_overview",
    "events_workspace:event_edit",
    "events_workspace:event_preview",
    "events_workspace:event_publish",
    "events_workspace:event_unpublish",
    "events_workspace:event_cancel",
    "events_workspace:event_copy",
    "events_workspace:event_materials",
    "events_workspace:material_delete",
    "events_workspace:registration_list",
    "events_workspace:registration_csv",
    "events_workspace:registration_xlsx",
    "events_workspace:registration_offer",
    "events_workspace:registration_email",
    "events_workspace:checkin_list",
    "events_workspace:checkin_mark",
}
EDITORS = {"coordinator", "network_coordinator"}
EVERY_STAFF_ROLE = {"coordinator", "other_coordinator", "network_coordinator", "oph"}
WITH_PROJECTS = {"coordinator", "other_coordinator", "network_coordinator"}


@pytest.fixture
def cast(cast):
    # One user without a role for the whole test: some tests run several matrices.
    return {**cast, "nobody": nobody()}


@pytest.fixture
def event(project):
    return EventFactory(
        projects=[project], registration_enabled=True, capacity_in_person=1, status="draft"
    )


def _url(name, **kwargs):
    return reverse(f"events_workspace:{name}", kwargs=kwargs)


def test_the_list_is_for_every_role_of_the_network(client, cast, event):
    url = _url("event_list") + "?nayta=luonnokset"
    responses = check_matrix(client, cast, url, allowed=EVERY_STAFF_ROLE)
    # Each sees only what they may edit.
    for role in EVERY_STAFF_ROLE:
        assert (event.title_fi in responses[role].text) == (role in EDITORS), role


def test_creating_needs_a_project(client, cast, project):
    check_matrix(client, cast, _url("event_create"), allowed=WITH_PROJECTS)

    def data(role):
        return {
            "title_fi": f"Uusi {role}",
            "projects": [project.pk],
            "languages": "fi",
            "format": "in_person",
            "starts_at": "2031-03-01T09:00",
            "ends_at": "2031-03-01T12:00",
        }

    # The other coordinator may create, but not in `project`: the form refuses it (200).
    check_matrix(
        client, cast, _url("event_create"), allowed=WITH_PROJECTS, method="post", data=data
    )
    assert set(Event.objects.values_list("title_fi", flat=True)) == {
        "Uusi coordinator",
        "Uusi network_coordinator",
    }


@pytest.mark.parametrize(
    "name",
    [
        "event_overview",
        "event_edit",
        "event_materials",
        "registration_list",
        "registration_csv",
        "registration_xlsx",
        "registration_email",
        "checkin_list",
    ],
)
def test_an_events_pages_are_for_its_editors(client, cast, event, name):
    check_matrix(client, cast, _url(name, pk=event.pk), allowed=EDITORS)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_preview_is_for_its_editors(client, cast, event, language):
    check_matrix(
        client, cast, _url("event_preview", pk=event.pk, language=language), allowed=EDITORS
    )


def test_editing_is_for_its_editors(client, cast, event, project):
    def data(role):
        return {
            "title_fi": f"Muokattu {role}",
            "projects": [project.pk],
            "languages": "fi",
            "format": "in_person",
            "starts_at": "2031-03-01T09:00",
            "ends_at": "2031-03-01T12:00",
        }

    check_matrix(
        client, cast, _url("event_edit", pk=event.pk), allowed=EDITORS, method="post", data=data
    )
    event.refresh_from_db()
    assert event.title_fi == "Muokattu network_coordinator"


def test_publishing_and_unpublishing_are_for_its_editors(client, cast, event):
    check_matrix(
        client,
        cast,
        _url("event_publish", pk=event.pk),
        allowed=EDITORS,
        method="post",
        data={"when": "now"},
    )
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    check_matrix(client, cast, _url("event_unpublish", pk=event.pk), allowed=EDITORS, method="post")
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT


def test_cancelling_is_for_its_editors_and_keeps_the_page_and_its_participants(client, cast, event):
    event.status = Event.Status.PUBLISHED
    event.save()
    RegistrationFactory(event=event)
    check_matrix(client, cast, _url("event_cancel", pk=event.pk), allowed=EDITORS, method="post")
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED
    assert event.registrations.count() == 1
    assert not event.registration_open()
    client.logout()
    assert "Tapahtuma on peruttu." in client.get(event.get_absolute_url()).text


def test_a_draft_is_not_cancelled(client, coordinator, event):
    client.force_login(coordinator)
    response = client.post(_url("event_cancel", pk=event.pk), follow=True)
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT
    assert "Luonnosta ei voi perua" in response.text


def test_copying_is_for_its_editors(client, cast, event):
    check_matrix(client, cast, _url("event_copy", pk=event.pk), allowed=EDITORS, method="post")
    assert Event.objects.count() == 1 + len(EDITORS)


def test_materials_are_changed_by_its_editors(client, cast, event):
    def data(role):
        return {"title_fi": f"Diat {role}", "url": "https://example.org/diat"}

    check_matrix(
        client,
        cast,
        _url("event_materials", pk=event.pk),
        allowed=EDITORS,
        method="post",
        data=data,
    )
    assert event.materials.count() == len(EDITORS)
    material = EventMaterialFactory(event=event)
    url = _url("material_delete", pk=event.pk, material_pk=material.pk)
    # The first editor deletes it; the second then finds it gone (404 is "allowed" too).
    check_matrix(client, cast, url, allowed=EDITORS, method="post", ok=(302, 404))
    assert not event.materials.filter(pk=material.pk).exists()


def test_offers_and_check_in_are_for_its_editors(client, cast, event):
    Event.objects.filter(pk=event.pk).update(status="published")
    RegistrationFactory(event=event)
    waiting = [RegistrationFactory(event=event, status="waiting") for _ in range(len(EDITORS))]
    url = _url("registration_offer", pk=event.pk, registration_pk=waiting[0].pk)
    responses = check_matrix(client, cast, url, allowed=EDITORS, method="post")
    assert responses["coordinator"].status_code == 302
    waiting[0].refresh_from_db()
    assert waiting[0].status == "offered"

    present = RegistrationFactory(event=event, status="confirmed")
    url = _url("checkin_mark", pk=event.pk, registration_pk=present.pk)
    check_matrix(client, cast, url, allowed=EDITORS, method="post", data={"attended": "1"})
    present.refresh_from_db()
    assert present.attended is True


def test_messages_are_sent_by_its_editors(client, cast, event):
    RegistrationFactory(event=event)
    data = {"audience": "confirmed", "subject_fi": "Aihe", "body_fi": "Viesti", "action": "send"}
    check_matrix(
        client,
        cast,
        _url("registration_email", pk=event.pk),
        allowed=EDITORS,
        method="post",
        data=data,
    )


def test_a_past_event_is_listed_under_past(client, coordinator, project):
    start = timezone.now() - timedelta(days=3)
    EventFactory(projects=[project], title_fi="Mennyt tapaaminen", starts_at=start)
    client.force_login(coordinator)
    assert "Mennyt tapaaminen" in client.get(_url("event_list") + "?nayta=menneet").text
    assert "Mennyt tapaaminen" not in client.get(_url("event_list")).text
