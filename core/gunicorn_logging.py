"""The web server's access log, without anything that could trace a person or open a link.

gunicorn's default access log records each request's full path and query string, the
client address, the referring page and the user agent. Our paths carry secrets (see
core/log_privacy.py), and "continue later" draft tokens travel in the query string. A log
line of an anonymous survey's answer would tie the invitee to the response's time to the
second.

`PrivateAccessLogger` (set in gunicorn.conf.py) logs only: a shortened client address
(IPv4 /24, IPv6 /48), the time, the method, the path with every secret part replaced by
REDACTED, "?" + REDACTED instead of any query string, the status, the size and the
duration. The referrer, the user agent, request and response headers and the WSGI
environment are never available to the log format, whatever it asks for.
"""

import os
from urllib.parse import quote

from gunicorn.glogging import Logger

from core.log_privacy import REDACTED, redact_path, shorten_address

# Characters kept as they are in a logged path; anything else (control characters that
# could forge a log line, spaces, non-ASCII) is percent-encoded.
SAFE_PATH_CHARACTERS = "/-._~!$&'()*+,;=:@[]"


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
