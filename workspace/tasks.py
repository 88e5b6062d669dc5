"""Beat work of the workspace: the daily summary of what waits for a Swedish translation."""

from celery import shared_task

from .translations import translation_digests_queue


@shared_task
def send_translation_digests() -> int:
    return translation_digests_queue()
