"""Secrets and identifiers out of every log line: one redaction for the web server's
access log (core/gunicorn_logging.py) and Django's own request log ("Not Found: <path>").

Our paths carry secrets: a survey invitation's token, a collector link, a registration's
signed cancel/offer link, a follow-up answer link, an account invitation, allauth's
email-confirmation and password-reset keys. Which path parts are secret is read from the
URLconf itself: the path is resolved (in the language of its prefix) and every segment
holding the value of a keyword argument named in SECRET_URL_KWARGS is replaced. A path
that does not resolve (a 404, a missing slash before the redirect) has every long segment
replaced, since a token may still be in it (a staff member's password-reset page after its
key was used, "<uid>-set-password", holds no secret).
"""

import ipaddress
import logging

REDACTED = "[redacted]"
# The URL keyword arguments that carry a secret (ours and allauth's).
SECRET_URL_KWARGS = frozenset({"token", "signed", "key", "uidb36"})
# Shorter segments are never secrets here: every token, signature and key is longer.
MIN_SECRET_LENGTH = 16


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


class RedactRequestPaths(logging.Filter):
    """Django's request and security log records name the request's path: redact it."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is None:
            return True
        if isinstance(record.args, tuple):
            record.args = tuple(
                redact_path(arg) if isinstance(arg, str) and arg.startswith("/") else arg
                for arg in record.args
            )
        # A formatter that writes every attribute (the JSON lines) would print the
        # request's repr, path and all: what is left of it is its method and redacted path.
        path = getattr(request, "path", None)
        if isinstance(path, str):
            record.request = f"{getattr(request, 'method', '')} {redact_path(path)}".strip()
        return True
