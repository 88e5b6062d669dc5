"""manage.py backup DIRECTORY: database dump, every storage root, a manifest of checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup


class Command(BaseCommand):
    help = "Backs up the database (pg_dump) and every file storage root into a new directory."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="a directory that does not exist yet")

    def handle(self, *args, directory, **options):
        if directory.exists():
            raise CommandError(f"{directory} exists already: give a new directory.")
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        files = sum(len(f) for f in manifest["files"].values())
        self.stdout.write(
            f"backup in {directory}: {len(manifest['tables'])} tables, {files} files"
            + (
                f"; on their own store: {', '.join(manifest['external_storages'])}"
                if manifest["external_storages"]
                else ""
            )
        )
