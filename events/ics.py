"""iCalendar (RFC 5545) for events: one event, or a feed of many, in one language."""

from datetime import date, timedelta
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as VEvent

from core.translation_utils import localized_value

from .models import HELSINKI, Event

PRODID = "-//Välitä! – Visa omtanke!//Tapahtumat//FI"


def event_uid(event: Event) -> str:
    """Stable across edits, languages and feeds: the same event is one calendar entry."""
    host = urlsplit(settings.SITE_URL).hostname or "valita.example.org"
    return f"event-{event.pk}@{host}"


def _text(event: Event, field: str, language: str) -> str:
    return localized_value(event, field, language) or localized_value(event, field, "fi")


def _plain(html: str) -> str:
    text = html.replace("</p>", "</p>\n\n").replace("<br>", "\n").replace("</li>", "</li>\n")
    return unescape(strip_tags(text)).strip()


def _vevent(event: Event, language: str, *, show_online_url: bool) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", event_uid(event))
    vevent.add("summary", _text(event, "title", language))
    with translation.override(language):
        url = settings.SITE_URL + event.get_absolute_url()
    if event.all_day:
        start = event.local_start.date()
        # DTEND of an all-day event is exclusive: the day after the last day.
        vevent.add("dtstart", start)
        vevent.add("dtend", event.local_end.date() + timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    vevent.add("dtstamp", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.sequence)
    vevent.add("url", url)
    description = _plain(_text(event, "description", language))
    online = event.online_url if event.online_url and show_online_url else ""
    vevent.add("description", "\n\n".join(part for part in (description, online, url) if part))
    location = ", ".join(
        part
        for part in (_text(event, "venue", language), _text(event, "address", language))
        if part
    )
    if event.format == Event.Format.REMOTE:
        location = online or location
    if location:
        vevent.add("location", location)
    if event.is_cancelled:
        vevent.add("status", "CANCELLED")
    else:
        vevent.add("status", "CONFIRMED")
    return vevent


def build_calendar(
    events, language: str, *, name: str = "", show_online_url: bool = False
) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    calendar.add("x-wr-timezone", "Europe/Helsinki")
    years = []
    for event in events:
        calendar.add_component(
            _vevent(event, language, show_online_url=show_online_url or event.online_link_public)
        )
        years.append(event.local_start.year)
    if years:
        # Only the transitions the calendar needs, not a century of them.
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1), last_date=date(max(years) + 1, 12, 31)
        )
    return calendar.to_ical()


def event_calendar(event: Event, language: str, *, show_online_url: bool = False) -> bytes:
    return build_calendar([event], language, show_online_url=show_online_url)


__all__ = ["HELSINKI", "build_calendar", "event_calendar", "event_uid"]
