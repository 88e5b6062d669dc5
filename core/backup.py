"""Backup and restore of everything that matters: the PostgreSQL database and every local
file storage root (media, private files, whatever settings configure).

A backup is a directory:

    database.dump        pg_dump custom format (pg_restore reads it)
    files/<root>/...     a copy of each storage root, named after its setting
    manifest.json        sha256 of every file above, the row count of every table

`restore` checks every checksum before it touches anything, replaces the database and
the storage roots, and then compares the restored row counts and file checksums with the
manifest. Static files are not backed up: collectstatic rebuilds them from the code.
Media on an object store (AWS_STORAGE_BUCKET_NAME) is backed up with the store's own
tools (bucket versioning, replication) and listed in the manifest as external.
"""

import hashlib
import json
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection

MANIFEST = "manifest.json"
DUMP = "database.dump"
FILES = "files"
NOT_BACKED_UP = {"staticfiles"}  # rebuilt by collectstatic


class BackupError(Exception):
    pass


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def storage_roots() -> tuple[dict[str, Path], list[str]]:
    """Every local file root (by name), and the storages that live elsewhere.

    Roots come from every configured storage with a local location and from every
    setting named *MEDIA_ROOT (MEDIA_ROOT, a private root beside it), so a storage
    added later is backed up without changing this module.
    """
    roots: dict[str, Path] = {}
    external: list[str] = []
    for alias in settings.STORAGES:
        if alias in NOT_BACKED_UP:
            continue
        storage = storages[alias]
        if isinstance(storage, FileSystemStorage):
            roots[alias] = Path(storage.location)
        else:
            external.append(alias)
    for name in dir(settings):
        if name.endswith("MEDIA_ROOT") and getattr(settings, name):
            roots.setdefault(name.lower(), Path(getattr(settings, name)))
    unique: dict[str, Path] = {}
    for name, path in sorted(roots.items()):
        if path.resolve() not in {p.resolve() for p in unique.values()}:
            unique[name] = path
    return unique, external


def file_checksums(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def table_row_counts() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env() -> dict[str, str]:
    if connection.vendor != "postgresql":
        raise BackupError("Backups need PostgreSQL (DATABASE_URL); SQLite is a development store.")
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, var in (("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD"), ("HOST", "PGHOST")):
        if db.get(key):
            env[var] = str(db[key])
    if db.get("PORT"):
        env["PGPORT"] = str(db["PORT"])
    return env


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def backup(destination: Path) -> dict:
    """Writes a complete backup into the new directory `destination`; returns its manifest."""
    destination.mkdir(parents=True)
    _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(destination / DUMP)])
    roots, external = storage_roots()
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database": {"file": DUMP, "sha256": sha256(destination / DUMP)},
        "tables": table_row_counts(),
        "files": {},
        "external_storages": external,
    }
    for name, root in roots.items():
        if root.exists():
            shutil.copytree(root, destination / FILES / name)
        manifest["files"][name] = file_checksums(destination / FILES / name)
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


def verify(source: Path) -> dict:
    """The manifest of the backup in `source`, once every checksum in it matches."""
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source}: no readable {MANIFEST} ({error})") from None
    if sha256(source / DUMP) != manifest["database"]["sha256"]:
        raise BackupError(f"{DUMP} does not match its checksum")
    for name, files in manifest["files"].items():
        if file_checksums(source / FILES / name) != files:
            raise BackupError(f"the files of {name} do not match their checksums")
    return manifest


def restore(source: Path) -> dict:
    """Replaces the database and the storage roots with the backup in `source`."""
    manifest = verify(source)
    roots, _external = storage_roots()
    missing = set(manifest["files"]) - set(roots)
    if missing:
        raise BackupError(f"no storage configured for {', '.join(sorted(missing))}")
    connection.close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            _pg_env()["PGDATABASE"],
            str(source / DUMP),
        ]
    )
    for name in manifest["files"]:
        root = roots[name]
        if root.exists():
            shutil.rmtree(root)
        if (source / FILES / name).exists():
            shutil.copytree(source / FILES / name, root)
        else:
            root.mkdir(parents=True)
    problems = compare(manifest)
    if problems:
        raise BackupError("restored, but it differs from the backup: " + "; ".join(problems))
    return manifest


def compare(manifest: dict) -> list[str]:
    """What the running database and storage roots lack against a manifest (empty: nothing)."""
    problems = []
    counts = table_row_counts()
    for table, count in manifest["tables"].items():
        if counts.get(table) != count:
            problems.append(f"{table}: {counts.get(table)} rows, backup has {count}")
    roots, _external = storage_roots()
    for name, files in manifest["files"].items():
        if file_checksums(roots[name]) != files:
            problems.append(f"files of {name} differ")
    return problems
