from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from surveys.importing import responses_import
from surveys.models import Survey


class Command(BaseCommand):
    help = (
        "Imports earlier responses from a CSV or XLSX export into a survey. A dry run by "
        "default: add --commit to import. Nothing is imported when any row is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("survey", help="the survey's Finnish or Swedish slug")
        parser.add_argument("file", help="a .csv or .xlsx file; the first row holds the headers")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="HEADER=TARGET",
            help="map a column: q<question id>, q<question id>_<statement id>, language, "
            "completed_at, or nothing to leave it out",
        )
        parser.add_argument("--commit", action="store_true", help="import (not a dry run)")

    def handle(self, *args, **options):
        survey = Survey.objects.by_slug(options["survey"]).first()
        if survey is None:
            raise CommandError(f"No survey {options['survey']!r}.")
        mapping = {}
        for item in options["map"]:
            header, sep, target = item.partition("=")
            if not sep:
                raise CommandError(f"--map {item!r}: write HEADER=TARGET.")
            mapping[header.strip()] = target.strip()
        path = Path(options["file"])
        report = responses_import(
            survey=survey,
            content=path.read_bytes(),
            filename=path.name,
            mapping=mapping,
            dry_run=not options["commit"],
        )
        for header, target in report.mapping.items():
            self.stdout.write(f"column {header!r} -> {target}")
        for header in report.unmapped:
            self.stdout.write(f"column {header!r} left out")
        for row, message in report.errors:
            self.stdout.write(f"row {row}: {message}")
        if not report.ok:
            raise CommandError(f"{len(report.errors)} errors: nothing was imported.")
        verb = "imported" if options["commit"] else "would import"
        self.stdout.write(
            f"{report.rows} rows read; {verb} {report.imported}; "
            f"{report.skipped_duplicates} already imported."
        )
