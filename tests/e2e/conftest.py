"""Browser tests: Playwright drives Debian's chromium against live_server, axe checks each page."""

import json
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if not Path(CHROMIUM).exists():
                item.add_marker(pytest.mark.skip(reason="Debian chromium is not installed"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def console_errors(page):
    """Every console error and CSP violation of the page; tests assert it stays empty."""
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: (
            errors.append(f"{msg.text} ({msg.location.get('url', '')})")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def _axe_source() -> str:
    import axe_playwright_python

    package = Path(axe_playwright_python.__file__).parent
    return next(package.rglob("axe.min.js")).read_text()


@pytest.fixture(scope="session")
def axe_source():
    return _axe_source()


@pytest.fixture
def axe(page, axe_source):
    """Runs axe-core on the current page (WCAG 2.1 A and AA) and fails on any violation.

    The script is evaluated rather than injected as a tag, so the site's CSP stays on.
    """

    def check(context: str = "") -> None:
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })"""
        )
        violations = [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        assert violations == [], f"axe violations {context} {page.url}:\n" + json.dumps(
            violations, indent=1, ensure_ascii=False
        )

    return check


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # live_server serves /static/ through the finders, which know no hashed names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def failed_requests(page):
    """URLs that answered 4xx/5xx while the page loaded (names the culprit of a 404)."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return failed
