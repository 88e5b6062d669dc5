"""Scoped content generations, and the two-tier store of cached whole pages.

Public content is grouped in scopes (`SCOPES`): one per content app, plus "results" for
the published survey results. Each scope has a generation number in the shared cache.
A saved row retires the scopes it shows in (core.signals: its app's scope, or none for
rows that no page shows, `page_cache_exempt`, or what its `content_scopes()` names),
once per transaction, at commit. A page says which scopes it shows (`shows`, a view
decorator); whatever it does not declare shows everything. One object's page may also
show an object scope ("event:42", `shows_object`) that rows about that object alone
retire: a registration changes only its event's page (its places), never a list, so it
retires "event:42" and nothing else. A cached page or fragment is used only while the
generations of its own scopes stand.

Pages live in the shared cache (Redis) and, for the hottest, in a small per-process
memory in front of it, so that a cached page costs no network round trip at all. Each
process reads the generations from the shared cache at most once per
`PAGE_CACHE_GENERATION_CHECK_SECONDS` (default 1): an edit made in this process shows at
once, one made in another process within that time. Fragments of a page are cached with
Django's `{% cache %}` tag, keyed on `content_version` (core.context_processors).
"""

import functools
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils.functional import SimpleLazyObject

# "projects" holds the projects and themes, which show on nearly every page.
SCOPES = ("projects", "events", "blog", "practices", "surveys", "results")
# The scope each content app's rows show in (core.signals).
APP_SCOPES = {
    "projects": "projects",
    "events": "events",
    "blog": "blog",
    "practices": "practices",
    "surveys": "surveys",
    "reports": "results",
}
GENERATION_PREFIX = "content-generation:"
NEXT_CHANGE_KEY = "content-generation:next-changes"

_scheduled_changes: list[tuple[Callable, tuple[str, ...]]] = []


def register_scheduled_change(provider: Callable, *, scopes: tuple[str, ...]) -> Callable:
    """Content that changes at a set time (a post or event with a publish time): `provider`
    returns the next such datetime or None, and `scopes` are retired when it comes."""
    _scheduled_changes.append((provider, tuple(scopes)))
    return provider


def _key(scope: str) -> str:
    return GENERATION_PREFIX + scope


def _new_generation() -> int:
    # Random, not 1: after the shared cache loses its keys (a Redis restart), the new
    # generation must not match entries that a process still holds in memory.
    return secrets.randbits(62) + 1


class _GenerationMemo:
    """This process's copy of the generations and of the next scheduled change."""

    def __init__(self):
        self.generations: dict[str, int] | None = None
        self.next_change: float = 0.0
        self.checked_at = float("-inf")

    def forget(self) -> None:
        self.generations, self.checked_at = None, float("-inf")

    def fresh(self) -> bool:
        if self.generations is None:
            return False
        if self.next_change and self.next_change <= time.time():
            return False
        return time.monotonic() - self.checked_at < settings.PAGE_CACHE_GENERATION_CHECK_SECONDS


_memo = _GenerationMemo()
_object_memo: dict[str, tuple[int, float]] = {}  # object scope → (generation, read at)


def current_generations() -> dict[str, int] | None:
    """Every scope's generation (None while the shared cache is unreachable)."""
    if _memo.fresh():
        return _memo.generations
    values = cache.get_many([*map(_key, SCOPES), NEXT_CHANGE_KEY])
    next_changes = values.pop(NEXT_CHANGE_KEY, None)
    if next_changes is None or _due(next_changes):
        # Content scheduled for now (a post with a publish time) changes pages by itself.
        due = _due(next_changes or {})
        if due:
            _advance(due)
            values = {
                key: value
                for key, value in values.items()
                if key[len(GENERATION_PREFIX) :] not in due
            }
        next_changes = reschedule()
    missing = [scope for scope in SCOPES if _key(scope) not in values]
    if missing:
        for scope in missing:
            cache.add(_key(scope), _new_generation(), timeout=None)
        values.update(cache.get_many([_key(scope) for scope in missing]))
        if any(_key(scope) not in values for scope in missing):
            return None  # the shared cache is unreachable
    _memo.generations = {scope: values[_key(scope)] for scope in SCOPES}
    _memo.next_change = min(next_changes.values(), default=0.0)
    _memo.checked_at = time.monotonic()
    return _memo.generations


