"""manage.py restore DIRECTORY: checks a backup, replaces the database and files with it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore, verify


class Command(BaseCommand):
    help = (
        "Restores a backup made by `manage.py backup`: checks every checksum, replaces the "
        "database and every storage root, then compares row counts and files with it."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--check", action="store_true", help="only verify the checksums")
        parser.add_argument("--yes", action="store_true", help="replace without asking")

    def handle(self, *args, directory, check, yes, **options):
        try:
            if check:
                verify(directory)
                self.stdout.write(f"{directory}: every checksum matches")
                return
            if not yes and input("This replaces the database and all files. Type yes: ") != "yes":
                raise CommandError("Nothing restored.")
            manifest = restore(directory)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"restored {directory} (made {manifest['created_at']}): "
            f"{len(manifest['tables'])} tables and every file match the backup"
        )
