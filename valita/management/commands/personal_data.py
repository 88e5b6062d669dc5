from django.core.management.base import BaseCommand, CommandError

from valita import personal_data
from valita.access_log import log_access


class Command(BaseCommand):
    help = "Export (JSON) or erase everything the portal holds about one email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", action="store_true", help="Write the JSON to stdout.")
        group.add_argument("--erase", action="store_true", help="Anonymise in one transaction.")
        parser.add_argument("--output", help="Write the export to this file instead.")

    def handle(self, *args, email, export, erase, output=None, **options):
        if "@" not in (email or ""):
            raise CommandError("--email needs an email address.")
        if export:
            data = personal_data.export_json(email)
            log_access(None, "personal_data.export")
            if output:
                with open(output, "w", encoding="utf-8") as out:
                    out.write(data + "\n")
            else:
                self.stdout.write(data)
            return
        changed = personal_data.erase_person(email)
        log_access(None, "personal_data.erase")
        for name, rows in changed.items():
            self.stdout.write(f"{name}: {rows}")
