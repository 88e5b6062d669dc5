"""The renditions task on a real Celery worker (Redis broker), started on commit."""

import time

import pytest
from django.conf import settings

from blog.models import Post
from blog.tests.factories import PostFactory
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis as the broker")
def test_a_real_worker_makes_the_renditions_after_commit():
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.task_always_eager = False
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        post = PostFactory(with_cover=True)  # autocommit: the task is sent at once
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            renditions = Post.objects.values_list("cover_renditions", flat=True).get(pk=post.pk)
            if renditions:
                break
            time.sleep(0.2)
    post.refresh_from_db()
    assert [item["width"] for item in post.cover_sources()] == [480]
