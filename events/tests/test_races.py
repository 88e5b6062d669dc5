"""Races for the last place, run really in parallel against PostgreSQL (each thread its own
connection; a barrier lets them start the same moment)."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone

from events import services
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.requires_postgresql("row locks between parallel connections"),
]


def run_together(*calls):
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call):
        try:
            barrier.wait(timeout=10)
            call()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []


@pytest.mark.parametrize("attempt", range(3))
def test_two_people_taking_the_last_place_at_once_one_gets_it(attempt):
    event = EventFactory(registration_enabled=True, capacity_in_person=1)

    def register(email):
        return lambda: services.registration_create(
            event=event, name=email, email=email, consent=True
        )

    run_together(register("a@example.org"), register("b@example.org"))
    statuses = sorted(event.registrations.values_list("status", flat=True))
    assert statuses == [Registration.Status.CONFIRMED, Registration.Status.WAITING]


@pytest.mark.parametrize("attempt", range(3))
def test_a_decline_and_the_expiry_of_the_same_offer_promote_exactly_one(attempt):
    event = EventFactory(registration_enabled=True, capacity_in_person=1)
    past = timezone.now() - timedelta(hours=1)
    offered = RegistrationFactory(
        event=event, status=Registration.Status.OFFERED, offer_expires_at=past
    )
    RegistrationFactory(event=event, status=Registration.Status.WAITING)
    RegistrationFactory(event=event, status=Registration.Status.WAITING)

    run_together(
        lambda: services.offer_decline(registration=offered),
        lambda: services.offers_expire(),
    )
    statuses = list(event.registrations.order_by("pk").values_list("status", flat=True))
    assert statuses == ["cancelled", "offered", "waiting"]
