"""One way to start background work from data: the outbox (README, "Background work").

A task sent straight to the broker (`.delay()`, `.apply_async()`, `delay_on_commit()`,
`send_task()`) is lost when the broker is down, or fails the request that sent it. Only
the outbox itself hands work to Celery; the beat schedule (valita/celery.py) names tasks
as data and starts nothing.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SENDING_CALLS = {"delay", "apply_async", "delay_on_commit", "apply_async_on_commit", "send_task"}
ALLOWED = {
    Path("core/outbox.py"),
    # Tests Celery's own hand-off (the request id in a task's headers), below the outbox.
    Path("core/tests/test_logging.py"),
}
SKIPPED_DIRS = {".venv", "node_modules", "staticfiles", "media", ".git", "migrations"}


def _sources():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if SKIPPED_DIRS.isdisjoint(relative.parts):
            yield relative


def broker_sends(source: str) -> list[int]:
    """Line numbers of the calls in `source` that hand work straight to a broker."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in SENDING_CALLS
    ]


def test_the_scan_finds_each_way_of_sending_to_the_broker():
    source = "a.delay(1)\nb.apply_async((1,))\nc.delay_on_commit(1)\napp.send_task('x')\n"
    assert broker_sends(source) == [1, 2, 3, 4]
    assert broker_sends("outbox.enqueue('events.tasks.x', 1)  # not .delay(\n") == []


def test_no_background_work_starts_outside_the_outbox():
    found = [
        f"{relative}:{line}"
        for relative in _sources()
        if relative not in ALLOWED
        for line in broker_sends((ROOT / relative).read_text())
    ]
    assert not found, (
        "Start background work with core.outbox.enqueue(...) in the data's transaction, "
        f"not straight on the broker: {found}"
    )
