"""A Celery worker killed (SIGKILL) in the middle of a task: it runs again, once."""

import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from core.models import AccessLog, OutboxMessage

from .servers import CeleryWorker, RedisServer, app_env, manage, wait_for

pytestmark = pytest.mark.faults


def test_a_task_killed_midway_runs_again_and_its_effect_happens_once(
    fault_tmp, test_database_url, need_redis_server
):
    token = uuid.uuid4().hex[:12]
    markers = fault_tmp / "markers"
    markers.mkdir()
    mail_dir = fault_tmp / "mail"
    mail_dir.mkdir()
    redis = RedisServer(fault_tmp).start()
    # A message the broker handed out and nobody acknowledged is handed out again after
    # the visibility timeout (an hour in production; seconds here).
    env = app_env(
        DATABASE_URL=test_database_url,
        REDIS_URL=redis.url,
        FAULT_MAIL_DIR=mail_dir,
        CELERY_VISIBILITY_TIMEOUT=8,
    )
    worker = CeleryWorker(fault_tmp, env, pool="prefork")
    second = CeleryWorker(fault_tmp, env, pool="prefork", log_name="second-worker.log")
    try:
        worker.start()
        message = OutboxMessage.objects.create(
            task="tests.faults.probe.slow_effect", args=[token, str(markers), 60.0]
        )
        assert manage("outbox_dispatch", env=env).strip() == "1"

        first = wait_for(lambda: sorted(markers.glob("started-*")), 60, "the task to start")
        victim = int(first[0].read_text())
        assert victim != worker.proc.pid  # a pool process runs the task
        # The whole worker dies at once (main process and pool), as in a lost machine.
        os.killpg(worker.proc.pid, signal.SIGKILL)
        worker.proc.wait(10)
        wait_for(lambda: not Path(f"/proc/{victim}").exists(), 10, "the pool process to die")
        # kombu sweeps unacknowledged messages older than the visibility timeout when
        # the new worker starts, then only every ~100 s: start it once the 8 s are past.
        time.sleep(9)
        second.start()

        try:
            message = wait_for(
                lambda: OutboxMessage.objects.filter(pk=message.pk, done_at__isnull=False).first(),
                90,
                "the task to run again and finish",
                0.3,
            )
        except TimeoutError as error:
            raise AssertionError(second.output()[-3000:]) from error
        runs = sorted(markers.glob("started-*"))
        assert len(runs) == 2, worker.output()[-2000:] + second.output()[-2000:]
        assert int(runs[1].read_text()) != victim
        assert AccessLog.objects.filter(what="fault-probe", object_repr=token).count() == 1
        mails = sum(p.read_text().count(f"Subject: probe {token}") for p in mail_dir.glob("*"))
        assert mails == 1
    finally:
        second.stop()
        worker.stop()
        redis.stop()
