"""Whole-page cache for anonymous visitors.

A page is cached only when nothing in it can belong to one visitor: the
request carries no session or messages cookie, and the response sets no
cookie, used no CSRF token and carries no CSP nonce. Any content change bumps
a generation number (valita.signals), which retires every cached page at once.
"""

import contextlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.functional import empty

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change"
_scheduled_change_providers: list[Callable] = []
CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
UNCACHED_PARTS = ("/admin/", "/tili/", "/konto/", "/raportit/", "/rapporter/")
CACHED_HEADERS = (
    "Content-Type", "Content-Language", "Content-Security-Policy", "Vary",
    "Cross-Origin-Opener-Policy", "Referrer-Policy", "X-Content-Type-Options",
    "X-Frame-Options", "Link",
)


def page_cache_generation() -> int:
    values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    next_change = values.get(NEXT_CHANGE_KEY)
    if next_change is None or (next_change and next_change <= time.time()):
        # Content scheduled for now (a post with a publish time) changes pages by itself.
        if next_change:
            page_cache_invalidate()
            values.pop(GENERATION_KEY, None)
        page_cache_reschedule()
    return values.get(GENERATION_KEY) or cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def register_scheduled_change(provider: Callable) -> Callable:
    """Apps whose content changes at a set time (scheduled posts) register a provider
    returning the next such datetime or None; cached pages are retired at that time."""
    _scheduled_change_providers.append(provider)
    return provider


def page_cache_reschedule() -> None:
    """Store when cached pages next go stale by themselves (0: nothing is scheduled)."""
    times = [when for provider in _scheduled_change_providers if (when := provider())]
    cache.set(NEXT_CHANGE_KEY, min(times).timestamp() if times else 0, timeout=None)


def page_cache_invalidate() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _request_is_cacheable(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    if settings.VALITA_BENCH and "HTTP_X_BENCH_NO_CACHE" in request.META:
        return False  # bench/run.py measures uncached pages with this header
    path = request.path
    if not path.startswith(CACHED_PREFIXES) or any(part in path for part in UNCACHED_PARTS):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    # A message shown in this response belongs to this visitor only.
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or getattr(storage, "_queued_messages", None)):
        return False
    # A CSP nonce used in the HTML (even if the policy does not name it) is per response.
    if getattr(getattr(request, "_csp_nonce", None), "_wrapped", empty) is not empty:
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    return "nonce-" not in response.get("Content-Security-Policy", "")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _request_is_cacheable(request):
            return self.get_response(request)
        try:
            key = f"page:{page_cache_generation()}:{request.get_host()}:{request.get_full_path()}"
            hit = cache.get(key)
        except Exception:  # noqa: BLE001 - a cache outage must not take pages down
            return self.get_response(request)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if _response_is_cacheable(request, response):
            headers = [(h, response[h]) for h in CACHED_HEADERS if h in response]
            # Serving the page matters more than caching it.
            with contextlib.suppress(Exception):
                cache.set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
