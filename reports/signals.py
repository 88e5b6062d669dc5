"""Published results show on the cached public page: retire cached pages when they change."""

import contextlib

from django.db.models.signals import post_delete, post_save

from core.content_cache import page_cache_invalidate

from .models import PublishedResult, Quote


def retire_cached_pages(sender, **kwargs):
    with contextlib.suppress(Exception):  # with the cache down, pages expire by themselves
        page_cache_invalidate()


def connect():
    for model in (PublishedResult, Quote):
        post_save.connect(retire_cached_pages, sender=model, dispatch_uid=f"reports-{model}-s")
        post_delete.connect(retire_cached_pages, sender=model, dispatch_uid=f"reports-{model}-d")
