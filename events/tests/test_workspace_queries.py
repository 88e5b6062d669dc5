"""The events workspace's list pages keep the same number of SQL queries as data grows."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.tests.factories import EventFactory, RegistrationFactory
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _complete_project():
    """Every text in Swedish too, so that the home's "missing Swedish" panel lists the
    same kinds of object (events only) at both sizes."""
    return ProjectFactory(short_name_sv="P", description_sv="<p>Beskrivning.</p>")


@pytest.fixture
def project(db):
    return _complete_project()


def _events(project, size: int):
    other = _complete_project()
    now = timezone.now()
    for i in range(size):
        event = EventFactory(
            projects=[project, other],
            registration_enabled=True,
            capacity_in_person=size,
            starts_at=now + timedelta(days=i + 1),
        )
        RegistrationFactory(event=event, attended=True)
        RegistrationFactory(event=event, status="waiting")
        RegistrationFactory(
            event=event, status="offered", offer_expires_at=now + timedelta(hours=2)
        )
    event = EventFactory(projects=[project], registration_enabled=True, capacity_in_person=size)
    for _ in range(size):
        RegistrationFactory(event=event)
        RegistrationFactory(event=event, status="waiting")
    return event


@pytest.mark.parametrize(
    "page",
    [
        lambda event: reverse("events_workspace:event_list"),
        lambda event: reverse("workspace:home"),
        lambda event: reverse("events_workspace:registration_list", kwargs={"pk": event.pk}),
        lambda event: reverse("events_workspace:checkin_list", kwargs={"pk": event.pk}),
        lambda event: reverse("events_workspace:event_overview", kwargs={"pk": event.pk}),
    ],
    ids=["list", "home", "registrations", "checkin", "overview"],
)
def test_pages_do_not_grow_tenfold(client, coordinator, project, page):
    counts = []
    for size in (2, 20):
        event = _events(project, size)
        client.force_login(coordinator)
        client.get(page(event))  # warm: the content types of the access log are cached
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page(event)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
