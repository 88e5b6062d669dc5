from django.conf import settings
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from core import outbox
from core.content_cache import retire_at_commit

from .models import Post


@receiver(post_save, sender=Post)
def queue_cover_renditions(sender, instance, raw=False, **kwargs):
    """A new cover's smaller copies are made in the background, through the outbox in the
    save's transaction (Post.save tells whether the cover changed)."""
    if not raw and getattr(instance, "_cover_changed", False):
        outbox.enqueue("blog.tasks.make_cover_renditions", instance.pk)


BYLINE_FIELDS = {"first_name", "last_name"}


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def retire_bylines(sender, instance, raw=False, update_fields=None, **kwargs):
    """A post shows its author's name (Post.author_name): an author's new name retires the
    blog's pages. A save of other fields only (a login's last_login) retires nothing."""
    if raw or (update_fields is not None and not BYLINE_FIELDS & set(update_fields)):
        return
    if Post.objects.filter(author=instance).exists():
        retire_at_commit(("blog",))


@receiver(pre_delete, sender=settings.AUTH_USER_MODEL)
def retire_deleted_bylines(sender, instance, **kwargs):
    """A deleted author's posts lose their byline through an update that sends no signal
    (on_delete=SET_NULL): their pages are retired at the deletion's commit."""
    if Post.objects.filter(author=instance).exists():
        retire_at_commit(("blog",))