def _due(next_changes: dict[str, float]) -> set[str]:
    now = time.time()
    return {scope for scope, when in next_changes.items() if when and when <= now}


def reschedule() -> dict[str, float]:
    """Store when each scope next goes stale by itself (scheduled content)."""
    next_changes: dict[str, float] = {}
    for provider, scopes in _scheduled_changes:
        if when := provider():
            for scope in scopes:
                stamp = when.timestamp()
                next_changes[scope] = min(next_changes.get(scope, stamp), stamp)
    cache.set(NEXT_CHANGE_KEY, next_changes, timeout=None)
    return next_changes


def generations_of(scopes: Iterable[str]) -> dict[str, int] | None:
    """The generations of `scopes`, object scopes ("event:42") too; None while the shared
    cache is unreachable. Object scopes are read at most once a check interval as well."""
    fixed = current_generations()
    if fixed is None:
        return None
    wanted = [scope for scope in scopes if scope not in fixed]
    if not wanted:
        return fixed
    now = time.monotonic()
    interval = settings.PAGE_CACHE_GENERATION_CHECK_SECONDS
    known = {
        scope: memo[0]
        for scope in wanted
        if (memo := _object_memo.get(scope)) and now - memo[1] < interval
    }
    missing = [scope for scope in wanted if scope not in known]
    if missing:
        values = cache.get_many([_key(scope) for scope in missing])
        for scope in missing:
            if _key(scope) not in values:
                cache.add(_key(scope), _new_generation(), timeout=None)
                values[_key(scope)] = cache.get(_key(scope))
            if values[_key(scope)] is None:
                return None
            known[scope] = values[_key(scope)]
            _object_memo[scope] = (known[scope], now)
    return {**fixed, **known}


def generation_now(scope: str) -> int | None:
    """`scope`'s generation as the shared cache holds it now, not this process's copy (which
    may lag another process's change by a check interval); None while it is unreachable.
    For what must change the moment a retirement commits: one cache read each call."""
    value = cache.get(_key(scope))
    if value is None:
        cache.add(_key(scope), _new_generation(), timeout=None)
        value = cache.get(_key(scope))
    return value


def shows_object(request, scope: str) -> None:
    """The page also shows `scope`, one object's scope ("event:42"), read now: before the
    page is rendered, so that a change committed meanwhile retires what is rendered."""
    request.content_scopes = (*scopes_of(request), scope)
    try:
        generations = generations_of((scope,))
    except Exception:  # noqa: BLE001 - a cache outage must not take pages down
        generations = None
    if generations is not None:  # else the page is not stored (versions_of)
        request.object_generations = {
            **getattr(request, "object_generations", {}),
            scope: generations[scope],
        }


def retire(*scopes: str) -> None:
    """Retire every cached page and fragment that shows one of `scopes` (all: none given);
    a scope with scheduled content has its next change reckoned again (a publish time may
    have moved), here in the saving request rather than in a reader's."""
    scopes = scopes or SCOPES
    _advance(scopes)
    if any(set(scopes) & set(scheduled) for _provider, scheduled in _scheduled_changes):
        reschedule()


def _advance(scopes: Iterable[str]) -> None:
    _memo.forget()
    for scope in scopes:
        _object_memo.pop(scope, None)
        try:
            cache.incr(_key(scope))
        except ValueError:
            cache.set(_key(scope), _new_generation(), timeout=None)


class _Retirement:
    """The scopes a transaction changed, retired once when it commits."""

    def __init__(self, scopes: Iterable[str]):
        self.scopes = set(scopes)

    def __call__(self) -> None:
        quietly_retire(*self.scopes)


def retire_at_commit(scopes: Iterable[str]) -> None:
    """Retire `scopes` when the current transaction commits (now, outside one), once per
    transaction however many rows it saves. Not before: a page rendered meanwhile from the
    old rows is stored under the old generation, which the commit then retires."""
    scopes = set(scopes)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        quietly_retire(*scopes)
        return
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, _Retirement):
            callback.scopes |= scopes
            return
    transaction.on_commit(_Retirement(scopes))


