from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from icalendar import Calendar

from events import services
from events.emails import manage_url
from events.models import Event, Registration
from events.tasks import expire_offers, remove_personal_data, send_reminders
from events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def register(event, email, **kwargs):
    data = {"name": "Maija Meikäläinen", "consent": True, **kwargs}
    return services.registration_create(event=event, email=email, **data)


@pytest.fixture
def full_event():
    """One place in person, taken."""
    event = EventFactory(registration_enabled=True, capacity_in_person=1)
    RegistrationFactory(event=event, email="first@example.org")
    return event


def test_registration_is_confirmed_and_mailed_with_the_calendar_attached(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(registration_enabled=True, capacity_in_person=10)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "maija@example.org", language="sv")
    assert registration.status == Registration.Status.CONFIRMED
    (message,) = mail.outbox
    assert message.to == ["maija@example.org"]
    assert message.subject.startswith("Anmälan bekräftad")
    assert manage_url(registration) in message.body
    name, content, mimetype = message.attachments[0]
    assert (name, mimetype) == ("evenemang.ics", "text/calendar")
    (vevent,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title_sv


def test_a_full_event_puts_the_next_person_on_the_waiting_list(full_event):
    registration = register(full_event, "second@example.org")
    assert registration.status == Registration.Status.WAITING


def test_hybrid_event_counts_in_person_and_remote_places_separately():
    event = EventFactory(
        registration_enabled=True,
        format=Event.Format.HYBRID,
        capacity_in_person=1,
        capacity_remote=1,
    )
    assert register(event, "a@example.org", mode="in_person").status == "confirmed"
    assert register(event, "b@example.org", mode="remote").status == "confirmed"
    assert register(event, "c@example.org", mode="remote").status == "waiting"
    counts = services.place_counts(event)
    assert counts["in_person"] == {"taken": 1, "waiting": 0, "capacity": 1, "free": 0}
    assert counts["remote"] == {"taken": 1, "waiting": 1, "capacity": 1, "free": 0}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Tällä sähköpostiosoitteella on jo ilmoittauduttu tähän tapahtumaan."),
        ("sv", "Med den här e-postadressen har man redan anmält sig till evenemanget."),
    ],
)
def test_the_same_email_twice_is_refused_in_the_visitors_language(language, message):
    event = EventFactory(registration_enabled=True)
    register(event, "maija@example.org")
    with translation.override(language), pytest.raises(ValidationError) as error:
        register(event, "MAIJA@example.org ")
    assert error.value.message_dict == {"email": [message]}
    assert event.registrations.count() == 1


def test_registering_after_the_deadline_is_refused_and_nothing_is_saved():
    event = EventFactory(
        registration_enabled=True, registration_deadline=timezone.now() - timedelta(hours=1)
    )
    with translation.override("fi"), pytest.raises(ValidationError) as error:
        register(event, "late@example.org")
    assert error.value.messages == ["Ilmoittautuminen on päättynyt."]
    assert error.value.code == "closed"
    assert not event.registrations.exists()


def test_consent_is_required():
    event = EventFactory(registration_enabled=True)
    with pytest.raises(ValidationError) as error:
        register(event, "maija@example.org", consent=False)
    assert "consent" in error.value.message_dict


