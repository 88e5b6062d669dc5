"""The mixed-load run: the public pages under load while registrations arrive.

wrk requests the public pages in turn (a Lua script) while a thread posts event
registrations at about `RATE` a second for the same time. The control run is the same,
with every registration refused (the consent box left unticked, so the form answers with
its error and nothing is saved). Scoped cache generations should let the pages keep at
least 0.9 of their control figure: a registration retires its event's pages and the lists
that show events, not the whole site's cache.
"""

import http.cookiejar
import re
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench import wrk

RATE = 5.0  # registrations a second
TARGET = 0.9

LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


@dataclass
class MixedResult:
    pages: wrk.WrkResult
    attempted: int
    saved: int
    answers: dict  # HTTP status → count
    page_count: int


def registration_path() -> str:
    """The registration form of an upcoming event with registration open and room."""
    from datetime import timedelta

    from django.utils import timezone, translation

    from events.models import Event

    event = (
        Event.objects.published()
        .filter(registration_enabled=True, starts_at__gt=timezone.now() + timedelta(days=7))
        .order_by("starts_at", "pk")
        .first()
    )
    with translation.override("fi"):
        from django.urls import reverse

        return reverse("events:register", kwargs={"slug": event.slug})


class Registrant(threading.Thread):
    """Posts registrations at a steady rate until stopped (each with its own session, as
    separate visitors do: the form's CSRF token comes from a GET first)."""

    def __init__(self, base: str, path: str, *, refused: bool):
        super().__init__(daemon=True)
        self.base, self.path, self.refused = base, path, refused
        self.stop = threading.Event()
        self.attempted = 0
        self.answers: dict[int, int] = {}

    def run(self) -> None:
        next_at = time.monotonic()
        while not self.stop.is_set():
            self.register_once()
            next_at += 1 / RATE
            self.stop.wait(max(0.0, next_at - time.monotonic()))

    def register_once(self) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        url = self.base + self.path
        try:
            with opener.open(url, timeout=30) as response:
                html = response.read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            self.attempted += 1
            data = {
                "csrfmiddlewaretoken": token,
                "name": f"Kuormitus {self.attempted}",
                "email": f"kuormitus{self.attempted}-{time.time_ns()}@example.org",
                "mode": "in_person",
            }
            if not self.refused:
                data["consent"] = "on"
            request = urllib.request.Request(  # noqa: S310 - the bench's own server
                url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": url}
            )
            with opener.open(request, timeout=30) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (OSError, AttributeError):
            status = 0
        self.answers[status] = self.answers.get(status, 0) + 1


def run(base: str, paths: list[str], *, seconds: int, connections: int, threads: int, refused):
    from events.models import Registration

    script = Path(tempfile.mkdtemp(prefix="valita-mixed-")) / "pages.lua"
    script.write_text(LUA % ", ".join(f'"{path}"' for path in paths))
    before = Registration.objects.count()
    registrant = Registrant(base, registration_path(), refused=refused)
    registrant.start()
    try:
        pages = wrk.run(
            base + paths[0],
            seconds=seconds,
            connections=connections,
            threads=threads,
            script=str(script),
        )
    finally:
        registrant.stop.set()
        registrant.join(timeout=60)
    saved = Registration.objects.count() - before
    return MixedResult(pages, registrant.attempted, saved, dict(registrant.answers), len(paths))