def quietly_retire(*scopes: str) -> None:
    """retire(), and nothing while the cache is down: cached entries then expire by themselves."""
    try:
        retire(*scopes)
    except Exception:  # noqa: BLE001 - a cache outage must not fail a save
        _memo.forget()


def shows(*scopes: str):
    """View decorator: the page shows content of these scopes only ("projects", which names
    the projects on nearly every page, is always one). Its cached copy and its `{% cache %}`
    fragments are retired only when one of them changes."""
    declared = tuple(dict.fromkeys(("projects", *scopes)))
    unknown = set(declared) - set(SCOPES)
    if unknown:
        raise ValueError(f"Unknown content scopes: {sorted(unknown)}")

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            request.content_scopes = declared
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def scopes_of(request) -> tuple[str, ...]:
    return getattr(request, "content_scopes", SCOPES)


def versions_of(request, generations: dict[str, int]) -> tuple | None:
    """The generations the request's page depends on, as stored with it: those read before
    the page was rendered (`generations`, and its object scopes' from `shows_object`).
    None when one of them could not be read: the page is then not stored."""
    known = {**generations, **getattr(request, "object_generations", {})}
    if any(scope not in known for scope in scopes_of(request)):
        return None
    return tuple((scope, known[scope]) for scope in scopes_of(request))


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


def _is_current(entry) -> bool:
    """An entry (versions, expires at, value) still stands: its scopes' generations are
    current, and it has not expired (pages also change with time alone: an event moves to
    the past)."""
    if entry is None or entry[1] <= time.time():
        return False
    generations = generations_of(scope for scope, _generation in entry[0])
    if generations is None:
        return False
    return all(generations.get(scope) == generation for scope, generation in entry[0])


def get_current(key: str):
    """The value stored under `key` while its scopes' generations stand, from memory or
    the shared cache."""
    entry = local_store.get(key)
    if not _is_current(entry):
        entry = cache.get(key)
        if not _is_current(entry):
            return None
        local_store.set(key, entry)
    return entry[2]


def set_current(key: str, versions: tuple, value) -> None:
    entry = (versions, time.time() + settings.PAGE_CACHE_SECONDS, value)
    local_store.set(key, entry)
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def local_memo(key, scope: str, build: Callable):
    """`build()`'s result kept in this process's memory only (objects too costly to pickle,
    such as a survey's loaded structure) while `scope`'s generation stands."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return build()
    try:
        generations = current_generations()
    except Exception:  # noqa: BLE001 - a cache outage must not take pages down
        generations = None
    if not generations:
        return build()
    versions = ((scope, generations[scope]),)
    entry = local_store.get(key)
    if _is_current(entry) and entry[0] == versions:
        return entry[2]
    value = build()
    local_store.set(key, (versions, time.time() + settings.PAGE_CACHE_SECONDS, value))
    return value


def shared_with_visitors(request, key, scope: str, fetch: Callable):
    """`fetch()`'s result (a page's published object), kept in this process for anonymous
    readers while `scope`'s generation stands: the one query a page whose fragments are all
    cached would still make. Signed-in users, who may see drafts, fetch their own. Callers
    treat it as read-only."""
    user = getattr(request, "user", None)
    if request.method not in ("GET", "HEAD") or (user is not None and user.is_authenticated):
        return fetch()
    return local_memo(key, scope, fetch)


def forget_local() -> None:
    """Drop this process's copies (tests, after clearing the shared cache)."""
    local_store.clear()
    _object_memo.clear()
    caches["template_fragments"].clear()
    _memo.forget()


def deferred(build: Callable[[], dict], *names: str) -> dict:
    """Template context whose values are computed only when a template first uses one of
    them, all from a single call of `build()`: inside a `{% cache %}` block that is served
    from the cache, no query runs at all."""
    once = functools.cache(functools.partial(_checked, build, frozenset(names)))
    return {name: SimpleLazyObject(functools.partial(_item, once, name)) for name in names}


def _checked(build: Callable[[], dict], names: frozenset) -> dict:
    values = build()
    if unnamed := set(values) - names:  # a value nobody named would vanish silently
        raise ValueError(f"deferred() was not told of {sorted(unnamed)}")
    return values


def _item(build: Callable[[], dict], name: str):
    return build().get(name)
