from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from events.models import Event, EventMaterial
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_event_cannot_end_before_it_starts_in_the_database():
    event = EventFactory()
    event.ends_at = event.starts_at - timedelta(hours=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


@pytest.mark.parametrize(
    "language,message",
    [
        ("fi", "Tapahtuma ei voi päättyä ennen kuin se alkaa."),
        ("sv", "Evenemanget kan inte sluta innan det börjar."),
    ],
)
def test_clean_says_end_before_start_in_the_users_language(language, message):
    event = EventFactory.build(starts_at=timezone.now(), ends_at=timezone.now() - timedelta(1))
    with translation.override(language):
        with pytest.raises(ValidationError) as excinfo:
            event.clean()
        assert excinfo.value.message_dict["ends_at"] == [message]


def test_querysets_split_public_upcoming_and_past():
    upcoming = EventFactory()
    past = EventFactory(starts_at=timezone.now() - timedelta(days=3))
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    EventFactory(status=Event.Status.DRAFT)
    assert list(Event.objects.published().upcoming()) == [upcoming, cancelled]
    assert list(Event.objects.published().past()) == [past]


def test_sequence_grows_on_meaningful_edits_only():
    event = EventFactory()
    assert event.sequence == 0
    event.save()
    assert event.sequence == 0
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()
    assert event.sequence == 1
    event.status = Event.Status.CANCELLED
    event.save()
    event.refresh_from_db()
    assert event.sequence == 2


def test_slugs_are_filled_from_titles():
    event = EventFactory(
        slug_fi="", slug_sv="", title_fi="Kevään verkostopäivä", title_sv="Vårens nätverksdag"
    )
    assert (event.slug_fi, event.slug_sv) == ("kevaan-verkostopaiva", "varens-natverksdag")


def test_material_needs_a_file_or_a_link_not_both():
    event = EventFactory()
    with pytest.raises(ValidationError):
        EventMaterial(event=event, title_fi="Tyhjä").clean()
    EventMaterial(event=event, title_fi="Tallenne", url="https://example.org/x").clean()


def test_one_active_registration_per_email_and_event():
    registration = RegistrationFactory(email="Maija@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(event=registration.event, email="maija@example.org")
    registration.status = "cancelled"
    registration.save()
    RegistrationFactory(event=registration.event, email="maija@example.org")
