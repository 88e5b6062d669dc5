import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from valita.settings import env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("raw,expected", [("1", True), ("true", True), ("off", False), ("", False)])
def test_env_bool_reads_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("VALITA_FLAG", raw)
    assert env_bool("VALITA_FLAG") is expected


def test_env_bool_rejects_junk(monkeypatch):
    monkeypatch.setenv("VALITA_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="VALITA_FLAG"):
        env_bool("VALITA_FLAG")


def test_env_int_rejects_junk(monkeypatch):
    monkeypatch.setenv("VALITA_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="VALITA_NUMBER"):
        env_int("VALITA_NUMBER", 1)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("VALITA_HOSTS", "a.example.org, b.example.org,")
    assert env_list("VALITA_HOSTS", []) == ["a.example.org", "b.example.org"]


def test_env_str_reads_a_secret_file(monkeypatch, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n")
    monkeypatch.setenv("VALITA_SECRET_FILE", str(secret))
    assert env_str("VALITA_SECRET") == "from-a-file"


def _import_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.pop("VALITA_ALLOW_DEV_KEY", None)
    return subprocess.run(
        [sys.executable, "-c", "import valita.settings"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_default_secret_key():
    result = _import_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    assert _import_settings(DEBUG="0", SECRET_KEY="x" * 60).returncode == 0


def test_development_runs_without_any_configuration():
    assert _import_settings(DEBUG="1").returncode == 0


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DEBUG": "0",
            "SECRET_KEY": "k3y-" + "Zq8!" * 15,
            "ALLOWED_HOSTS": "valita.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://valita.example.org",
            "SITE_URL": "https://valita.example.org",
            "EMAIL_HOST": "smtp.example.org",
            "SECURE_SSL_REDIRECT": "1",
            "SESSION_COOKIE_SECURE": "1",
            "CSRF_COOKIE_SECURE": "1",
            "VALITA_REQUIRE_MFA": "1",
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_private_files_may_not_lie_under_the_public_media_folder(tmp_path):
    result = _import_settings(
        DEBUG="1", MEDIA_ROOT=str(tmp_path / "media"), PRIVATE_MEDIA_ROOT=str(tmp_path / "media/p")
    )
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_ROOT must not lie inside MEDIA_ROOT" in result.stderr


def test_the_private_file_mode_must_be_known():
    result = _import_settings(DEBUG="1", PRIVATE_MEDIA_SERVE="sendfile")
    assert result.returncode != 0
    assert "PRIVATE_MEDIA_SERVE" in result.stderr
