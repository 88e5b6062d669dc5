"""A real Celery worker sends an invitation email that the outbox handed to the broker."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail

from surveys import services
from surveys.models import Collector, Invitation
from surveys.tests.factories import build_survey
from valita.celery import app as celery_app

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.REDIS_URL, reason="needs the Redis broker (REDIS_URL)"),
]


def test_invitation_email_goes_through_a_real_worker():
    celery_app.conf.task_always_eager = False
    s = build_survey()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.INVITATION)
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        services.invitations_create(collector=collector, rows=[("eva@example.org", "Eva", "sv")])
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [["eva@example.org"]]
    assert "Inbjudan till enkäten" in mail.outbox[0].subject
    assert Invitation.objects.get().sent_at is not None
