"""CSV and XLSX of every table of the dashboard, and of the raw responses.

The aggregated tables are the very Table objects the pages show (reports.tables),
rounded by the same rule, so an export never differs from the page. The files are
written by core.exports (one dialect, formulas neutralised). The raw export is for
network coordinators only (surveys.privacy) and says so in its first row; it has no
name, email, invitation or response id (responses are numbered 1..N in order of
completion), and background values shared by fewer than five responses are blanked.
"""

from django.conf import settings
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from core import exports
from surveys import privacy
from surveys.models import DONT_KNOW_LABEL, Answer, Code, Question, Response

from . import survey_report
from .tables import Column, Table

CONTENT_TYPES = exports.CONTENT_TYPES


def sync_limit() -> int:
    """Raw exports of more responses than this run in a Celery task."""
    return getattr(settings, "REPORTS_SYNC_EXPORT_LIMIT", 2000)


def render(table: Table, fmt: str, *, notice: str = "") -> bytes:
    return exports.render(table.sheet(notice=notice), fmt)


def raw_responses_file(survey, fmt: str) -> bytes:
    """The raw responses as a file, with the confidentiality notice on top."""
    return render(raw_responses(survey), fmt, notice=privacy.raw_export_notice())


def survey_tables(survey, scope, *, project=None, by=None, other=None) -> dict[str, Table]:
    """Every aggregated table of a survey page, by slug."""
    report = survey_report.build(survey, scope, project=project)
    tables = {t.slug: t for t in report.all_tables()}
    if by:
        tables["crosstab"] = survey_report.crosstab(survey, scope, by, project=project)
    if other:
        tables["rounds"] = survey_report.round_comparison(survey, other, scope, project=project)
    feedback = survey_report.event_feedback(survey, scope)
    if feedback:
        tables["events"] = feedback
    if scope.full:
        for question in Question.objects.filter(
            survey=survey, kind__in=[Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT]
        ):
            codes = Code.objects.filter(question=question).with_counts().order_by("name")
            tables[f"themes-{question.pk}"] = Table(
                slug=f"themes-{question.pk}",
                title=_("Teemat: %(question)s") % {"question": question.text},
                columns=[Column(_("Teema")), Column(_("Vastauksia"), "int")],
                rows=[[c.name, c.answer_count] for c in codes],
            )
    return tables


def raw_responses(survey) -> Table:
    """One row per counted response, one column per statement, choice or question."""
    questions = survey_report.survey_questions(survey)
    columns, slots, background = _raw_columns(questions)
    table = Table(slug="responses", title=_("Vastaukset"), columns=columns)
    responses = (
        Response.objects.counted()
        .filter(survey=survey)
        .order_by("completed_at", "pk")
        .values_list("pk", "completed_at", "project__name", "language")
    )
    index_of = {}
    for number, (pk, completed_at, project, language) in enumerate(responses.iterator(), 1):
        row = [number, date_format(localtime(completed_at), "Y-m-d"), project or "", language]
        row += [None] * (len(columns) - len(row))
        index_of[pk] = len(table.rows)
        table.rows.append(row)
    _fill_answers(survey, questions, slots, table.rows, index_of)
    for row in table.rows:  # raw cells: empty means not answered (not "hidden")
        for i, value in enumerate(row):
            if value is None:
                row[i] = ""
    privacy.blank_small_groups(table.rows, background)
    return table


def _raw_columns(questions) -> tuple[list[Column], dict, list[int]]:
    """The columns, the column of each (question, statement/choice or None), and the
    background columns (project, language, single choices) that privacy checks."""
    columns = [
        Column(_("Vastaus"), "int"),
        Column(_("Valmis")),
        Column(_("Hanke")),
        Column(_("Kieli")),
    ]
    slots: dict = {}
    background = [2, 3]  # the response's project and language (surveys.privacy)
    for question in questions:
        if question.is_likert:
            for statement in question.statements.all():
                slots[(question.pk, statement.pk)] = len(columns)
                columns.append(Column(f"{question.text}: {statement.text}"))
        elif question.kind == Question.Kind.MULTIPLE:
            for choice in question.choices.all():
                slots[(question.pk, choice.pk)] = len(columns)
                columns.append(Column(f"{question.text}: {choice.text}", "int"))
        else:
            if question.kind in (Question.Kind.SINGLE, Question.Kind.PROJECT):
                background.append(len(columns))
            slots[(question.pk, None)] = len(columns)
            columns.append(Column(question.text))
    return columns, slots, background


def _fill_answers(survey, questions, slots: dict, rows: list, index_of: dict) -> None:
    """Put each counted answer in its response's row (`index_of`: response id -> row)."""
    choice_text = {c.pk: c.text for q in questions for c in q.choices.all()}
    kinds = {q.pk: q.kind for q in questions}
    dont_know = str(DONT_KNOW_LABEL)
    answers = (
        Answer.objects.filter(response__in=Response.objects.counted().filter(survey=survey))
        .values_list(
            "response_id",
            "question_id",
            "statement_id",
            "value",
            "dont_know",
            "choice_id",
            "project__name",
            "text",
            "number",
        )
        .order_by()
    )
    for (
        response_id,
        question_id,
        statement_id,
        value,
        dk,
        choice_id,
        project,
        text,
        number,
    ) in answers.iterator(chunk_size=5000):
        row = rows[index_of[response_id]]
        kind = kinds.get(question_id)
        if statement_id:
            row[slots[(question_id, statement_id)]] = dont_know if dk else value
        elif kind == Question.Kind.MULTIPLE:
            row[slots[(question_id, choice_id)]] = 1
        elif kind == Question.Kind.SINGLE:
            row[slots[(question_id, None)]] = choice_text.get(choice_id, "")
        elif kind == Question.Kind.PROJECT:
            row[slots[(question_id, None)]] = project or ""
        elif kind == Question.Kind.NUMBER:
            row[slots[(question_id, None)]] = number.normalize() if number is not None else None
        elif (question_id, None) in slots:
            row[slots[(question_id, None)]] = text
