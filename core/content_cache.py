"""The content generation, and the two-tier store of cached pages and fragments.

Any content change bumps one generation number (core.signals), which retires
every cached page and fragment at once: an entry is stored with the generation
it was rendered at and is used only while that is still the current one.

Entries live in the shared cache (Redis) and, for the hottest, in a small
per-process memory in front of it, so that a cached page costs no network
round trip at all. Each process asks the shared cache for the generation at
most once per `PAGE_CACHE_GENERATION_CHECK_SECONDS` (default 1): an edit made
in this process shows at once, one made in another process within that time.
"""

import contextlib
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import empty

GENERATION_KEY = "page-cache:generation"
NEXT_CHANGE_KEY = "page-cache:next-change"
_scheduled_change_providers: list[Callable] = []


def register_scheduled_change(provider: Callable) -> Callable:
    """Apps whose content changes at a set time (scheduled posts) register a provider
    returning the next such datetime or None; cached pages are retired at that time."""
    _scheduled_change_providers.append(provider)
    return provider


def _new_generation() -> int:
    # Random, not 1: after the shared cache loses its keys (a Redis restart), the new
    # generation must not match entries that a process still holds in memory.
    return secrets.randbits(62) + 1


class _GenerationMemo:
    """This process's copy of the generation and of the next scheduled change."""

    def __init__(self):
        self.generation: int | None = None
        self.next_change: float = 0.0
        self.checked_at = float("-inf")

    def forget(self) -> None:
        self.generation, self.checked_at = None, float("-inf")

    def fresh(self) -> bool:
        if self.generation is None:
            return False
        if self.next_change and self.next_change <= time.time():
            return False
        age = time.monotonic() - self.checked_at
        return age < settings.PAGE_CACHE_GENERATION_CHECK_SECONDS


_memo = _GenerationMemo()


def page_cache_generation() -> int | None:
    """The current generation (None while the shared cache is unreachable)."""
    if _memo.fresh():
        return _memo.generation
    values = cache.get_many([GENERATION_KEY, NEXT_CHANGE_KEY])
    next_change = values.get(NEXT_CHANGE_KEY)
    if next_change is None or (next_change and next_change <= time.time()):
        # Content scheduled for now (a post with a publish time) changes pages by itself.
        if next_change:
            page_cache_invalidate()
            values.pop(GENERATION_KEY, None)
        next_change = page_cache_reschedule()
    generation = values.get(GENERATION_KEY)
    if generation is None:
        generation = cache.get_or_set(GENERATION_KEY, _new_generation, timeout=None)
    _memo.generation, _memo.next_change = generation, next_change or 0.0
    _memo.checked_at = time.monotonic()
    return generation


def page_cache_reschedule() -> float:
    """Store when cached pages next go stale by themselves (0: nothing is scheduled)."""
    times = [when for provider in _scheduled_change_providers if (when := provider())]
    next_change = min(times).timestamp() if times else 0
    cache.set(NEXT_CHANGE_KEY, next_change, timeout=None)
    return next_change


def page_cache_invalidate() -> None:
    _memo.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


class _LocalStore:
    """A bounded least-recently-used map of this process's hottest entries."""

    def __init__(self):
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def set(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > settings.PAGE_CACHE_LOCAL_ITEMS:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


local_store = _LocalStore()


def _is_current(entry, generation: int) -> bool:
    """An entry (generation, expires at, value) still stands: same generation, not expired
    (pages also change with time alone: an event moves to the past)."""
    return entry is not None and entry[0] == generation and entry[1] > time.time()


def get_current(key: str, generation: int):
    """The value stored under `key` at `generation`, from memory or the shared cache."""
    entry = local_store.get(key)
    if not _is_current(entry, generation):
        entry = cache.get(key)
        if not _is_current(entry, generation):
            return None
        local_store.set(key, entry)
    return entry[2]


def set_current(key: str, generation: int, value) -> None:
    entry = (generation, time.time() + settings.PAGE_CACHE_SECONDS, value)
    local_store.set(key, entry)
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def local_memo(key, build: Callable):
    """`build()`'s result kept in this process's memory only (objects too costly to pickle,
    such as a survey's loaded structure) while the content generation stands."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return build()
    try:
        generation = page_cache_generation()
    except Exception:  # noqa: BLE001 - a cache outage must not take pages down
        generation = None
    if not generation:
        return build()
    entry = local_store.get(key)
    if _is_current(entry, generation):
        return entry[2]
    value = build()
    local_store.set(key, (generation, time.time() + settings.PAGE_CACHE_SECONDS, value))
    return value


def shared_object(request, key, fetch: Callable):
    """An object every anonymous visitor sees alike (the published object of a page),
    fetched once per process and content generation; signed-in users, who may see
    drafts, always fetch their own. Callers treat it as read-only."""
    if not fragments_apply(request):
        return fetch()
    return local_memo(key, fetch)


def forget_local() -> None:
    """Drop this process's copies (tests, after clearing the shared cache)."""
    local_store.clear()
    _memo.forget()


CSRF_USE_FLAGS = ("CSRF_COOKIE_NEEDS_UPDATE", "CSRF_COOKIE_USED")


def _render_tracking_csrf(request, render: Callable[[], str]) -> tuple[str, bool]:
    """render()'s HTML, and whether it asked for the visitor's CSRF token: the flags
    are cleared for the rendering (a token used earlier in the response, or a cookie
    renewal, must not hide a use inside it) and restored afterwards."""
    saved = {flag: request.META.pop(flag) for flag in CSRF_USE_FLAGS if flag in request.META}
    try:
        html = render()
        used = any(request.META.get(flag) for flag in CSRF_USE_FLAGS)
    finally:
        for flag, value in saved.items():
            request.META[flag] = request.META.get(flag) or value
    return html, used


def _uses_nonce(request, html: str) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return getattr(nonce, "_wrapped", empty) is not empty and str(nonce) in html


def fragments_apply(request) -> bool:
    """Cached fragments are shared by every anonymous visitor; signed-in users (who may
    see edit links and drafts in the same places) always get a fresh rendering."""
    if settings.PAGE_CACHE_SECONDS <= 0 or request is None:
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.VALITA_BENCH and "HTTP_X_BENCH_NO_FRAGMENTS" in request.META:
        return False  # bench/run.py measures the whole rendering with this header
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def cached_fragment(request, name: str, vary: tuple, render: Callable[[], str]) -> str:
    """The HTML `render()` gives, shared through the cache while the content generation
    stands. A rendering that used the visitor's CSRF token or the response's CSP nonce
    is never stored: it belongs to this response only."""
    key = generation = None
    if fragments_apply(request):
        try:
            generation = page_cache_generation()
            if generation:
                digest = hashlib.sha256(repr(vary).encode()).hexdigest()[:32]
                key = f"fragment:{name}:{translation.get_language()}:{digest}"
                html = get_current(key, generation)
                if html is not None:
                    return html
        except Exception:  # noqa: BLE001 - a cache outage must not take pages down
            key = None
    if key is None:
        return render()
    html, used_csrf = _render_tracking_csrf(request, render)
    if not used_csrf and not _uses_nonce(request, html):
        with contextlib.suppress(Exception):
            set_current(key, generation, html)
    return html
