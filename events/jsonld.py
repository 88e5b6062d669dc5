"""schema.org Event as JSON-LD, escaped for a <script type="application/ld+json"> block."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from .models import Event

# The same escapes as Django's json_script: no "</script>" can end the block early.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

ATTENDANCE = {
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_jsonld(event: Event, request=None) -> str:
    url = settings.SITE_URL + event.get_absolute_url()
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.local_end.date().isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[event.format],
        "inLanguage": event.languages.split(","),
        "organizer": [
            {
                "@type": "Organization",
                "name": project.name,
                "url": settings.SITE_URL + project.get_absolute_url(),
            }
            for project in event.projects.all()
        ],
    }
    description = Truncator(strip_tags(event.description)).chars(300)
    if description:
        data["description"] = description
    locations = []
    if event.has_in_person_part and (event.venue or event.address):
        locations.append(
            {"@type": "Place", "name": event.venue or event.address, "address": event.address}
        )
    if event.has_remote_part:
        locations.append(
            {
                "@type": "VirtualLocation",
                "url": event.online_url if event.online_link_public else url,
            }
        )
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    text = json.dumps(data, ensure_ascii=False).translate(ESCAPES)
    return mark_safe(text)  # noqa: S308 - escaped like json_script
