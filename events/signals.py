import contextlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.content_cache import page_cache_reschedule

from .models import Event


def _reschedule():
    # With the cache down there is nothing to schedule; the next request does it.
    with contextlib.suppress(Exception):
        page_cache_reschedule()


@receiver(post_save, sender=Event)
@receiver(post_delete, sender=Event)
def reschedule_page_cache(sender, **kwargs):
    """A new or changed publish time moves the moment cached pages go stale."""
    transaction.on_commit(_reschedule)
