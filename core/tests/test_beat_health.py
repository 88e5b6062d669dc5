"""The beat health check reads back the heartbeat that a real beat process's schedule sent."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def test_no_schedule_file_is_unhealthy(tmp_path):
    with pytest.raises(CommandError, match="no heartbeat"):
        call_command("beat_health", schedule=str(tmp_path / "missing"))


def test_a_running_beat_is_healthy_and_a_stopped_one_goes_stale(tmp_path):
    schedule = tmp_path / "celerybeat-schedule"
    beat = subprocess.Popen(  # noqa: S603 - our own command line
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "valita",
            "beat",
            "--loglevel",
            "WARNING",
            "--schedule",
            str(schedule),
        ],
        cwd=ROOT,
        env={**os.environ, "BEAT_HEARTBEAT_SECONDS": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60  # a loaded CI machine starts slowly
        while True:
            try:
                call_command("beat_health", schedule=str(schedule), max_age=5)
                break
            except CommandError:
                if beat.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(beat.stderr.read().decode()[-2000:]) from None
                time.sleep(0.2)
    finally:
        beat.terminate()
        beat.wait(10)
    # A beat that stopped sends nothing more: the same file fails a short max-age.
    with pytest.raises(CommandError, match="last heartbeat"):
        call_command("beat_health", schedule=str(schedule), max_age=0)
