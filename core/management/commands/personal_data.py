"""Export or erase one person's data from the command line, as the admin page does.

`--actor` names the account of the one who runs it, and must be someone who may do
the same in the admin (a network coordinator or superuser): the access log then says
who did it, whose data it was and which command. The operating-system user is no
substitute: in a container it is the same for everyone (usually root).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import personal_data
from core.access_log import log_access
from core.roles import is_network_coordinator


class Command(BaseCommand):
    help = "Export (JSON) or erase everything the portal holds about one email address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--actor",
            required=True,
            help="Your own account's email (a network coordinator or superuser); logged.",
        )
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--export", action="store_true", help="Write the JSON to stdout.")
        group.add_argument("--erase", action="store_true", help="Anonymise in one transaction.")
        parser.add_argument("--output", help="Write the export to this file instead.")

    def handle(self, *args, email, actor, export, erase, output=None, **options):
        if "@" not in (email or ""):
            raise CommandError("--email needs an email address.")
        who = self._actor(actor)
        command = f"manage.py personal_data --{'export' if export else 'erase'}"
        if export:
            data = personal_data.export_json(email)
            log_access(who, "personal_data.export", subject=email, path=command)
            if output:
                with open(output, "w", encoding="utf-8") as out:
                    out.write(data + "\n")
            else:
                self.stdout.write(data)
            return
        changed = personal_data.erase_person(email)
        log_access(who, "personal_data.erase", subject=email, path=command)
        for name, rows in changed.items():
            self.stdout.write(f"{name}: {rows}")

    @staticmethod
    def _actor(email: str):
        user = (
            get_user_model()
            .objects.filter(email__iexact=personal_data.normalise(email), is_active=True)
            .first()
        )
        if user is None or not is_network_coordinator(user):
            raise CommandError(
                "--actor must be the email of an active network coordinator or superuser."
            )
        return user
