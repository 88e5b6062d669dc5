"""Liveness, readiness and metrics: answered whatever the Host, each only for its purpose."""

import pytest
from django.db import connection
from django.test import override_settings

from valita.settings import METRICS_ALLOWED_NETWORKS

DOWN_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


@pytest.fixture
def database_down(monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("down")

    monkeypatch.setattr(connection, "cursor", broken_cursor)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/healthz/ready", "/healthz/live"])
@override_settings(ALLOWED_HOSTS=["valita.example.org"], SECURE_SSL_REDIRECT=True)
def test_probes_answer_whatever_the_host(client, path):
    # The container's probe sends Host 127.0.0.1:8000 over plain HTTP.
    response = client.get(path, HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@override_settings(ALLOWED_HOSTS=["valita.example.org"])
def test_other_urls_still_refuse_a_host_not_allowed(client):
    assert client.get("/robots.txt", HTTP_HOST="127.0.0.1:8000").status_code == 400


@pytest.mark.django_db
def test_readiness_reports_database_and_cache(client):
    response = client.get("/healthz/ready")
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_a_cache_outage_keeps_the_process_ready_and_says_it_is_degraded(client, settings):
    # Pages answer without the cache; all pods share it, so an unready answer would take
    # every pod out of the Service at once.
    settings.CACHES = DOWN_CACHE
    ready = client.get("/healthz/ready")
    assert ready.status_code == 200
    assert ready.json() == {"status": "degraded", "database": "ok", "cache": "error"}
    assert client.get("/healthz").status_code == 200  # the old URL is the readiness check
    assert client.get("/healthz/live").status_code == 200


def test_a_database_outage_makes_the_process_unready_but_not_dead(client, database_down):
    ready = client.get("/healthz/ready")
    assert ready.status_code == 503
    assert ready.json()["database"] == "error"
    assert ready.json()["status"] == "error"
    assert client.get("/healthz/live").status_code == 200


def test_liveness_touches_neither_database_nor_cache(client, settings, database_down):
    settings.CACHES = DOWN_CACHE
    assert client.get("/healthz/live").json() == {"status": "ok"}


def test_probes_refuse_writes(client):
    assert client.post("/healthz/live").status_code == 405


@pytest.mark.django_db
def test_metrics_answer_a_client_inside_the_allowed_networks(client):
    client.get("/robots.txt")
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    body = response.content.decode()
    assert "django_http_requests_total_by_view_transport_method_total" in body
    assert "django_http_responses_total_by_status_total" in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "meta",
    [
        {"REMOTE_ADDR": "203.0.113.7"},  # outside the cluster
        # Through the public proxy, which sits inside the allowed network.
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7"},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_FORWARDED": "for=203.0.113.7"},
    ],
)
def test_metrics_are_hidden_from_everyone_else(client, meta):
    response = client.get("/metrics", **meta)
    assert response.status_code == 404
    assert b"django_http" not in response.content


def test_metrics_networks_default_to_this_host_only():
    assert [str(n) for n in METRICS_ALLOWED_NETWORKS] == ["127.0.0.1/32", "::1/128"]
