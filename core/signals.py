import contextlib

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .content_cache import page_cache_invalidate

CONTENT_APPS = {"projects", "practices", "events", "blog", "surveys", "valita"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def retire_cached_pages(sender, **kwargs):
    """Any saved content may show on any page; responses and logs opt out."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in CONTENT_APPS:
        return
    if getattr(sender, "page_cache_exempt", False):
        return
    # With the cache down there is nothing to retire; cached pages expire by themselves.
    # Retired now and again at commit: a page rendered in between from the old rows
    # (by another process, before this transaction commits) must not outlive it.
    _invalidate_quietly()
    connection = transaction.get_connection()
    if connection.in_atomic_block and not any(
        func is _invalidate_quietly for _sids, func, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_invalidate_quietly)  # once per transaction, however many saves


def _invalidate_quietly() -> None:
    with contextlib.suppress(Exception):
        page_cache_invalidate()
