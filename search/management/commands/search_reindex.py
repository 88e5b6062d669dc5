from django.core.management.base import BaseCommand

from search.indexing import reindex


class Command(BaseCommand):
    help = "Rebuild the site search documents (after a bulk import; saves keep them current)."

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help="practice, project, event, theme, …")

    def handle(self, *args, kinds, **options):
        count = reindex(kinds or None)
        self.stdout.write(f"{count} objects indexed.")
