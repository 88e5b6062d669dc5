import pytest

from core.personal_data import erase_person, export_person
from events.models import Event
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_registrations_are_exported_and_erased_without_changing_the_figures():
    event = EventFactory(registration_enabled=True)
    RegistrationFactory(event=event, email="Maija@Example.org", name="Maija", attended=True)
    RegistrationFactory(event=event, email="other@example.org")
    before = Event.objects.participation_stats()

    (row,) = export_person("maija@example.org")["sections"]["events.registrations"]
    assert (row["name"], row["email"], row["attended"]) == ("Maija", "Maija@Example.org", True)

    assert erase_person("maija@example.org")["events.registrations"] == 1
    assert not event.registrations.filter(email__iexact="maija@example.org").exists()
    assert not event.registrations.filter(name="Maija").exists()
    assert export_person("maija@example.org")["sections"]["events.registrations"] == []
    assert Event.objects.participation_stats() == before
