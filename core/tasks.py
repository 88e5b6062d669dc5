"""Celery tasks of the infrastructure: the outbox's (defined in core/outbox.py, found here by
Celery's autodiscovery) and beat's heartbeat."""

from celery import shared_task

from .outbox import outbox_redispatch, outbox_run

__all__ = ["beat_heartbeat", "outbox_redispatch", "outbox_run"]


@shared_task(name="valita.beat_heartbeat", ignore_result=True)
def beat_heartbeat() -> None:
    """Nothing to do: beat records in its schedule file when it sent this (beat_health)."""
