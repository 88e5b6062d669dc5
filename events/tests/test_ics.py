"""The iCalendar output, parsed back with the icalendar library."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.models import Event
from events.tests.factories import EventFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_single_event_calendar_has_helsinki_time_and_timezone(client):
    start = datetime(2030, 3, 14, 9, 30, tzinfo=HELSINKI)
    event = EventFactory(
        title_fi="Kevättapaaminen",
        title_sv="Vårträff",
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        venue_fi="Tampereen talo",
    )
    calendar = _parse(client.get(f"/fi/tapahtumat/{event.slug_fi}/kalenteri.ics"))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Kevättapaaminen"
    assert vevent.decoded("DTSTART") == start
    assert vevent["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert vevent.decoded("DTEND") == start + timedelta(hours=6)
    assert "Tampereen talo" in str(vevent["LOCATION"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Helsinki"]
    assert str(vevent["STATUS"]) == "CONFIRMED"
    swedish = _parse(client.get(f"/sv/evenemang/{event.slug_sv}/kalender.ics"))
    (vevent_sv,) = swedish.walk("VEVENT")
    assert str(vevent_sv["SUMMARY"]) == "Vårträff"
    assert vevent_sv["UID"] == vevent["UID"]


def test_all_day_event_uses_dates_with_exclusive_end(client):
    event = EventFactory(
        all_day=True,
        starts_at=datetime(2030, 5, 6, 0, 0, tzinfo=HELSINKI),
        ends_at=datetime(2030, 5, 7, 23, 59, tzinfo=HELSINKI),
    )
    calendar = _parse(client.get(f"/fi/tapahtumat/{event.slug_fi}/kalenteri.ics"))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == date(2030, 5, 6)
    assert vevent.decoded("DTEND") == date(2030, 5, 8)


def test_feed_uid_stays_and_sequence_and_last_modified_change_on_edit(client):
    event = EventFactory()
    before = _events(_parse(client.get("/fi/tapahtumat/kalenteri.ics")))
    (uid,) = before
    assert int(before[uid]["SEQUENCE"]) == 0
    modified = before[uid].decoded("LAST-MODIFIED")

    event = Event.objects.get(pk=event.pk)
    event.starts_at += timedelta(hours=2)
    event.ends_at += timedelta(hours=2)
    event.updated_at = timezone.now()  # auto_now; make sure the second is different
    event.save()
    Event.objects.filter(pk=event.pk).update(updated_at=timezone.now() + timedelta(seconds=5))
    after = _events(_parse(client.get("/fi/tapahtumat/kalenteri.ics")))
    assert list(after) == [uid]
    assert int(after[uid]["SEQUENCE"]) == 1
    assert after[uid].decoded("LAST-MODIFIED") > modified


def test_cancelled_event_stays_in_the_feed_as_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    EventFactory(status=Event.Status.DRAFT)
    events = _events(_parse(client.get("/fi/tapahtumat/kalenteri.ics")))
    assert len(events) == 1
    (vevent,) = events.values()
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert f"event-{event.pk}@" in str(vevent["UID"])


def test_project_and_theme_feeds_hold_their_own_events(client):
    theme, project = ThemeFactory(), ProjectFactory()
    in_theme = EventFactory(themes=[theme])
    in_project = EventFactory(projects=[project])
    EventFactory()
    theme_feed = _events(_parse(client.get(f"/fi/tapahtumat/kalenteri/teema/{theme.slug_fi}.ics")))
    project_feed = _events(
        _parse(client.get(f"/sv/evenemang/kalender/projekt/{project.slug_sv}.ics"))
    )
    assert [f"event-{in_theme.pk}" in uid for uid in theme_feed] == [True]
    assert [f"event-{in_project.pk}" in uid for uid in project_feed] == [True]
    assert client.get("/fi/tapahtumat/kalenteri/teema/ei-ole.ics").status_code == 404


def test_online_link_stays_out_of_public_feeds_unless_public(client):
    EventFactory(format="remote", online_url="https://meet.example.org/salainen")
    body = client.get("/fi/tapahtumat/kalenteri.ics").content.decode()
    assert "salainen" not in body
