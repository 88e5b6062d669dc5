"""Rate limits for the public forms (registrations, survey answers, follow-up answers).

A fixed window per client address and scope, counted in the cache. Unlike the
sign-in limits (allauth's, which fail closed), these fail OPEN: while the cache
is down a visitor can still register or answer, because losing an accepted
answer is worse than a short time without the limit. The address is the
client's behind the trusted proxies (core/client_address.py), hashed into
the key and never stored.
"""

import hashlib
import ipaddress

from django.core.cache import cache

from .client_address import client_address


def _client(request) -> str:
    """The client's address; an IPv6 client counts by its /64 network, which one
    subscriber usually holds whole (as allauth does)."""
    address = client_address(request)
    if address and ":" in address:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return address or "unknown"


def _client_key(request, scope: str) -> str:
    address = _client(request)
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
