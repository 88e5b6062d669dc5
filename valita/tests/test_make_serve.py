"""`make serve` never signs with the public development key unless asked to (Makefile)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _serve_plan(**env) -> str:
    """The commands `make serve` would run (make -n runs none of them)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SECRET_KEY", "VALITA_"))}
    result = subprocess.run(  # noqa: S603 - make, with fixed arguments
        [shutil.which("make"), "-n", "serve", "SERVE_KEY_FILE=.no-such-key-file"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def _gunicorn_line(plan: str) -> str:
    return next(line for line in plan.splitlines() if "gunicorn" in line)


def _server_commands(plan: str) -> list[str]:
    return [line for line in plan.splitlines() if line.startswith("DEBUG=0")]


def test_without_a_key_serve_uses_this_machines_own_key_not_the_public_one():
    plan = _serve_plan()
    assert not any("VALITA_ALLOW_DEV_KEY" in line for line in _server_commands(plan))
    assert "SECRET_KEY_FILE=.no-such-key-file" in _gunicorn_line(plan)
    assert "secrets.token_urlsafe" in plan  # the key is made on the first run
    assert "SECRET_KEY is not set" in plan  # and the person is told where it is


def test_a_key_from_the_environment_is_used_as_it_is():
    plan = _serve_plan(SECRET_KEY="from-the-environment")
    assert "SECRET_KEY_FILE" not in plan and "token_urlsafe" not in plan


def test_the_public_development_key_only_when_asked_for():
    plan = _serve_plan(VALITA_ALLOW_DEV_KEY="1")
    assert "SECRET_KEY_FILE" not in _gunicorn_line(plan)
    assert "token_urlsafe" not in plan
