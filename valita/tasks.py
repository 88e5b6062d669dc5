"""The outbox's Celery tasks, found here by Celery's autodiscovery (defined in valita/outbox.py)."""

from .outbox import outbox_redispatch, outbox_run

__all__ = ["outbox_redispatch", "outbox_run"]
