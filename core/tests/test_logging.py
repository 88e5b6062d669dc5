"""Logs are one JSON object per line, and a request's id is carried into its Celery tasks."""

import json
import logging
import uuid

import pytest
from celery import shared_task
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django_guid import get_guid, set_guid
from pythonjsonlogger.json import JsonFormatter

from core.tests.helpers import wait_until
from valita.celery import app as celery_app

seen_in_worker: list[str | None] = []


@shared_task(name="valita.tests.record_request_id")
def record_request_id() -> None:
    logging.getLogger("valita.tests").info("task ran")
    seen_in_worker.append(get_guid())


class ListHandler(logging.Handler):
    """The console handler's own filters and formatter, writing into a list."""

    def __init__(self, console: logging.Handler):
        super().__init__()
        self.lines: list[str] = []
        self.setFormatter(console.formatter)
        for log_filter in console.filters:
            self.addFilter(log_filter)

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def capture_logs():
    """Call to start capturing what the console writes (again after a worker's logging setup)."""
    root = logging.getLogger()
    handlers = []

    def capture() -> list[str]:
        console = next(h for h in root.handlers if isinstance(h.formatter, JsonFormatter))
        handlers.append(ListHandler(console))
        root.addHandler(handlers[-1])
        return handlers[-1].lines

    yield capture
    for handler in handlers:
        root.removeHandler(handler)


def test_settings_write_json_with_debug_off():
    assert settings.LOG_FORMAT == "json"
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"


@pytest.mark.django_db
def test_a_request_logs_json_lines_carrying_its_request_id(client, capture_logs):
    log_lines = capture_logs()
    request_id = uuid.uuid4().hex
    response = client.get("/fi/ei-ole-olemassa/", HTTP_X_REQUEST_ID=request_id)
    assert response.status_code == 404
    assert response["X-Request-ID"] == request_id
    records = [json.loads(line) for line in log_lines]  # each line one object
    not_found = next(r for r in records if r["logger"] == "django.request")
    assert not_found["request_id"] == request_id
    assert not_found["level"] == "WARNING"
    assert {"time", "message"} <= set(not_found)
    assert all("\n" not in line for line in log_lines)


@pytest.mark.django_db
def test_each_request_without_an_id_gets_its_own(client):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/robots.txt")["X-Request-ID"]
    assert first and second and first != second


@pytest.mark.django_db(transaction=True)
def test_the_request_id_travels_with_a_task_into_the_worker(capture_logs):
    if not settings.REDIS_URL:
        pytest.skip("a real worker needs Redis (REDIS_URL); eager tasks share the request")
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    seen_in_worker.clear()
    request_id = uuid.uuid4().hex
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        log_lines = capture_logs()  # the worker set up logging from settings.LOGGING
        set_guid(request_id)  # as the middleware does for a request
        record_request_id.delay()
        set_guid(None)
        wait_until(lambda: seen_in_worker, 20, "the task to run in the worker")
    assert seen_in_worker == [request_id]
    task_lines = [json.loads(line) for line in log_lines if '"task ran"' in line]
    assert task_lines and task_lines[0]["request_id"] == request_id
