"""schema.org Event as JSON-LD, escaped for a <script type="application/ld+json"> block."""

import re

from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from core.jsonld import absolute, dumps, project_organization

from .models import Event

ATTENDANCE = {
    Event.Format.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.REMOTE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}
# Free places at or below which the offer is "limited" rather than "in stock".
FEW_PLACES = 5
# "Katu 1, 00100 Helsinki": the form the addresses are written in (anything else is kept
# whole as the street address).
ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postal>\d{5})\s+(?P<locality>.+)$")


def postal_address(text: str) -> dict:
    data = {"@type": "PostalAddress", "addressCountry": "FI"}
    match = ADDRESS.match(text.strip())
    if match:
        data.update(
            streetAddress=match["street"],
            postalCode=match["postal"],
            addressLocality=match["locality"],
        )
    else:
        data["streetAddress"] = text.strip()
    return data


def availability(event: Event, places: dict, now=None) -> str:
    """From the places left: none for any mode (or registration over) is sold out."""
    if not event.registration_open(now):
        return "https://schema.org/SoldOut"
    free = [count["free"] for count in places.values()]
    if not free or None in free:  # a mode without a limit
        return "https://schema.org/InStock"
    total = sum(free)
    if total == 0:
        return "https://schema.org/SoldOut"
    if total <= FEW_PLACES:
        return "https://schema.org/LimitedAvailability"
    return "https://schema.org/InStock"


def offer(event: Event, places: dict, now=None) -> dict:
    """Free of charge; open from the event's publication to the registration deadline."""
    closes = event.registration_deadline or event.starts_at
    return {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "availability": availability(event, places, now),
        "validFrom": timezone.localtime(event.created_at).isoformat(),
        "validThrough": timezone.localtime(closes).isoformat(),
        "url": absolute(reverse("events:register", kwargs={"slug": event.slug})),
    }


def virtual_location_url(event: Event, url: str) -> str:
    """Where a remote participant goes: the public link, else the registration form
    (the link is sent to those who register), else the event page."""
    if event.online_link_public and event.online_url:
        return event.online_url
    if event.registration_enabled:
        return absolute(reverse("events:register", kwargs={"slug": event.slug}))
    return url


def event_jsonld(event: Event, places: dict | None = None) -> str:
    """places: services.place_counts(event), which the page has already counted."""
    url = absolute(event.get_absolute_url())
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.local_end.date().isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    projects = list(event.projects.all())
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
        # The organising projects; no speakers are recorded, so no performer is named.
        "organizer": [project_organization(project) for project in projects],
    }
    images = [absolute(project.logo.url) for project in projects if project.logo]
    if images:
        data["image"] = images
    description = Truncator(strip_tags(event.description)).chars(300)
    if description:
        data["description"] = description
    if event.registration_enabled and places is not None:
        data["offers"] = offer(event, places)
    locations = []
    if event.has_in_person_part and (event.venue or event.address):
        place = {"@type": "Place", "name": event.venue or event.address}
        if event.address:
            place["address"] = postal_address(event.address)
        locations.append(place)
    if event.has_remote_part:
        locations.append({"@type": "VirtualLocation", "url": virtual_location_url(event, url)})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    return dumps(data)
