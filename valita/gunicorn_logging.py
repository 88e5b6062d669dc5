"""The web server's access log, without anything that could trace a person or open a link.

gunicorn's default access log records each request's full path and query string, the
client address, the referring page and the user agent. Our paths carry secrets: a survey
invitation's token, a collector link, a registration's signed cancel/offer link, a
follow-up answer link, an account invitation, allauth's email-confirmation and
password-reset keys, and "continue later" draft tokens in the query string. A log line of
an anonymous survey's answer would tie the invitee to the response's time to the second.

`PrivateAccessLogger` (set in gunicorn.conf.py) logs only: a shortened client address
(IPv4 /24, IPv6 /48), the time, the method, the path with every secret URL part replaced
by REDACTED, "?" + REDACTED instead of any query string, the status, the size and the
duration. The referrer, the user agent, request and response headers and the WSGI
environment are never available to the log format, whatever it asks for.

Which path parts are secret is read from the URLconf itself: the path is resolved (in the
language of its prefix) and the values of the keyword arguments named in SECRET_URL_KWARGS
are replaced. A path that does not resolve (a 404, a missing slash before the redirect)
has every long segment replaced, since a token may still be in it (a staff member's
password-reset page after its key was used, "<uid>-set-password", holds no secret).
"""

import ipaddress
import os
from urllib.parse import quote

from gunicorn.glogging import Logger

REDACTED = "[redacted]"
# The URL keyword arguments that carry a secret (ours and allauth's).
SECRET_URL_KWARGS = frozenset({"token", "signed", "key", "uidb36"})
# Shorter segments are never secrets here: every token, signature and key is longer.
MIN_SECRET_LENGTH = 16
# Characters kept as they are in a logged path; anything else (control characters that
# could forge a log line, spaces, non-ASCII) is percent-encoded.
SAFE_PATH_CHARACTERS = "/-._~!$&'()*+,;=:@[]"


def shorten_address(address: str | None) -> str:
    """The client's network, not the client: 192.0.2.57 -> 192.0.2.0, IPv6 to its /48."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return "-"
    prefix = 24 if ip.version == 4 else 48
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def _secret_values(path: str) -> list[str] | None:
    """The secret URL arguments of a path that resolves, else None."""
    try:
        from django.apps import apps

        if not apps.ready:
            return None
        from django.conf import settings
        from django.urls import Resolver404, resolve
        from django.utils import translation
    except ImportError:  # pragma: no cover - gunicorn without Django
        return None
    prefix = path.lstrip("/").split("/", 1)[0]
    language = prefix if prefix in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return [
        str(value) for name, value in match.kwargs.items() if name in SECRET_URL_KWARGS and value
    ]


def redact_path(path: str) -> str:
    """The path with every segment that holds a secret replaced by REDACTED."""
    path = path or "/"
    segments = path.split("/")
    if all(len(segment) < MIN_SECRET_LENGTH for segment in segments):
        return path
    secrets = _secret_values(path)
    if secrets is None:
        return "/".join(REDACTED if len(s) >= MIN_SECRET_LENGTH else s for s in segments)
    return "/".join(
        REDACTED if any(secret in segment for secret in secrets) else segment
        for segment in segments
    )


def _path_info(environ) -> str:
    """PATH_INFO as Django reads it: WSGI hands it over as latin-1, the bytes are UTF-8."""
    raw = environ.get("PATH_INFO") or "/"
    try:
        return raw.encode("latin-1").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return raw


class PrivateAccessLogger(Logger):
    """gunicorn's logger whose access-log atoms hold nothing that identifies or opens."""

    def atoms(self, resp, req, environ, request_time):
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        method = environ.get("REQUEST_METHOD", "-")
        protocol = environ.get("SERVER_PROTOCOL", "-")
        path = quote(redact_path(_path_info(environ)), safe=SAFE_PATH_CHARACTERS)
        query = REDACTED if environ.get("QUERY_STRING") else ""
        sent = getattr(resp, "sent", None)
        return {
            "h": shorten_address(environ.get("REMOTE_ADDR")),
            "l": "-",
            "u": "-",
            "t": self.now(),
            "r": f"{method} {path}{'?' + query if query else ''} {protocol}",
            "s": status,
            "m": method,
            "U": path,
            "q": query,
            "H": protocol,
            "b": str(sent) if sent is not None else "-",
            "B": sent,
            "f": "-",
            "a": "-",
            "T": request_time.seconds,
            "D": request_time.seconds * 1000000 + request_time.microseconds,
            "M": request_time.seconds * 1000 + request_time.microseconds // 1000,
            "L": f"{request_time.seconds}.{request_time.microseconds:06d}",
            "p": f"<{os.getpid()}>",
        }