def test_cancelling_offers_the_place_to_the_first_in_line(
    full_event, django_capture_on_commit_callbacks
):
    first = full_event.registrations.get()
    second = register(full_event, "second@example.org")
    third = register(full_event, "third@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first)
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.OFFERED
    assert second.offer_expires_at == pytest.approx(
        timezone.now() + timedelta(hours=48), abs=timedelta(minutes=1)
    )
    assert third.status == Registration.Status.WAITING
    offer = [m for m in mail.outbox if m.to == ["second@example.org"]]
    assert len(offer) == 1
    assert manage_url(second) in offer[0].body


def test_an_offer_ends_when_the_event_starts_at_the_latest(django_capture_on_commit_callbacks):
    starts = timezone.now() + timedelta(hours=3)  # sooner than the 48-hour hold
    event = EventFactory(
        registration_enabled=True,
        capacity_in_person=1,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    first = register(event, "first@example.org")
    second = register(event, "second@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=first)
    second.refresh_from_db()
    assert second.status == Registration.Status.OFFERED
    assert second.offer_expires_at == event.starts_at
    (offer,) = [m for m in mail.outbox if m.to == ["second@example.org"]]
    assert "viimeistään" in offer.body


def test_an_accepted_offer_confirms_the_place(full_event):
    first = full_event.registrations.get()
    second = register(full_event, "second@example.org")
    services.registration_cancel(registration=first)
    second = services.offer_accept(registration=Registration.objects.get(pk=second.pk))
    assert second.status == Registration.Status.CONFIRMED
    assert second.offer_expires_at is None


def test_an_offer_not_confirmed_in_time_passes_to_the_next_person(full_event):
    first = full_event.registrations.get()
    second = register(full_event, "second@example.org")
    third = register(full_event, "third@example.org")
    services.registration_cancel(registration=first)

    assert expire_offers() == 0  # not yet
    later = timezone.now() + timedelta(hours=49)
    assert services.offers_expire(now=later) == 1
    assert services.offers_expire(now=later) == 0  # a second beat does nothing new
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Registration.Status.CANCELLED
    assert third.status == Registration.Status.OFFERED
    with translation.override("fi"), pytest.raises(ValidationError) as error:
        services.offer_accept(registration=second, now=later)
    assert error.value.code == "offer_expired"


def test_reminders_go_the_day_before_once(django_capture_on_commit_callbacks):
    soon = EventFactory(registration_enabled=True, starts_at=timezone.now() + timedelta(hours=20))
    later = EventFactory(registration_enabled=True, starts_at=timezone.now() + timedelta(days=5))
    RegistrationFactory(event=soon, email="soon@example.org", language="sv")
    RegistrationFactory(event=soon, email="waiting@example.org", status="waiting")
    RegistrationFactory(event=later, email="later@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders() == 1
        assert send_reminders() == 0
    (message,) = mail.outbox
    assert message.to == ["soon@example.org"]
    assert message.subject.startswith("Påminnelse")
    assert message.attachments[0][0] == "evenemang.ics"


def test_personal_data_are_removed_after_the_retention_time_keeping_the_counts(settings):
    settings.EVENTS_PERSONAL_DATA_DAYS = 30
    event = EventFactory(
        starts_at=timezone.now() - timedelta(days=40), ends_at=timezone.now() - timedelta(days=40)
    )
    recent = EventFactory(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=2)
    )
    RegistrationFactory(event=event, attended=True)
    RegistrationFactory(event=event, attended=False)
    RegistrationFactory(event=event, status="cancelled")
    RegistrationFactory(event=recent)

    assert remove_personal_data() == 1
    assert remove_personal_data() == 0
    event.refresh_from_db()
    assert (event.registered_total, event.attended_total) == (2, 1)
    assert set(event.registrations.values_list("name", "email")) == {("", "")}
    assert recent.registrations.exclude(email="").count() == 1


def test_bulk_email_goes_to_each_in_their_own_language(django_capture_on_commit_callbacks):
    event = EventFactory(registration_enabled=True)
    RegistrationFactory(event=event, email="fi@example.org", language="fi")
    RegistrationFactory(event=event, email="sv@example.org", language="sv")
    RegistrationFactory(event=event, email="gone@example.org", status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        count = services.bulk_email_send(
            event=event,
            audience="all",
            subject_fi="Tervetuloa",
            body_fi="Nähdään pian.",
            subject_sv="Välkommen",
            body_sv="Vi ses snart.",
        )
    assert count == 2
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {"fi@example.org": "Tervetuloa", "sv@example.org": "Välkommen"}


def test_attendance_feeds_the_participation_numbers():
    event = EventFactory(registration_enabled=True)
    present = RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    services.attendance_mark(registration=present, attended=True)
    stats = Event.objects.participation_stats()
    (row,) = stats["by_project"]
    assert (row["events"], row["registered"], row["attended"]) == (1, 2, 1)


# Places that come free go to the queue -------------------------------------------------


def test_a_newcomer_queues_behind_those_waiting_for_a_place_added_since():
    event = EventFactory(registration_enabled=True, capacity_in_person=1, format="in_person")
    register(event, "a@example.org")
    waiting = register(event, "b@example.org")
    Event.objects.filter(pk=event.pk).update(capacity_in_person=2)  # saved outside the editor
    newcomer = register(event, "c@example.org")
    waiting.refresh_from_db()
    assert (waiting.status, newcomer.status) == ("offered", "waiting")


def test_a_draft_published_again_offers_the_places_freed_meanwhile():
    event = EventFactory(registration_enabled=True, capacity_in_person=1, format="in_person")
    first = register(event, "a@example.org")
    waiting = register(event, "b@example.org")
    services.event_unpublish(event=event)
    Registration.objects.filter(pk=first.pk).update(status="cancelled")
    services.event_publish(event=event)
    waiting.refresh_from_db()
    assert waiting.status == "offered"


def test_the_signed_link_does_not_cancel_once_the_event_is_over():
    event = EventFactory(registration_enabled=True)
    registration = register(event, "a@example.org")
    with pytest.raises(ValidationError) as error:
        services.registration_cancel(registration=registration, now=event.ends_at)
    assert error.value.code == "past"
    registration.refresh_from_db()
    assert registration.status == "confirmed"
