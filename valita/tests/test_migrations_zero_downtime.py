"""Releases roll out while old pods still serve: migrations expand, a later release contracts.

During a rollout the previous release's pods run against the new schema. So a migration
may add (nullable or defaulted columns, tables, indexes) but must not remove or rename
what the previous release's models read. Removing is a release of its own, after a
release whose code no longer reads the column (README, "Upgrades without downtime").
Each such contract migration is listed below with its reason; one that both adds and
removes a column (a rename, or a replacement in one step) is never silently accepted.
"""

import re
from pathlib import Path

import pytest
from django.db import migrations, models
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parents[2]

# (app label, migration name): why removing here is safe (which release stopped reading it).
CONTRACT_MIGRATIONS: dict[tuple[str, str], str] = {
    # Only tests wrote or read TaskEffect (valita/effects.py); no released code reads it.
    ("valita", "0004_remove_task_effect"): "TaskEffect was never read by released code",
}

REMOVING = (
    migrations.RemoveField,
    migrations.DeleteModel,
    migrations.RenameField,
    migrations.RenameModel,
)
DROPPING_SQL = re.compile(r"\b(DROP\s+(COLUMN|TABLE)|RENAME\s+(COLUMN|TO))\b", re.I)


def removals(migration) -> list[str]:
    """What in `migration` removes or renames something that running code may read."""
    found = []
    for operation in migration.operations:
        if isinstance(operation, REMOVING):
            found.append(operation.describe())
        elif isinstance(operation, migrations.RunSQL):
            sql = (
                operation.sql
                if isinstance(operation.sql, str)
                else " ".join(map(str, operation.sql))
            )
            if DROPPING_SQL.search(sql):
                found.append(f"RunSQL: {sql[:80]}")
    return found


def additions(migration) -> list[str]:
    return [
        operation.describe()
        for operation in migration.operations
        if isinstance(operation, migrations.AddField | migrations.CreateModel)
    ]


def project_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        module = Path(__import__(migration.__module__, fromlist=["_"]).__file__)
        if ROOT in module.parents and ".venv" not in module.parts:
            yield (app, name), migration


def test_no_migration_removes_what_the_previous_release_reads_unless_documented():
    problems = []
    for key, migration in project_migrations():
        removed = removals(migration)
        if removed and key not in CONTRACT_MIGRATIONS:
            both = " (and adds in the same step)" if additions(migration) else ""
            problems.append(f"{key[0]}.{key[1]}{both}: {'; '.join(removed)}")
    assert problems == [], (
        "Contract migrations need a release of their own (expand, then contract): "
        "split them, or document them in CONTRACT_MIGRATIONS.\n" + "\n".join(problems)
    )


def test_every_documented_exception_still_exists():
    existing = {key for key, _migration in project_migrations()}
    assert set(CONTRACT_MIGRATIONS) <= existing


def test_project_migrations_are_found():
    keys = {key for key, _migration in project_migrations()}
    assert ("valita", "0001_outbox") in keys
    assert not any(app in ("auth", "admin", "account") for app, _ in keys)


@pytest.mark.parametrize(
    "operations",
    [
        [migrations.RenameField("post", "title", "heading")],
        [
            migrations.AddField("post", "heading", models.CharField(max_length=9, default="")),
            migrations.RemoveField("post", "title"),
        ],
        [migrations.DeleteModel("post")],
        [migrations.RunSQL("ALTER TABLE blog_post DROP COLUMN title")],
    ],
)
def test_the_check_catches_a_migration_that_contracts(operations):
    migration = type("Migration", (migrations.Migration,), {"operations": operations})(
        "0099_x", "blog"
    )
    assert removals(migration)


def test_an_expanding_migration_passes():
    field = models.CharField(max_length=9, null=True)
    migration = type(
        "Migration",
        (migrations.Migration,),
        {"operations": [migrations.AddField("post", "x", field)]},
    )("0099_x", "blog")
    assert removals(migration) == []
