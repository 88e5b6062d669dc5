"""Rate limits for the public forms (registrations, survey answers, follow-up answers).

A fixed window per client address and scope, counted in the cache. Unlike the
sign-in limits (allauth's, which fail closed), these fail OPEN: while the cache
is down a visitor can still register or answer, because losing an accepted
answer is worse than a short time without the limit. The address is hashed
into the key and never stored.
"""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache


def _client_key(request, scope: str) -> str:
    address = get_adapter(request).get_client_ip(request) or "unknown"
    digest = hashlib.sha256(f"{scope}:{address}".encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def allow(request, scope: str, *, limit: int, period: int) -> bool:
    """Count one attempt; False when this client has made over `limit` in `period` seconds."""
    key = _client_key(request, scope)
    try:
        if cache.add(key, 1, period):
            return True
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.add(key, 1, period)
        return True
    except Exception:  # noqa: BLE001 - the cache is down: fail open (see above)
        return True
    return count <= limit
