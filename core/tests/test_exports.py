"""core.exports: one dialect for every CSV and XLSX, safe against formulas and control chars."""

import ast
import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from core import exports

HOSTILE = ["=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")']


def _csv(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(content: bytes):
    return load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize("value", HOSTILE)
def test_a_formula_is_text_in_both_formats(value):
    sheet = exports.Sheet(title="t", header=[value], rows=[[value, "ok"]])
    (header,), (cell, ok) = _csv(exports.render(sheet, "csv"))
    assert header == cell == "'" + value and ok == "ok"
    ws = _xlsx(exports.render(sheet, "xlsx"))
    expected = "'" + value.replace("\r", "\n")  # XML reads a raw CR back as LF
    assert ws["A1"].value == ws["A2"].value == expected
    assert ws["A2"].data_type == "s"


def test_control_characters_are_removed_instead_of_failing():
    sheet = exports.Sheet(
        title="t\x07", header=["Nimi"], rows=[["Bell\x07Name"], ["a\x00b\x1bc\ufffe"], ["x\ty\nz"]]
    )
    ws = _xlsx(exports.render(sheet, "xlsx"))
    assert [ws.cell(row=r, column=1).value for r in (2, 3, 4)] == ["BellName", "abc", "x\ty\nz"]
    rows = _csv(exports.render(sheet, "csv"))
    assert [r[0] for r in rows[1:]] == ["BellName", "abc", "x\ty\nz"]


def test_one_csv_dialect_semicolons_bom_and_decimal_comma():
    sheet = exports.Sheet(
        title="t",
        header=["a", "b", "c", "d"],
        rows=[[Decimal("3.63"), 12, -0.5, "Åsa; Öberg"]],
    )
    content = exports.render(sheet, "csv")
    assert content.decode("utf-8-sig").splitlines()[1] == '3,63;12;-0,5;"Åsa; Öberg"'
    assert _csv(content)[1] == ["3,63", "12", "-0,5", "Åsa; Öberg"]


def test_numbers_stay_numbers_in_xlsx():
    sheet = exports.Sheet(
        title="t",
        header=["a", "b", "c", "d"],
        rows=[[Decimal("3.63"), 12, Decimal("-0.13"), Decimal("13")]],
        number_formats={0: "0.00", 3: '0" %"'},
    )
    ws = _xlsx(exports.render(sheet, "xlsx"))
    a, b, c, d = (ws.cell(row=2, column=i) for i in range(1, 5))
    assert (a.value, b.value, c.value, d.value) == (3.63, 12, -0.13, 13)
    assert all(cell.data_type == "n" for cell in (a, b, c, d))
    assert a.number_format == "0.00" and d.number_format == '0" %"'


def test_notice_comes_first_in_both_formats():
    sheet = exports.Sheet(title="t", header=["h"], rows=[["v"]], notice="Luottamuksellinen.")
    assert _csv(exports.render(sheet, "csv")) == [["Luottamuksellinen."], ["h"], ["v"]]
    ws = _xlsx(exports.render(sheet, "xlsx"))
    assert list(ws.iter_rows(values_only=True)) == [
        ("Luottamuksellinen.",),
        ("h",),
        ("v",),
    ]


def test_sheet_titles_excel_refuses_are_cleaned():
    assert exports.sheet_title("Kysely: 1/2 [x]?" + "y" * 40) == "Kysely  1 2  x  " + "y" * 15
    assert exports.sheet_title("\x07") == "data"


def test_the_helper_imports_no_feature_app():
    tree = ast.parse(Path(exports.__file__).read_text())
    modules = {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert modules.isdisjoint(
        {"events", "blog", "surveys", "reports", "practices", "projects", "search"}
    )


def test_every_export_in_the_portal_goes_through_the_helper():
    """No module but core/exports.py writes CSV or XLSX (readers, the import, are fine)."""
    helper = Path(exports.__file__).resolve()
    root = helper.parent.parent
    apps = [d for d in root.iterdir() if (d / "__init__.py").exists() and d.name != "tests"]
    writers = []
    for path in (p for app in apps for p in app.rglob("*.py")):
        if path == helper or "tests" in path.relative_to(root).parts:
            continue
        text = path.read_text()
        if "csv.writer" in text or "Workbook(" in text or "text/csv" in text:
            writers.append(str(path.relative_to(root)))
    assert writers == []
