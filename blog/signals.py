import contextlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core import outbox
from core.content_cache import page_cache_reschedule

from .models import Post


def _reschedule():
    # With the cache down there is nothing to schedule; the next request does it.
    with contextlib.suppress(Exception):
        page_cache_reschedule()


@receiver(post_save, sender=Post)
@receiver(post_delete, sender=Post)
def reschedule_page_cache(sender, **kwargs):
    """A new or changed publish time moves the moment cached pages go stale."""
    transaction.on_commit(_reschedule)


@receiver(post_save, sender=Post)
def queue_cover_renditions(sender, instance, raw=False, **kwargs):
    """A new cover's smaller copies are made in the background, through the outbox in the
    save's transaction (Post.save tells whether the cover changed)."""
    if not raw and getattr(instance, "_cover_changed", False):
        outbox.enqueue("blog.tasks.make_cover_renditions", instance.pk)
