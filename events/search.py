"""Scheduled events enter the site search when their publish time comes (search/sources.py
registers events; the save signal cannot index them then, as no save happens)."""

from datetime import timedelta

from django.utils import timezone

from search.indexing import index_newly_public
from search.registry import source_for

from .models import Event


def index_due_events(*, window=timedelta(hours=2)) -> int:
    """Index events whose publish time came within `window`
    (search.indexing.index_newly_public); the beat runs it every ten minutes."""
    now = timezone.now()
    due = Event.objects.published(now=now).filter(publish_at__gt=now - window)
    return index_newly_public(source_for("event"), due, "events")
