"""Celery tasks: they load by id and call a service; a second delivery does nothing new."""

from celery import shared_task

from . import search, services


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def make_cover_renditions(post_id: int) -> bool:
    return services.cover_renditions_make(post_id=post_id)


@shared_task
def index_due_posts() -> int:
    return search.index_due_posts()
