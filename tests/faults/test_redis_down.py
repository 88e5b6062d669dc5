"""Redis stopped: public pages and a public registration still answer, and the work they
started (an outbox email, the registration's confirmation) waits for it: sent once it is back."""

import time

import pytest

from core.models import OutboxMessage
from events.models import Registration
from events.tests.factories import EventFactory
from projects.tests.factories import ProjectFactory

from .servers import CeleryWorker, Gunicorn, RedisServer, Visitor, app_env, manage, wait_for

pytestmark = pytest.mark.faults

ENQUEUE = """
from django.db import transaction
from core import outbox
with transaction.atomic():
    outbox.enqueue("core.outbox.send_email", "Kiitos vastauksestasi", "Vastaus tallessa.",
                   ["vastaaja@example.org"])
"""

CONFIRMED = "Ilmoittautuminen vahvistettu: Vikasietoinen tapahtuma"


def _mails(mail_dir, subject: str) -> int:
    return sum(
        p.read_text(errors="replace").count(f"Subject: {subject}") for p in mail_dir.glob("*")
    )


def test_pages_and_registration_answer_and_their_mail_is_sent_once_redis_is_back(
    fault_tmp, test_database_url, need_redis_server
):
    project = ProjectFactory(name_fi="Vikasietoinen hanke", slug_fi="vikasietoinen")
    event = EventFactory(
        title_fi="Vikasietoinen tapahtuma",
        slug_fi="vikasietoinen-tapahtuma",
        registration_enabled=True,
        capacity_in_person=10,
        projects=[project],
    )
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
        status, _headers, body = web.get("/healthz/ready")  # still ready: it says degraded
        assert status == 200 and '"cache": "error"' in body and '"degraded"' in body

        # A visitor registers: the answer is the usual redirect, in bounded time, and the
        # next request does not wait for the broker either.
        visitor = Visitor(web.base)
        register = f"/fi/tapahtumat/{event.slug_fi}/ilmoittaudu/"
        assert visitor.get(register)[0] == 200 and visitor.csrf_token
        started = time.monotonic()
        status, headers, _body = visitor.post(
            register, {"name": "Maija", "email": "maija@example.org", "consent": "on"}
        )
        assert status == 302, web.output()[-3000:]
        assert headers["Location"] == f"/fi/tapahtumat/{event.slug_fi}/"
        assert time.monotonic() - started < 5
        started = time.monotonic()
        assert visitor.get(headers["Location"])[0] == 200
        assert time.monotonic() - started < 2
        assert Registration.objects.get().status == Registration.Status.CONFIRMED

        # The broker is the same Redis: the work is stored, not sent, and not lost.
        manage("shell", "-c", ENQUEUE, env=env)
        assert OutboxMessage.objects.count() == 2
        for message in OutboxMessage.objects.all():
            assert message.dispatched_at is None and message.done_at is None
            assert message.last_error
        assert _mails(mail_dir, "Kiitos vastauksestasi") == 0
        assert _mails(mail_dir, CONFIRMED) == 0

        redis.start()
        worker = CeleryWorker(fault_tmp, env).start()
        assert manage("outbox_dispatch", env=env).strip() == "2"  # what the beat runs
        wait_for(
            lambda: not OutboxMessage.objects.filter(done_at=None).exists(),
            60,
            "the outbox emails",
            0.3,
        )
        wait_for(lambda: _mails(mail_dir, CONFIRMED), 10, "the confirmation's mail file")
        assert manage("outbox_dispatch", env=env).strip() == "0"
        time.sleep(1)
        assert _mails(mail_dir, "Kiitos vastauksestasi") == 1
        assert _mails(mail_dir, CONFIRMED) == 1
        status, _headers, body = web.get("/healthz")
        assert status == 200 and '"status": "ok"' in body
    finally:
        if worker:
            worker.stop()
        web.stop()
        redis.stop()
