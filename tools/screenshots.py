"""Screenshots of the public site at desktop width and 375 px, for reviewing the visual design.

Usage: .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--prefix after]

Builds a fresh SQLite database with the demo content in a temporary directory, starts the
development server on a free port, and writes one full-page PNG per page and width with
Debian's chromium (Playwright). Nothing is fetched from another host.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"desktop": 1280, "mobile": 375}

# Prints the path of each page to photograph, read from the demo data itself.
URLS_SCRIPT = """
from django.urls import reverse
from django.utils import translation
from events.models import Event
from projects.models import Project
from surveys.models import Survey
translation.activate("fi")
event = Event.objects.published().order_by("starts_at").last()
project = Project.objects.published().order_by("pk").first()
survey = Survey.objects.open().order_by("pk").first() or Survey.objects.order_by("pk").first()
print("home", reverse("home"))
print("event", event.get_absolute_url())
print("project", project.get_absolute_url())
print("results", reverse("reports:published"))
print("survey", survey.get_absolute_url())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return result.stdout or ""


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own local server
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--prefix", default="after", help="file name prefix, e.g. before/after")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "REDIS_URL", "SITE_URL"}
        }
        env.update(DEBUG="1", DATABASE_URL=f"sqlite:///{tmp}/screenshots.sqlite3")
        run_manage(env, "migrate", "--noinput", "-v0")
        run_manage(env, "load_demo")
        listing = run_manage(env, "shell", "-c", URLS_SCRIPT, capture=True)
        pages = [line.split(" ", 1) for line in listing.splitlines() if " /" in line]
        port = free_port()
        server = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env={**env, "PORT": str(port)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/fi/")
            chromium = shutil.which("chromium") or "/usr/bin/chromium"
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                for width_name, width in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": 900})
                    page = context.new_page()
                    for name, path in pages:
                        page.goto(base + path, wait_until="networkidle")
                        target = out / f"{args.prefix}-{name}-{width_name}.png"
                        page.screenshot(path=str(target), full_page=True)
                        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                    context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
