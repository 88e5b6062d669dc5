"""Registrations as CSV and XLSX for the coordinators of the event."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook


def _rows(registrations):
    yield [
        _("Nimi"),
        _("Sähköpostiosoite"),
        _("Organisaatio"),
        _("Osallistumistapa"),
        _("Tila"),
        _("Saavutettavuus- tai ruokavaliotarpeet"),
        _("Kieli"),
        _("Ilmoittautunut"),
        _("Osallistui"),
    ]
    for registration in registrations:
        attended = {True: _("kyllä"), False: _("ei"), None: ""}[registration.attended]
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            registration.get_mode_display(),
            registration.get_status_display(),
            registration.needs,
            registration.language,
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            attended,
        ]


def _safe(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet program.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def registrations_csv(event, registrations) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in _rows(registrations):
        writer.writerow([_safe(str(cell)) for cell in row])
    # The BOM makes Excel read UTF-8 (ä, ö, å) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def registrations_xlsx(event, registrations) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Ilmoittautuneet")[:31]
    for row in _rows(registrations):
        sheet.append([_safe(str(cell)) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
