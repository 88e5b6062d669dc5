"""Functions the outbox tests enqueue (importable by dotted path, also in a worker).

Each run writes one access-log row: a table without a unique key on it, so a
second run of one message shows as a second row instead of hiding behind an error.
"""

import threading

from core.models import AccessLog

WHAT = "outbox-test"


def record(key: str) -> None:
    AccessLog.objects.create(what=WHAT, object_repr=key)


def fail(key: str) -> None:
    record(key)
    raise RuntimeError("the target failed")


def runs(key: str) -> int:
    """How many times a message recording `key` has run (and committed)."""
    return AccessLog.objects.filter(what=WHAT, object_repr=key).count()


class Gate:
    """Holds a run inside its function until the test opens it."""

    def __init__(self):
        self.entered = threading.Semaphore(0)
        self.open = threading.Event()


gate = Gate()


def record_and_wait(key: str) -> None:
    record(key)
    gate.entered.release()
    gate.open.wait(timeout=60)
