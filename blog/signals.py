from django.db.models.signals import post_save
from django.dispatch import receiver

from core import outbox

from .models import Post


@receiver(post_save, sender=Post)
def queue_cover_renditions(sender, instance, raw=False, **kwargs):
    """A new cover's smaller copies are made in the background, through the outbox in the
    save's transaction (Post.save tells whether the cover changed)."""
    if not raw and getattr(instance, "_cover_changed", False):
        outbox.enqueue("blog.tasks.make_cover_renditions", instance.pk)
