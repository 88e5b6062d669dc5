"""The registration emails through a real Celery worker on the real Redis broker."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.core import mail

from core.tests.helpers import wait_until
from events import services
from events.tests.factories import EventFactory
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def worker():
    if not settings.REDIS_URL:
        pytest.skip("a real worker needs Redis (REDIS_URL)")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()  # leftovers of tests that queued without a worker
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        yield


def test_confirmation_and_offer_are_sent_by_the_worker(worker):
    event = EventFactory(registration_enabled=True, capacity_in_person=1)
    first = services.registration_create(
        event=event, name="Eka", email="eka@example.org", consent=True
    )
    services.registration_create(
        event=event, name="Toka", email="toka@example.org", consent=True, language="sv"
    )
    services.registration_cancel(registration=first)

    wait_until(lambda: len(mail.outbox) == 4, 20, "four emails from the worker")
    sent = sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox)
    assert sent == [
        ("eka@example.org", "Ilmoittautuminen peruttu"),
        ("eka@example.org", "Ilmoittautuminen vahvistettu"),
        ("toka@example.org", "Du står i kö"),
        ("toka@example.org", "En plats har blivit ledig för dig"),
    ]
