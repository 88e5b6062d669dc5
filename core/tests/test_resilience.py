"""The Redis cache degrades instead of failing (core/cache.py)."""

import time

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import caches

from projects.tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2, "retry_after": 30},
    }
}


@pytest.fixture
def dead_cache(settings):
    settings.CACHES = {**settings.CACHES, **DEAD_REDIS}  # fragments stay in process memory
    yield caches["default"]
    from core import cache as valita_cache

    valita_cache._down_until.clear()


def test_reads_miss_and_writes_are_dropped(dead_cache):
    assert dead_cache.get("x", "default") == "default"
    assert dead_cache.set("x", 1) is None
    assert dead_cache.add("x", 1) is False
    assert dead_cache.get_many(["x"]) == {}
    assert dead_cache.get_or_set("x", 7) == 7
    with pytest.raises(ValueError):
        dead_cache.incr("x")
    assert dead_cache.is_degraded


def test_after_one_failure_the_process_leaves_redis_alone(dead_cache):
    dead_cache.get("x")
    started = time.monotonic()
    for _ in range(200):
        dead_cache.get("x")
    assert time.monotonic() - started < 0.1


def test_public_pages_answer_while_the_cache_is_down(client, dead_cache):
    ProjectFactory(name_fi="Näkyy ilman välimuistia")
    for path in ["/fi/", "/fi/hankkeet/", "/sv/projekt/"]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert "Näkyy ilman välimuistia" in client.get("/fi/hankkeet/").content.decode()


def _staff_user():
    user = UserFactory(email="staff@example.org", password="a-long-password-1")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_sign_in_works_with_the_cache_up(client):
    _staff_user()
    client.post("/fi/tili/login/", {"login": "staff@example.org", "password": "a-long-password-1"})
    assert "_auth_user_id" in client.session


def test_rate_limited_sign_in_fails_closed_while_the_cache_is_down(client, dead_cache):
    _staff_user()
    response = client.post(
        "/fi/tili/login/", {"login": "staff@example.org", "password": "a-long-password-1"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
