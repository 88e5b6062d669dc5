from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from events.search import index_due_events
from events.tests.factories import EventFactory
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_a_scheduled_event_enters_the_search_when_its_time_comes(client):
    event = EventFactory(
        title_fi="Ajastettu kuuntelupaja", publish_at=timezone.now() + timedelta(hours=1)
    )
    assert not SearchDocument.objects.filter(kind="event", object_id=event.pk).exists()
    assert "Ajastettu kuuntelupaja" not in client.get("/fi/haku/?q=kuuntelupaja").text
    assert index_due_events() == 0

    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now() - timedelta(minutes=5))
    assert index_due_events() == 1
    assert SearchDocument.objects.filter(kind="event", object_id=event.pk).count() == 2
    assert index_due_events() == 0  # again: indexed already, nothing new
    assert SearchDocument.objects.filter(kind="event", object_id=event.pk).count() == 2
    assert "Ajastettu kuuntelupaja" in client.get("/fi/haku/?q=kuuntelupaja").text
