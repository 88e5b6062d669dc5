"""One rule for every deadline (core/deadlines.py): the last day shown is the last day
accepted, in Europe/Helsinki. Each deadline the portal shows and enforces is checked at
its boundary minute: 23:59 on the last day is accepted, 00:00 the next day refused."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from core import deadlines, outbox
from core.deadlines import HELSINKI
from events import services as event_services
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from practices import services as practice_services
from practices.tests.factories import AdoptionFactory, PracticeFactory
from surveys.tests.factories import SurveyFactory

LAST_DAY = date(2026, 12, 20)
LAST_MINUTE = datetime(2026, 12, 20, 23, 59, tzinfo=HELSINKI)
NEXT_MIDNIGHT = datetime(2026, 12, 21, 0, 0, tzinfo=HELSINKI)


@pytest.fixture(autouse=True)
def _finnish():
    # An earlier test's Swedish request may leave Swedish active; addresses here are Finnish.
    with translation.override("fi"):
        yield


def test_a_day_deadline_accepts_the_last_minute_of_the_day_and_refuses_midnight():
    deadline = deadlines.end_of_day(LAST_DAY)
    assert deadlines.is_open(deadline, LAST_MINUTE + timedelta(seconds=59))
    assert not deadlines.is_open(deadline, NEXT_MIDNIGHT)
    assert deadlines.last_day(deadline) == LAST_DAY
    assert deadlines.display(deadline) == deadlines.display_day(deadline) == "20.12.2026"


def test_a_deadline_with_a_time_shows_that_time_and_refuses_from_it():
    deadline = datetime(2026, 12, 20, 12, 0, tzinfo=HELSINKI)
    assert deadlines.display(deadline) == "20.12.2026 12:00"
    assert deadlines.display_day(deadline) == "20.12.2026"
    assert deadlines.is_open(deadline, deadline - timedelta(seconds=1))
    assert not deadlines.is_open(deadline, deadline)


def test_a_deadline_stored_in_utc_is_shown_in_helsinki():
    # 21.12.2026 00:00 in Helsinki is 20.12.2026 22:00 UTC: still the 20th's deadline.
    deadline = deadlines.end_of_day(LAST_DAY).astimezone(timezone.UTC)
    assert deadlines.display(deadline) == "20.12.2026"


# Follow-up rounds ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "sentence"),
    [("fi", "Linkki on voimassa 20.12.2026 asti."), ("sv", "gäller till och med 20.12.2026")],
)
def test_follow_up_email_names_the_last_day_answers_are_taken(language, sentence):
    practice = PracticeFactory()
    adoption = AdoptionFactory(practice=practice, contact_language=language)
    round = practice_services.followup_round_start(
        title="Seuranta",
        practices=[practice],
        closes_at=deadlines.end_of_day(LAST_DAY),
        now=datetime(2026, 12, 1, 9, 0, tzinfo=HELSINKI),
    )
    outbox.run_pending_inline()
    (message,) = mail.outbox
    assert message.to == [adoption.contact_email]
    assert sentence in message.body
    assert "21.12.2026" not in message.body
    request = round.requests.get()
    with translation.override("fi"):
        assert practice_services.followup_refusal(request, now=LAST_MINUTE) == ""
        assert practice_services.followup_refusal(request, now=NEXT_MIDNIGHT) != ""


@pytest.mark.django_db
def test_follow_up_round_page_shows_the_last_day(client, network_coordinator):
    practice = PracticeFactory()
    AdoptionFactory(practice=practice)
    round = practice_services.followup_round_start(
        title="Seuranta",
        practices=[practice],
        closes_at=deadlines.end_of_day(LAST_DAY),
        now=datetime(2026, 12, 1, 9, 0, tzinfo=HELSINKI),
    )
    client.force_login(network_coordinator)
    page = client.get(round.get_absolute_url()).content.decode()
    assert "vastauslinkit voimassa 20.12.2026 asti" in page


# Event registration deadlines and offers ----------------------------------------------------


@pytest.mark.django_db
def test_registration_deadline_accepts_its_last_minute_and_refuses_the_next_midnight():
    event = EventFactory(
        registration_enabled=True,
        registration_deadline=deadlines.end_of_day(LAST_DAY),
        starts_at=datetime(2027, 1, 10, 9, 0, tzinfo=HELSINKI),
    )
    assert event.registration_open(now=LAST_MINUTE)
    assert not event.registration_open(now=NEXT_MIDNIGHT)
    with translation.override("fi"):
        reason = event.registration_closed_reason(now=NEXT_MIDNIGHT)
    assert reason == "Ilmoittautuminen on päättynyt."


@pytest.mark.django_db
def test_registration_deadline_with_a_time_refuses_from_the_time_shown(client):
    deadline = timezone.now().astimezone(HELSINKI).replace(second=0, microsecond=0) + timedelta(
        days=2
    )
    event = EventFactory(registration_enabled=True, registration_deadline=deadline)
    assert event.registration_open(now=deadline - timedelta(seconds=1))
    assert not event.registration_open(now=deadline)
    page = client.get(event.get_absolute_url()).content.decode()
    assert f"Ilmoittaudu viimeistään {deadlines.display(deadline)}." in page


@pytest.mark.django_db
def test_an_offer_is_refused_from_its_expiry_and_passed_on_at_that_same_moment():
    event = EventFactory(registration_enabled=True, capacity_in_person=1)
    first = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status=Registration.Status.WAITING)
    event_services.registration_cancel(registration=first)
    waiting.refresh_from_db()
    expiry = waiting.offer_expires_at
    with translation.override("fi"), pytest.raises(ValidationError) as error:
        event_services.offer_accept(registration=waiting, now=expiry)
    assert error.value.code == "offer_expired"
    assert event_services.offers_expire(now=expiry) == 1


# Surveys -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_survey_closing_at_midnight_is_listed_with_the_day_before_and_closes_at_midnight(client):
    last_day = timezone.localdate() + timedelta(days=10)
    closes_at = deadlines.end_of_day(last_day)
    survey = SurveyFactory(closes_at=closes_at)
    shown = f"Vastaa viimeistään {last_day.day}.{last_day.month}.{last_day.year}."
    assert shown in client.get("/fi/kyselyt/").content.decode()
    assert survey.is_accepting(now=closes_at - timedelta(minutes=1))
    assert not survey.is_accepting(now=closes_at)
