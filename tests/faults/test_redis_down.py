"""Redis stopped: public pages still answer, and outbox work waits for it (nothing lost)."""

import time

import pytest

from projects.tests.factories import ProjectFactory
from valita.models import OutboxMessage

from .servers import CeleryWorker, Gunicorn, RedisServer, app_env, manage, wait_for

pytestmark = pytest.mark.faults

ENQUEUE = """
from django.db import transaction
from valita import outbox
with transaction.atomic():
    outbox.enqueue("valita.outbox.send_email", "Kiitos vastauksestasi", "Vastaus tallessa.",
                   ["vastaaja@example.org"])
"""


def _mails(mail_dir, subject: str) -> int:
    return sum(
        p.read_text(errors="replace").count(f"Subject: {subject}") for p in mail_dir.glob("*")
    )


def test_pages_answer_and_outbox_mail_is_sent_once_redis_is_back(
    fault_tmp, test_database_url, need_redis_server
):
    project = ProjectFactory(name_fi="Vikasietoinen hanke", slug_fi="vikasietoinen")
    redis = RedisServer(fault_tmp).start()
    mail_dir = fault_tmp / "mail"
    mail_dir.mkdir()
    env = app_env(
        DATABASE_URL=test_database_url,
        REDIS_URL=redis.url,
        CACHE_RETRY_AFTER=1,
        FAULT_MAIL_DIR=mail_dir,
    )
    web = Gunicorn(fault_tmp, env, workers=1)
    worker = None
    try:
        web.start()
        paths = ["/fi/", "/fi/hankkeet/", f"/fi/hankkeet/{project.slug_fi}/", "/sv/projekt/"]
        for path in paths:
            assert web.get(path)[0] == 200, path
        status, headers, _body = web.get("/fi/hankkeet/")
        assert headers.get("X-Page-Cache") == "hit"  # the cache really is this Redis

        redis.stop()
        for path in paths:
            started = time.monotonic()
            status, _headers, body = web.get(path)
            assert status == 200, (path, web.output()[-2000:])
            assert time.monotonic() - started < 2, path
        assert "Vikasietoinen hanke" in web.get("/fi/hankkeet/")[2]
        assert web.get("/healthz")[0] == 503  # and the health check says so

        # The broker is the same Redis: the work is stored, not sent, and not lost.
        manage("shell", "-c", ENQUEUE, env=env)
        message = OutboxMessage.objects.get()
        assert message.dispatched_at is None and message.done_at is None
        assert message.last_error
        assert _mails(mail_dir, "Kiitos vastauksestasi") == 0

        redis.start()
        worker = CeleryWorker(fault_tmp, env).start()
        assert manage("outbox_dispatch", env=env).strip() == "1"  # what the beat runs
        wait_for(lambda: OutboxMessage.objects.get().done_at, 60, "the outbox email", 0.3)
        wait_for(lambda: _mails(mail_dir, "Kiitos vastauksestasi"), 10, "the mail file")
        assert manage("outbox_dispatch", env=env).strip() == "0"
        time.sleep(1)
        assert _mails(mail_dir, "Kiitos vastauksestasi") == 1
        assert web.get("/healthz")[0] == 200
    finally:
        if worker:
            worker.stop()
        web.stop()
        redis.stop()
