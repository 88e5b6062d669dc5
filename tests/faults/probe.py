"""An outbox target slow enough to kill its worker in the middle (tests/faults)."""

import os
import time
from pathlib import Path

from django.core.mail import send_mail

from core.models import AccessLog


def slow_effect(token: str, marker_dir: str, seconds: float) -> None:
    """Slow on its first run (long enough to be killed), quick when it runs again."""
    first_run = not any(Path(marker_dir).glob("started-*"))
    stamp = time.time_ns()
    partial = Path(marker_dir, f".writing-{stamp}")
    partial.write_text(str(os.getpid()))
    partial.rename(Path(marker_dir, f"started-{stamp}"))
    time.sleep(seconds if first_run else 0.2)
    # Both effects would double if the task's second run were not guarded.
    AccessLog.objects.create(what="fault-probe", object_repr=token)
    send_mail(
        f"probe {token}", "The effect of a task that was killed once.", None, ["probe@example.org"]
    )
