"""The client's address, read through the configured number of trusted proxies.

Behind the TLS proxy every request comes from the proxy (REMOTE_ADDR). Each
proxy appends the address it got the request from to X-Forwarded-For, so with
`TRUSTED_PROXY_COUNT = n` the client is the n-th entry from the right; what
stands further left was written by the client itself and is never trusted.
With 0 (the default: no proxy) the header is ignored. The portal's rate limits
(core/ratelimit.py) and allauth's (accounts/adapters.py) both ask here.
"""

import ipaddress

from django.conf import settings


def _address(value: str) -> str | None:
    """`value` as a normalised IP address (a port, as some proxies add, dropped)."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's IP address; None when the trusted value is not an address."""
    count = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if count > 0 and forwarded:
        hops = forwarded.split(",")
        # Fewer entries than proxies: the request did not come through all of them
        # (someone reached a server behind the first proxy), so nothing in it is trusted.
        if len(hops) >= count:
            return _address(hops[-count])
    return _address(request.META.get("REMOTE_ADDR", ""))
