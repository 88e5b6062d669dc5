"""Whole-page cache for anonymous visitors.

A page is cached only when nothing in it can belong to one visitor: the
request carries no session or messages cookie, and the response sets no
cookie, used no CSRF token and carries no CSP nonce. A page is stored with the
generations of the content scopes it shows (core.content_cache) and retired when one of
them changes.
A page is keyed on its path and the query parameters its view declares
(core.query_params), so junk parameters cannot fill the cache.
"""

import contextlib
import functools

from django.conf import settings
from django.http import HttpResponse

from .content_cache import current_generations, get_current, set_current, versions_of
from .query_params import WatchedQuery, cache_path, declared
from .translation_utils import first_url_word

CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
# The sections never page-cached (staff pages, accounts, reports), each named by one of
# its URLs: the section's translated first word comes from the URLconf.
UNCACHED_SECTIONS = ("admin:index", "account_login", "reports:dashboard")
CACHED_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Vary",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Link",
)


@functools.cache
def uncached_parts() -> tuple[str, ...]:
    """The first path word of each uncached section in every language ("/tili/", "/konto/"…)."""
    return tuple(
        sorted(
            {
                f"/{first_url_word(name, code)}/"
                for code, _name in settings.LANGUAGES
                for name in UNCACHED_SECTIONS
            }
        )
    )


def _request_is_cacheable(request) -> bool:
    if settings.PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if not path.startswith(CACHED_PREFIXES) or any(part in path for part in uncached_parts()):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _response_is_cacheable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # The page used the visitor's CSRF token (or made them one). CsrfViewMiddleware
    # sets this flag then and resets it to False once it has renewed the cookie, so it
    # is the flag's presence, not its value, that tells.
    if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
        return False
    # A message shown in this response belongs to this visitor only.
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or getattr(storage, "_queued_messages", None)):
        return False
    cache_control = response.get("Cache-Control", "")
    if "private" in cache_control or "no-store" in cache_control:
        return False
    # A page that used the CSP nonce is for this response only: Django names the nonce in
    # the policy exactly when the page used it (SECURE_CSP has CSP.NONCE in every source).
    return not any(
        "'nonce-" in response.get(header, "")
        for header in ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def request_is_cacheable(self, request) -> bool:
        return _request_is_cacheable(request)

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            # Read before the view runs, for the page and its fragments alike
            # (core.context_processors.fragment_cache): a change committed while the page
            # is rendered then retires what is rendered.
            try:
                request.content_generations = current_generations()
            except Exception:  # noqa: BLE001 - a cache outage must not take pages down
                request.content_generations = None
        if not self.request_is_cacheable(request):
            return self.get_response(request)
        try:
            generations = request.content_generations
            key = f"page:{request.get_host()}:{cache_path(request)}"
            hit = get_current(key) if generations else None
        except Exception:  # noqa: BLE001 - a cache outage must not take pages down
            return self.get_response(request)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        request.GET = query = WatchedQuery.watching(request.GET)
        response = self.get_response(request)
        if (
            generations
            and _response_is_cacheable(request, response)
            and query.read_only(declared(request) or frozenset(), request.path)
        ):
            headers = [(h, response[h]) for h in CACHED_HEADERS if h in response]
            # Stored with the generations read before the page was rendered: a change
            # committed meanwhile retires it.
            versions = versions_of(request, generations)
            if versions is not None:
                # Serving the page matters more than caching it.
                with contextlib.suppress(Exception):
                    set_current(key, versions, (response.content, headers))
                response["X-Page-Cache"] = "miss"
        return response
