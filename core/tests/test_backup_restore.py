"""Restore drill: demo data and files backed up, the database dropped and the files lost,
restored, and every table's row count and every stored file's checksum compared."""

import shutil

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import connection

from core import backup as backups
from core.models import AccessLog

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the restore drill needs PostgreSQL (pg_dump, pg_restore): set DATABASE_URL")


@pytest.fixture
def file_roots(settings, tmp_path):
    """Media and a private root in throwaway directories (as many roots as production has)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    private = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    private["OPTIONS"] = {"location": str(tmp_path / "private")}
    settings.STORAGES = {**settings.STORAGES, "private": private}
    default_storage.save("blog/covers/kansi.jpg", ContentFile(b"\xff\xd8 cover bytes"))
    default_storage.save("events/materials/diat.pdf", ContentFile(b"%PDF-1.7 slides"))
    storages["private"].save("exports/2026/12/vastaukset.csv", ContentFile("a;b\n1;2\n"))
    return [tmp_path / "media", tmp_path / "private"]


def _drop_and_recreate_database():
    name = connection.settings_dict["NAME"]
    connection.close()
    env = backups._pg_env()
    with psycopg.connect(
        dbname="postgres",
        user=env.get("PGUSER"),
        password=env.get("PGPASSWORD"),
        host=env.get("PGHOST"),
        port=env.get("PGPORT"),
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def test_a_backup_restores_every_row_and_every_file(postgres, file_roots, tmp_path):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rows_before = backups.table_row_counts()
    roots, _external = backups.storage_roots()
    files_before = {name: backups.file_checksums(root) for name, root in roots.items()}
    assert sum(rows_before.values()) > 100
    assert files_before["default"] and files_before["private"]

    call_command("backup", str(tmp_path / "backup"), stdout=open("/dev/null", "w"))  # noqa: SIM115

    _drop_and_recreate_database()
    for root in file_roots:
        shutil.rmtree(root)
    assert backups.table_row_counts() == {}  # really gone

    call_command("restore", str(tmp_path / "backup"), "--yes", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert backups.table_row_counts() == rows_before
    assert {name: backups.file_checksums(root) for name, root in roots.items()} == files_before


def test_a_damaged_backup_is_refused_before_anything_is_replaced(postgres, file_roots, tmp_path):
    backups.backup(tmp_path / "backup")
    damaged = next((tmp_path / "backup" / "files" / "private").rglob("*.csv"))
    damaged.write_text("a;b\n1;666\n")
    rows_before = backups.table_row_counts()
    with pytest.raises(backups.BackupError, match="private"):
        backups.restore(tmp_path / "backup")
    assert backups.table_row_counts() == rows_before


def test_the_comparison_notices_a_lost_row_and_a_lost_file(postgres, file_roots, tmp_path):
    row = AccessLog.objects.create(what="restore-drill")
    manifest = backups.backup(tmp_path / "backup")
    assert backups.compare(manifest) == []
    row.delete()
    default_storage.delete("events/materials/diat.pdf")
    problems = backups.compare(manifest)
    assert "valita_accesslog: 0 rows, backup has 1" in problems
    assert "files of default differ" in problems


def test_storage_roots_cover_every_local_storage_but_not_static_files(file_roots, settings):
    roots, external = backups.storage_roots()
    assert roots["default"] == settings.MEDIA_ROOT
    assert str(roots["private"]) == settings.STORAGES["private"]["OPTIONS"]["location"]
    assert "staticfiles" not in roots and external == []
