"""Import from CSV and XLSX: mapping, dry run, every bad row reported, all or nothing."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from projects.tests.factories import ProjectFactory
from surveys import results
from surveys.importing import responses_import
from surveys.models import Answer, Response
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


def csv_bytes(s, rows, project_header="Hanke"):
    header = [
        s["s1"].text_fi,
        s["s2"].text_sv,
        s["single"].text_fi,
        project_header,
        s["number"].text_fi,
        "Kieli",
        "Turha",
    ]
    lines = [";".join(header)] + [";".join(row) for row in rows]
    return ("\ufeff" + "\n".join(lines)).encode()


def test_dry_run_reports_and_writes_nothing(s):
    project = ProjectFactory(name_fi="Ääni kuuluviin")
    content = csv_bytes(s, [["5", "En osaa sanoa", "Kyllä", "ääni kuuluviin", "3,5", "sv", "x"]])
    report = responses_import(
        survey=s["survey"],
        content=content,
        filename="vanha.csv",
        mapping={"Hanke": f"q{s['project'].pk}"},
    )
    assert report.ok and report.rows == 1 and report.imported == 1
    assert report.unmapped == ["Turha"]
    assert not Response.objects.exists()
    report = responses_import(
        survey=s["survey"],
        content=content,
        filename="vanha.csv",
        mapping={"Hanke": f"q{s['project'].pk}"},
        dry_run=False,
    )
    response = Response.objects.get()
    assert response.project == project and response.language == "sv"
    assert Answer.objects.filter(response=response, statement=s["s2"], dont_know=True).exists()
    assert results.likert_results(s["survey"])[s["s1"].pk].mean == 5


def test_any_bad_row_imports_nothing_and_every_bad_row_is_listed(s):
    content = csv_bytes(
        s,
        [
            ["4", "2", "Ei", "", "1", "fi", ""],
            ["7", "2", "Ei", "", "1", "fi", ""],
            ["4", "2", "Ehkä", "", "kolme", "fi", ""],
        ],
    )
    report = responses_import(survey=s["survey"], content=content, filename="x.csv", dry_run=False)
    assert not report.ok
    assert [row for row, _message in report.errors] == [3, 4]  # one message per bad row
    assert any("ei ole asteikon 1–5 arvo" in m for _r, m in report.errors)
    assert not Response.objects.exists()


def test_importing_the_same_file_twice_adds_nothing(s):
    content = csv_bytes(s, [["4", "2", "Ei", "", "", "fi", ""], ["3", "", "Kyllä", "", "", "", ""]])
    first = responses_import(survey=s["survey"], content=content, filename="x.csv", dry_run=False)
    second = responses_import(survey=s["survey"], content=content, filename="x.csv", dry_run=False)
    assert (first.imported, second.imported, second.skipped_duplicates) == (2, 0, 2)
    assert Response.objects.count() == 2


def test_xlsx_and_the_command(s, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append([s["s1"].text_fi, s["multiple"].text_fi])
    sheet.append([2, f"{s['m1'].text_fi}, {s['m2'].text_fi}"])
    path = tmp_path / "vanha.xlsx"
    book.save(path)
    out = io.StringIO()
    call_command("import_survey_responses", s["survey"].slug_fi, str(path), stdout=out)
    assert "would import 1" in out.getvalue()
    assert not Response.objects.exists()
    call_command("import_survey_responses", s["survey"].slug_fi, str(path), "--commit", stdout=out)
    assert Answer.objects.filter(choice__in=[s["m1"], s["m2"]]).count() == 2


def test_command_fails_on_bad_rows(s, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(f"{s['number'].text_fi},x\nabc,1\n")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_survey_responses",
            s["survey"].slug_fi,
            str(path),
            "--commit",
            stdout=io.StringIO(),
        )
