"""Django's Redis cache, degraded instead of failing while Redis is unreachable.

A cache outage must not take pages down: reads miss, writes are dropped, and
after one connection error the process leaves Redis alone for `retry_after`
seconds (OPTIONS, default 5) so that pages stay fast during the outage.

`add` answers False while degraded ("someone else holds the key"). allauth's
rate limits take a lock with `add`, so they fail CLOSED: sign-in and password
reset answer "too many attempts" until Redis is back. Only staff sign in, public
pages are unaffected, and an outage (which an attacker might provoke) must not
switch off the brute-force and email-flood protection. Signed-in staff stay
signed in: sessions are `cached_db` and fall back to the database.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
# Per process and location: when the next attempt may be made.
_down_until: dict[str, float] = {}


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("retry_after", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self._location = ",".join(self._servers)

    @property
    def is_degraded(self) -> bool:
        return _down_until.get(self._location, 0) > time.monotonic()

    def _call(self, method: str, fallback, *args, **kwargs):
        if self.is_degraded:
            return fallback
        try:
            result = getattr(super(), method)(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            if self._location not in _down_until:
                logger.warning("Cache unreachable, degrading for %ss: %s", self.retry_after, error)
            _down_until[self._location] = time.monotonic() + self.retry_after
            return fallback
        if _down_until.pop(self._location, None) is not None:
            logger.warning("Cache reachable again.")
        return result

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version=version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version=version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", False, key, value, timeout, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version=version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version=version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version=version)
        if result is missing:
            raise ValueError(f"Key {key!r} not found: the cache is unavailable.")
        return result
