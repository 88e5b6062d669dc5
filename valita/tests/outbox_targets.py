"""Functions the outbox tests enqueue (importable by dotted path, also in a worker)."""

from valita.models import TaskEffect


def record(key: str) -> None:
    TaskEffect.objects.create(key=key)


def fail(key: str) -> None:
    TaskEffect.objects.create(key=key)
    raise RuntimeError("the target failed")
