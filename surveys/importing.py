"""Import of earlier responses from a CSV or XLSX export of another survey tool.

Columns are mapped to questions: automatically when a header is a question's or a
statement's text (in Finnish or Swedish), or explicitly ("column header" -> target):

    q<question id>                 a plain question (choice, text, number, project)
    q<question id>_<statement id>  one statement of a Likert group
    language / completed_at        the response's language and time
    (empty)                        the column is left out

Every row is read before anything is written; when any row has an error nothing is
imported and the report lists every unreadable row. A dry run only reports. Each row
gets a submission key derived from the file's content and the row number, so importing
the same file twice adds nothing the second time.
"""

import csv
import hashlib
import io
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from projects.models import Project

from .models import Answer, Question, Response, Survey
from .services import _answer_rows

DONT_KNOW_WORDS = {"en osaa sanoa", "eos", "vet inte", "dk", "don't know"}


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    skipped_duplicates: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    unmapped: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_table(content: bytes, filename: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a CSV (comma or semicolon, UTF-8) or an XLSX file."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        values = [
            ["" if cell is None else cell for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        text = content.decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        values = list(csv.reader(io.StringIO(text), dialect))
    if not values:
        return [], []
    headers = [str(h).strip() for h in values[0]]
    rows = [row for row in values[1:] if any(str(v).strip() for v in row)]
    return headers, rows


def auto_mapping(survey: Survey, headers: list[str]) -> dict[str, str]:
    targets: dict[str, str] = {}
    for question in survey.questions.prefetch_related("statements"):
        for text in (question.text_fi, question.text_sv):
            if text:
                targets[text.strip().lower()] = f"q{question.pk}"
        for statement in question.statements.all():
            for text in (statement.text_fi, statement.text_sv):
                if text:
                    targets[text.strip().lower()] = f"q{question.pk}_{statement.pk}"
    targets.update({"language": "language", "kieli": "language", "språk": "language"})
    targets.update({"completed_at": "completed_at", "aika": "completed_at", "tid": "completed_at"})
    return {h: targets[h.lower()] for h in headers if h.lower() in targets}


class _RowError(Exception):
    pass


def _value(question: Question, raw, projects: dict[str, int]):
    """One cell as the stored answer shape; None when blank."""
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return None
    if question.kind == Question.Kind.LIKERT:
        raise AssertionError("statements are read one by one")
    if question.has_choices:
        choices = {}
        for choice in question.choices.all():
            for label in (choice.text_fi, choice.text_sv):
                if label:
                    choices[label.strip().lower()] = choice.pk
        parts = (
            [text] if question.kind == Question.Kind.SINGLE else text.replace(";", ",").split(",")
        )
        ids = []
        for part in (p.strip().lower() for p in parts if p.strip()):
            if part not in choices:
                raise _RowError(
                    _("”%(value)s” ei ole kysymyksen ”%(question)s” vaihtoehto.")
                    % {"value": part, "question": question.text}
                )
            ids.append(choices[part])
        return ids[0] if question.kind == Question.Kind.SINGLE else ids
    if question.kind == Question.Kind.PROJECT:
        if text.lower() not in projects:
            raise _RowError(_("Hanketta ”%(value)s” ei tunneta.") % {"value": text})
        return projects[text.lower()]
    if question.kind == Question.Kind.NUMBER:
        try:
            number = Decimal(text.replace(",", ".").replace(" ", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or abs(number) >= 10**10:
            raise _RowError(_("”%(value)s” ei ole luku.") % {"value": text})
        return str(number)
    limit = 500 if question.kind == Question.Kind.SHORT_TEXT else 5000
    if len(text) > limit or "\x00" in text:
        raise _RowError(_("Vastaus on liian pitkä tai siinä on kelvottomia merkkejä."))
    return text


def _scale_value(question: Question, raw):
    text = str(raw).strip() if raw is not None else ""
    if not text:
        return None
    if text.lower() in DONT_KNOW_WORDS and question.allow_dont_know:
        return "dk"
    head = text.split()[0].rstrip(".,")
    if head.isdigit() and 1 <= int(head) <= question.scale_size:
        return int(head)
    raise _RowError(
        _("”%(value)s” ei ole asteikon 1–%(size)s arvo.")
        % {"value": text, "size": question.scale_size}
    )


def _completed_at(raw):
    if isinstance(raw, datetime):
        return raw if timezone.is_aware(raw) else timezone.make_aware(raw)
    text = str(raw).strip()
    parsed = parse_datetime(text)
    if parsed is None and (day := parse_date(text)) is not None:
        parsed = datetime(day.year, day.month, day.day)
    if parsed is None:
        raise _RowError(_("”%(value)s” ei ole päivämäärä.") % {"value": text})
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def responses_import(
    *,
    survey: Survey,
    content: bytes,
    filename: str,
    mapping: dict[str, str] | None = None,
    dry_run: bool = True,
) -> ImportReport:
    """Read the file, map its columns, check every row, then (unless a dry run) write."""
    report = ImportReport()
    try:
        headers, rows = read_table(content, filename)
    except Exception as error:  # noqa: BLE001 - any unreadable file is reported, not raised
        report.errors.append((0, _("Tiedostoa ei voi lukea: %(error)s") % {"error": error}))
        return report
    mapping = {**auto_mapping(survey, headers), **(mapping or {})}
    report.mapping = {h: t for h, t in mapping.items() if t and h in headers}
    report.unmapped = [h for h in headers if h not in report.mapping]
    questions = {q.pk: q for q in survey.questions.prefetch_related("statements", "choices")}
    columns = _columns(report, headers, questions)
    if report.errors:
        return report
    parsed = _parse_rows(report, survey, content, rows, columns)
    if report.errors or dry_run:
        report.imported = 0 if report.errors else len(parsed)
        return report
    _write(report, survey, parsed, list(questions.values()))
    return report


# A mapped column: (index in the row, "language" / "completed_at" / "answer", question,
# statement id of a Likert group).
Column = tuple[int, str, Question | None, int | None]


def _columns(report: ImportReport, headers: list[str], questions: dict) -> list[Column]:
    """The mapped columns; a target that names no question (or no statement) is an error."""
    columns = []
    for header, target in report.mapping.items():
        if target in ("language", "completed_at"):
            columns.append((headers.index(header), target, None, None))
            continue
        try:
            question_part, _sep, statement_part = target.removeprefix("q").partition("_")
            question = questions[int(question_part)]
            statement_id = int(statement_part) if statement_part else None
        except (KeyError, ValueError):
            report.errors.append(
                (0, _("Sarakkeen ”%(header)s” kohdetta ei löydy.") % {"header": header})
            )
            continue
        if question.is_likert and statement_id not in {s.pk for s in question.statements.all()}:
            report.errors.append(
                (0, _("Sarake ”%(header)s” pitää liittää väittämään.") % {"header": header})
            )
            continue
        columns.append((headers.index(header), "answer", question, statement_id))
    return columns


def _project_names() -> dict[str, int]:
    """Every name a project goes by (both languages, short name, slug), lower case."""
    projects: dict[str, int] = {}
    for project in Project.objects.all():
        for name in (project.name_fi, project.name_sv, project.short_name_fi, project.slug_fi):
            if name:
                projects[name.strip().lower()] = project.pk
    return projects


def _parse_rows(report, survey: Survey, content: bytes, rows, columns: list[Column]) -> list:
    """Every row as (submission key, answers, meta); an unreadable row is reported."""
    projects = _project_names()
    digest = hashlib.sha256(content).hexdigest()
    parsed = []
    for number, row in enumerate(rows, 2):  # row 1 holds the headers
        report.rows += 1
        try:
            answers, meta = _parse_row(row, columns, projects)
        except _RowError as error:
            report.errors.append((number, str(error)))
            continue
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"valita-import:{survey.pk}:{digest}:{number}")
        parsed.append((key, answers, meta))
    return parsed


def _parse_row(row, columns: list[Column], projects: dict[str, int]) -> tuple[dict, dict]:
    answers: dict = {}
    meta = {"language": "fi", "completed_at": None}
    for index, kind, question, statement_id in columns:
        raw = row[index] if index < len(row) else ""
        if kind == "language":
            language = str(raw).strip().lower()[:2] or "fi"
            if language not in ("fi", "sv"):
                raise _RowError(_("Kielen pitää olla fi tai sv."))
            meta["language"] = language
        elif kind == "completed_at":
            meta["completed_at"] = _completed_at(raw) if str(raw).strip() else None
        elif statement_id is not None:
            value = _scale_value(question, raw)
            if value is not None:
                answers.setdefault(str(question.pk), {})[str(statement_id)] = value
        else:
            value = _value(question, raw, projects)
            if value is not None:
                answers[str(question.pk)] = value
    return answers, meta


@transaction.atomic
def _write(report: ImportReport, survey: Survey, parsed: list, questions: list) -> None:
    """Save the parsed rows, skipping those an earlier import of the same file saved."""
    existing = set(
        Response.objects.filter(submission_key__in=[k for k, _a, _m in parsed]).values_list(
            "submission_key", flat=True
        )
    )
    answer_rows = []
    for key, answers, meta in parsed:
        if key in existing:
            report.skipped_duplicates += 1
            continue
        project_id = next(
            (
                answers[str(q.pk)]
                for q in questions
                if q.kind == Question.Kind.PROJECT and str(q.pk) in answers
            ),
            None,
        )
        completed = meta["completed_at"] or timezone.now()
        response = Response.objects.create(
            survey=survey,
            project_id=project_id,
            submission_key=key,
            language=meta["language"],
            started_at=completed,
            completed_at=completed,
        )
        answer_rows += _answer_rows(response, questions, answers)
        report.imported += 1
    Answer.objects.bulk_create(answer_rows)
