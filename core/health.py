"""Health and metrics endpoints for the orchestrator, answered before anything else.

The middleware sits first in MIDDLEWARE, ahead of SecurityMiddleware (HTTPS redirect)
and CommonMiddleware (host validation): a probe sends whatever Host its pod or
container has (`127.0.0.1:8000`, the pod IP), which ALLOWED_HOSTS rightly refuses
for every other URL.

- `/healthz/live`: the process answers. Touches neither the database nor Redis, so
  an outage of either never makes the orchestrator restart a healthy web process.
- `/healthz/ready` (and `/healthz`, kept for existing monitors): 200 while the database
  answers, 503 otherwise, so the orchestrator stops sending traffic. The cache is reported
  but does not decide: pages answer without it (core.cache degrades to misses), and every
  pod shares the one Redis, so counting it would take the whole site out of the Service
  for an outage the site rides out. A 200 with `"status": "degraded"` says so to monitors.
- `/metrics`: Prometheus metrics (django-prometheus), only to a client inside
  METRICS_ALLOWED_NETWORKS that reached the process directly. A request that came
  through the public proxy carries its X-Forwarded-For (which the proxy sets and the
  client cannot remove), so the proxy's own cluster address admits nobody.
"""

import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponseNotAllowed, JsonResponse
from django.utils.cache import add_never_cache_headers
from django_prometheus.exports import ExportToDjangoView

READINESS_PATHS = ("/healthz", "/healthz/ready")
LIVENESS_PATH = "/healthz/live"
METRICS_PATH = "/metrics"
PROXY_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - report, do not raise
        return False
    return True


def cache_ok() -> bool:
    try:
        cache.set("healthz", "1", 5)
        return cache.get("healthz") == "1"
    except Exception:  # noqa: BLE001
        return False


def readiness() -> tuple[dict, int]:
    database, cache_state = database_ok(), cache_ok()
    overall = ("ok" if cache_state else "degraded") if database else "error"
    body = {
        "status": overall,
        "database": "ok" if database else "error",
        "cache": "ok" if cache_state else "error",
    }
    return body, 200 if database else 503


def metrics_allowed(request) -> bool:
    if any(request.META.get(header) for header in PROXY_HEADERS):
        return False
    try:
        client = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(client in network for network in settings.METRICS_ALLOWED_NETWORKS)


def _json(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path not in (LIVENESS_PATH, METRICS_PATH, *READINESS_PATHS):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        if path == LIVENESS_PATH:
            return _json({"status": "ok"})
        if path == METRICS_PATH:
            if not metrics_allowed(request):
                # Answered like any unknown URL, by the rest of the stack.
                return self.get_response(request)
            return ExportToDjangoView(request)
        return _json(*readiness())
