"""Role × action: the events' permission helper, the admin and the coordinator tools agree."""

import pytest

from events.models import Event, Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]

# Which events each role may edit: "own" belongs to `project`, "other" to `other_project`,
# "both" to both projects, "draft" is a draft of `project`.
EVENT_EDIT = {
    "visitor": set(),
    "coordinator": {"own", "both", "draft"},
    "other_coordinator": {"other", "both"},
    "network_coordinator": {"own", "other", "both", "draft"},
    "oph": set(),
}


@pytest.fixture
def events(project, other_project):
    return {
        "own": EventFactory(projects=[project]),
        "other": EventFactory(projects=[other_project]),
        "both": EventFactory(projects=[project, other_project]),
        "draft": EventFactory(projects=[project], status=Event.Status.DRAFT),
    }


@pytest.mark.parametrize("role", ROLES)
def test_event_editable_by(cast, events, role):
    editable = set(Event.objects.editable_by(cast[role]))
    assert editable == {events[key] for key in EVENT_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
def test_registrations_follow_their_event(cast, events, role):
    registrations = {key: RegistrationFactory(event=event) for key, event in events.items()}
    editable = set(Registration.objects.editable_by(cast[role]))
    assert editable == {registrations[key] for key in EVENT_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_seen_by_their_editors_only(client, cast, events, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    status = client.get(events["draft"].get_absolute_url()).status_code
    assert status == (200 if "draft" in EVENT_EDIT[role] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other", "both"])
def test_admin_change_page_follows_the_helper(client, cast, events, role, which):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(f"/fi/admin/events/event/{events[which].pk}/change/")
    if which in EVENT_EDIT[role]:
        assert response.status_code == 200
    elif user.is_authenticated and user.is_staff:
        assert response.status_code == 302
        assert response["Location"] == "/fi/admin/"
    else:
        assert response.status_code == 302
        assert "/fi/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_admin_add_is_open_to_coordinators(client, cast, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    status = client.get("/fi/admin/events/event/add/").status_code
    allowed = role in {"coordinator", "other_coordinator", "network_coordinator"}
    assert (status == 200) is allowed


def _admin_post_data(event, project, **overrides):
    data = {
        "title_fi": "Muokattu",
        "slug_fi": event.slug_fi,
        "status": "published",
        "projects": [project.pk],
        "starts_at_0": "1.6.2030",
        "starts_at_1": "10:00",
        "ends_at_0": "1.6.2030",
        "ends_at_1": "12:00",
        "format": "in_person",
        "languages": "fi",
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "materials-MIN_NUM_FORMS": "0",
        "materials-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_admin_post_edits_only_what_the_helper_allows(client, cast, events, project, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    target = events["own"]
    client.post(f"/fi/admin/events/event/{target.pk}/change/", _admin_post_data(target, project))
    target.refresh_from_db()
    assert (target.title_fi == "Muokattu") is ("own" in EVENT_EDIT[role])


def test_coordinator_cannot_attach_another_projects_event(client, coordinator, other_project):
    client.force_login(coordinator)
    event = EventFactory.build()
    response = client.post(
        "/fi/admin/events/event/add/", _admin_post_data(event, other_project, slug_fi="uusi")
    )
    assert response.status_code == 200
    assert not Event.objects.filter(slug_fi="uusi").exists()


def test_admin_refuses_end_before_start_with_a_message(client, network_coordinator, project):
    client.force_login(network_coordinator)
    event = EventFactory.build()
    response = client.post(
        "/fi/admin/events/event/add/",
        _admin_post_data(event, project, slug_fi="vaara", ends_at_0="31.5.2030"),
    )
    assert "Tapahtuma ei voi päättyä ennen kuin se alkaa." in response.content.decode()
    assert not Event.objects.filter(slug_fi="vaara").exists()


def test_places_added_in_the_admin_go_to_those_waiting(client, network_coordinator, project):
    from events.services import registration_create

    event = EventFactory(
        projects=[project], registration_enabled=True, capacity_in_person=1, format="in_person"
    )
    for email in ("a@example.org", "b@example.org"):
        registration_create(event=event, name="Maija", email=email, consent=True)
    client.force_login(network_coordinator)
    data = _admin_post_data(
        event, project, capacity_in_person="2", registration_enabled="on", format="in_person"
    )
    assert client.post(f"/fi/admin/events/event/{event.pk}/change/", data).status_code == 302
    assert event.registrations.get(email="b@example.org").status == "offered"
