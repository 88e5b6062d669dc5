from datetime import timedelta

from django.core.management.base import BaseCommand

from core import outbox


class Command(BaseCommand):
    help = "Hand the pending outbox messages to Celery now (the beat does it every minute)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--inline", action="store_true", help="Run them in this process instead."
        )

    def handle(self, *args, inline=False, **options):
        if inline:
            count = outbox.run_pending_inline()
        else:
            count = outbox.dispatch_pending(grace=timedelta(0))
        self.stdout.write(str(count))
