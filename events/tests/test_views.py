import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation

from events.models import Event
from events.tests.factories import EventFactory, EventMaterialFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_list_groups_upcoming_by_month_and_shows_past_materials(client):
    soon = EventFactory(title_fi="Verkostotapaaminen")
    past = EventFactory(title_fi="Mennyt webinaari", starts_at=timezone.now() - timedelta(30))
    EventMaterialFactory(event=past, title_fi="Webinaarin tallenne")
    EventFactory(title_fi="Salainen luonnos", status=Event.Status.DRAFT)
    html = client.get("/fi/tapahtumat/").content.decode()
    assert "Verkostotapaaminen" in html and "Mennyt webinaari" in html
    assert "Webinaarin tallenne" in html
    assert "Salainen luonnos" not in html
    month = soon.local_start.strftime("%Y")
    assert re.search(rf'class="month-heading">\w+ {month}</h3>', html)
    assert 'rel="alternate" type="text/calendar"' in html


def test_swedish_list_is_at_its_own_address(client):
    EventFactory(title_sv="Nätverksträff")
    response = client.get("/sv/evenemang/")
    assert response.status_code == 200
    assert "Nätverksträff" in response.content.decode()


def test_filters_by_theme_project_and_format(client):
    theme = ThemeFactory()
    project = ProjectFactory()
    EventFactory(title_fi="Teeman tapahtuma", themes=[theme], format="remote")
    EventFactory(title_fi="Hankkeen tapahtuma", projects=[project])
    html = client.get(f"/fi/tapahtumat/?teema={theme.slug_fi}").content.decode()
    assert "Teeman tapahtuma" in html and "Hankkeen tapahtuma" not in html
    assert f"/fi/tapahtumat/kalenteri/teema/{theme.slug_fi}.ics" in html
    html = client.get(f"/fi/tapahtumat/?hanke={project.slug_fi}").content.decode()
    assert "Teeman tapahtuma" not in html and "Hankkeen tapahtuma" in html
    html = client.get("/fi/tapahtumat/?muoto=remote").content.decode()
    assert "Teeman tapahtuma" in html and "Hankkeen tapahtuma" not in html


def test_unknown_filter_values_show_everything_not_an_error(client):
    EventFactory(title_fi="Näkyy silti")
    response = client.get("/fi/tapahtumat/?teema=ei-ole&muoto=x")
    assert response.status_code == 200
    assert "Näkyy silti" in response.content.decode()


def test_detail_has_json_ld_and_calendar_link(client):
    event = EventFactory(title_fi="Verkostopäivä </script>", format="hybrid")
    html = client.get(event.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == "Verkostopäivä </script>"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert f"/fi/tapahtumat/{event.slug_fi}/kalenteri.ics" in html


def test_cancelled_event_says_so(client):
    event = EventFactory(status=Event.Status.CANCELLED)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Tapahtuma on peruttu." in html
    assert "EventCancelled" in html
    html = client.get(
        event.get_absolute_url()
        .replace("/fi/tapahtumat/", "/sv/evenemang/")
        .replace(event.slug_fi, event.slug_sv)
    ).content.decode()
    assert "Evenemanget är inställt." in html


def test_other_language_slug_redirects(client):
    event = EventFactory()
    response = client.get(f"/sv/evenemang/{event.slug_fi}/")
    assert response.status_code == 301
    assert response["Location"] == f"/sv/evenemang/{event.slug_sv}/"


def test_online_link_only_when_public(client):
    hidden = EventFactory(format="remote", online_url="https://meet.example.org/salainen")
    shown = EventFactory(
        format="remote", online_url="https://meet.example.org/julkinen", online_link_public=True
    )
    assert "salainen" not in client.get(hidden.get_absolute_url()).content.decode()
    assert "meet.example.org/julkinen" in client.get(shown.get_absolute_url()).content.decode()


def test_home_theme_and_project_pages_show_upcoming_events(client):
    theme = ThemeFactory()
    project = ProjectFactory(themes=[theme])
    EventFactory(title_fi="Tuleva tapaaminen", projects=[project], themes=[theme])
    EventFactory(title_fi="Luonnostapaaminen", projects=[project], status=Event.Status.DRAFT)
    with translation.override("fi"):
        urls = ["/fi/", theme.get_absolute_url(), project.get_absolute_url()]
    for url in urls:
        html = client.get(url).content.decode()
        assert "Tuleva tapaaminen" in html, url
        assert "Luonnostapaaminen" not in html, url


def test_sitemap_lists_published_events_in_both_languages(client):
    event = EventFactory()
    draft = EventFactory(status=Event.Status.DRAFT)
    body = client.get("/sitemap.xml").content.decode()
    assert f"/fi/tapahtumat/{event.slug_fi}/" in body
    assert f"/sv/evenemang/{event.slug_sv}/" in body
    assert draft.slug_fi not in body


def test_demo_events_load_twice_without_duplicates():
    from valita import demo

    for _ in range(2):
        demo.load("projects", "events")
    assert Event.objects.count() == len(demo.read("events/demo/events.toml")["event"])
    assert Event.objects.upcoming().exists() and Event.objects.past().exists()


def test_upcoming_and_past_lists_are_paginated_keeping_the_filters(client):
    from events.views import PAST_PER_PAGE, UPCOMING_PER_PAGE

    theme = ThemeFactory()
    now = timezone.now()
    for n in range(UPCOMING_PER_PAGE + 2):
        EventFactory(starts_at=now + timedelta(days=n + 1), themes=[theme])
    for n in range(PAST_PER_PAGE + 1):
        EventFactory(starts_at=now - timedelta(days=n + 2), themes=[theme])
    first = client.get(f"/fi/tapahtumat/?teema={theme.slug}").content.decode()
    assert first.count('class="event-card') == UPCOMING_PER_PAGE + PAST_PER_PAGE
    assert f"?teema={theme.slug}&amp;tulevat=2" in first
    assert f"?teema={theme.slug}&amp;sivu=2" in first
    second = client.get(f"/fi/tapahtumat/?teema={theme.slug}&tulevat=2").content.decode()
    assert second.count('class="event-card') == 2 + PAST_PER_PAGE
    assert "Sivu 2/2" in second
