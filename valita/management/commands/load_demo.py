from django.core.management.base import BaseCommand, CommandError

from valita import demo


class Command(BaseCommand):
    help = "Loads the demo content (idempotent: running it again creates no duplicates)."

    def handle(self, *args, **options):
        try:
            demo.load(report=lambda name: self.stdout.write(f"demo: {name} loaded"))
        except demo.DemoDataError as error:
            raise CommandError(str(error)) from error
