"""Event pages keep the same number of SQL queries when the data grows tenfold."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.content_cache import current_generations
from events.tests.factories import EventFactory, EventMaterialFactory, RegistrationFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _events(size: int):
    themes = [ThemeFactory() for _ in range(2)]
    projects = [ProjectFactory(themes=themes) for _ in range(2)]
    now = timezone.now()
    for i in range(size):
        EventFactory(projects=projects, themes=themes, starts_at=now + timedelta(days=7 * i + 1))
        past = EventFactory(
            projects=projects, themes=themes, starts_at=now - timedelta(days=7 * i + 1)
        )
        EventMaterialFactory(event=past)
        EventMaterialFactory(event=past, url="https://example.org/diat")
    event = EventFactory(
        projects=projects, themes=themes, registration_enabled=True, capacity_in_person=size
    )
    RegistrationFactory.create_batch(size, event=event)
    EventMaterialFactory(event=event)
    return event, themes[0], projects[0]


@pytest.mark.parametrize("size", [2, 20])
def test_event_list_does_not_grow(client, django_assert_num_queries, size):
    _events(size)
    # themes, projects (filters); upcoming count, page + their projects;
    # past count, past page + projects + materials (cards show no themes)
    with django_assert_num_queries(9):
        assert client.get("/fi/tapahtumat/").status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_filtered_list_does_not_grow(client, django_assert_num_queries, size):
    _event, theme, project = _events(size)
    # as the unfiltered list, and the theme's slugs for the language switcher
    with django_assert_num_queries(10):
        response = client.get(f"/sv/evenemang/?teema={theme.slug_sv}&muoto=in_person")
        assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_event_page_does_not_grow(client, django_assert_num_queries, size):
    event, _theme, _project = _events(size)
    current_generations()  # the first read after a change reschedules publish times, once
    # event, projects, themes, materials, place counts
    with django_assert_num_queries(5):
        assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_feed_does_not_grow(client, django_assert_num_queries, size):
    _events(size)
    with django_assert_num_queries(1):
        assert client.get("/fi/tapahtumat/kalenteri.ics").status_code == 200
