"""Spreadsheet files: every CSV and XLSX the portal hands out is written here.

    from core import exports

    sheet = exports.Sheet(title=_("Ilmoittautuneet"), header=[...], rows=[[...], ...])
    return exports.attachment(exports.render(sheet, "xlsx"), "xlsx", filename="tapahtuma")

One dialect for every export (survey responses, registrations, dashboard tables, metrics):

- CSV is semicolon-separated UTF-8 with a byte order mark and a decimal comma, which is
  what Excel opens directly on a Finnish or Swedish (Finland) desktop.
- XLSX keeps numbers as numbers (int, Decimal, float), with a number format per column.
- A text cell that a spreadsheet program would take as a formula (it begins with
  = + - @, a tab or a carriage return) gets a leading apostrophe, in both formats.
- Characters XML cannot hold (control characters other than tab and line breaks) are
  removed from text, in both formats, instead of failing the whole file.

Rounding is not done here: callers pass figures already rounded by their own rule.
This module is infrastructure and imports no feature app.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FORMATS = tuple(CONTENT_TYPES)

# XML 1.0 (the inside of an XLSX) allows tab, LF and CR but no other C0 control
# character, no lone surrogate and neither U+FFFE nor U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass
class Sheet:
    """One table: a header row, data rows and how XLSX shows its number columns.

    `number_formats` maps a column index (0-based) to an Excel number format.
    `notice` (optional) is a sentence put above the header, in both formats.
    """

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]
    number_formats: dict[int, str] = field(default_factory=dict)
    notice: str = ""
    first_column_width: int = 40
    column_width: int = 14


def clean_text(value: str) -> str:
    """Text as a spreadsheet may hold it: no unwritable character, never a formula."""
    value = _UNWRITABLE.sub("", value)
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _is_number(value) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _xlsx_value(value):
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        # Excel holds doubles; an already rounded Decimal (3.63) keeps its digits.
        return int(value) if value == value.to_integral_value() else float(value)
    if _is_number(value) or isinstance(value, date | datetime):
        return value
    return clean_text(str(value))


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value))


def to_csv(sheet: Sheet) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if sheet.notice:
        writer.writerow([_csv_value(sheet.notice)])
    writer.writerow([_csv_value(label) for label in sheet.header])
    for row in sheet.rows:
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = _SHEET_TITLE_FORBIDDEN.sub(" ", _UNWRITABLE.sub("", title)).strip(" '")
    return cleaned[:31] or "data"


def to_xlsx(sheet: Sheet) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet_title(sheet.title)
    if sheet.notice:
        ws.append([_xlsx_value(sheet.notice)])
        ws.cell(row=1, column=1).font = Font(bold=True)
    header_row = ws.max_row + 1 if sheet.notice else 1
    ws.append([_xlsx_value(label) for label in sheet.header])
    for row in sheet.rows:
        ws.append([_xlsx_value(value) for value in row])
    for index, number_format in sheet.number_formats.items():
        column = index + 1
        for (cell,) in ws.iter_rows(min_row=header_row + 1, min_col=column, max_col=column):
            if _is_number(cell.value):
                cell.number_format = number_format
    for index in range(1, len(sheet.header) + 1):
        width = sheet.first_column_width if index == 1 else sheet.column_width
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render(sheet: Sheet, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(sheet)
    if fmt == "xlsx":
        return to_xlsx(sheet)
    raise ValueError(f"unknown export format {fmt!r}")


def attachment(content: bytes, fmt: str, *, filename: str) -> HttpResponse:
    """A rendered file as a download made in the request (`filename` without extension)."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
