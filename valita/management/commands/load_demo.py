from django.core.management.base import BaseCommand
from django.db import transaction

from valita.demo import DEMO_LOADERS


class Command(BaseCommand):
    help = "Loads the demo content (idempotent: running it again creates no duplicates)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for name, loader in DEMO_LOADERS:
                loader()
                self.stdout.write(f"demo: {name} loaded")
