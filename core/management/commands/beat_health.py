"""Health check of celery beat: did it send its heartbeat task recently?

Beat records in its schedule file (`--schedule` of `celery beat`) when it last sent each
entry, and writes the file after every task it sends (CELERY_BEAT_SYNC_EVERY = 1). The
heartbeat entry runs every BEAT_HEARTBEAT_SECONDS; this command exits non-zero when the
file is missing or the heartbeat is older than --max-age (default three heartbeats).
"""

import shelve
from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

HEARTBEAT_ENTRY = "valita-beat-heartbeat"


def last_heartbeat(schedule_path: str) -> datetime | None:
    try:
        # The file is beat's own, written by the same image: our own data (S301).
        with shelve.open(schedule_path, flag="r") as schedule:  # noqa: S301
            entry = schedule.get("entries", {}).get(HEARTBEAT_ENTRY)
    except Exception:  # noqa: BLE001 - a missing or unreadable file is "no heartbeat"
        return None
    if entry is None or entry.total_run_count == 0:
        return None  # created at start, never sent yet
    last = entry.last_run_at
    return last if last.tzinfo else last.replace(tzinfo=UTC)


class Command(BaseCommand):
    help = "Exits 0 when celery beat sent its heartbeat task recently, 1 otherwise."

    def add_arguments(self, parser):
        parser.add_argument("--schedule", default="/tmp/celerybeat-schedule")  # noqa: S108
        parser.add_argument("--max-age", type=float, default=None, help="seconds")

    def handle(self, *args, schedule, max_age, **options):
        max_age = max_age if max_age is not None else 3 * settings.BEAT_HEARTBEAT_SECONDS
        last = last_heartbeat(schedule)
        if last is None:
            raise CommandError(f"beat has sent no heartbeat yet ({schedule})")
        age = (datetime.now(UTC) - last).total_seconds()
        if age > max_age:
            raise CommandError(f"beat's last heartbeat was {age:.0f} s ago (> {max_age:.0f} s)")
        self.stdout.write(f"beat ok: last heartbeat {age:.0f} s ago")
