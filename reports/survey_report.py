"""One survey's results for the dashboard, built from a fixed number of aggregate queries.

Every figure comes from surveys/results.py (GROUP BY in the database); this module
only arranges the grouped rows into Tables and charts, applies the user's scope
(project coordinators see other projects only in the network totals) and hides every
figure of a group under the small-cell limit, the network totals included
(surveys.privacy.small_cell), and every figure that would give a hidden one away by
subtraction from its total (surveys.privacy.complementary_hidden): per table row, and for
the projects across the whole report (covered_projects).
"""

import contextlib
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Max, Prefetch
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.content_cache import current_generations, generation_now
from events.models import Event
from projects.models import Project
from surveys import results
from surveys.models import (
    DONT_KNOW_LABEL,
    Choice,
    Collector,
    Question,
    Statement,
    Survey,
    responses_scope,
)
from surveys.privacy import complementary_hidden, small_cell

from . import charts
from .access import Scope
from .tables import Column, Table


@dataclass
class LikertGroup:
    question: Question
    rows: list  # [(statement, StatementResult | None)]
    table: Table
    chart: str


@dataclass
class SurveyReport:
    survey: Survey
    project: Project | None
    total: int
    hidden: bool  # the group (the network or the filtered project) is under the limit
    # The filtered project is hidden, though large enough, to cover a smaller group.
    covered: bool = False
    likert_groups: list[LikertGroup] = field(default_factory=list)
    choice_tables: list[Table] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    per_day_chart: str = ""

    def all_tables(self) -> list[Table]:
        return [
            *self.tables.values(),
            *(g.table for g in self.likert_groups),
            *self.choice_tables,
        ]


CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class Figures:
    """Everything the report computes from the counted responses of (survey, project)."""

    likert: dict
    choices: dict
    per_day: list
    # The network's {project_id: count} (no names: they are read in the viewer's language);
    # computed only when project is None.
    project_counts: dict | None


def figures_stamp(survey: Survey) -> str | None:
    """What the survey's cached figures are keyed on; None while the shared cache is
    unreachable (nothing is cached then). It changes with every counted response, deletion,
    erasure or change of which responses count, and costs no count of the responses:

    - the generation of the survey's responses (surveys.models.responses_scope), read from
      the shared cache itself: every saved or deleted response, and every change of them
      in bulk, retires it when it commits;
    - the id of the newest counted response (one probe of a partial index): a new response
      changes it even if its retirement was lost with the shared cache;
    - the "projects" generation: a deleted project leaves its responses without one.
    """
    try:
        responses = generation_now(responses_scope(survey.pk))
        projects = (current_generations() or {}).get("projects")
    except Exception:  # noqa: BLE001 - without the cache the figures are computed again
        return None
    if responses is None or projects is None:
        return None
    newest = results.counted_responses(survey).aggregate(newest=Max("pk"))["newest"]
    return f"{responses}:{newest or 0}:{projects}"


def _cached(name: str, survey: Survey, compute):
    """compute()'s value, cached under `name` until the survey's figures_stamp changes.

    Computed by one request at a time: the others that miss the same key meanwhile wait for
    its value (up to COMPUTE_WAIT_SECONDS) instead of each running the same aggregates.
    """
    stamp = figures_stamp(survey)
    if stamp is None:
        return compute()
    key = cache_key(name, survey, stamp)
    value = _cache_get(key)
    if value is not None:
        return value
    claim = f"{key}:computing"
    claimed = _claim(claim)
    if not claimed and (value := _awaited(key)) is not None:
        return value
    try:
        value = compute()
        with contextlib.suppress(Exception):
            cache.set(key, value, CACHE_SECONDS)
    finally:
        if claimed:
            with contextlib.suppress(Exception):
                cache.delete(claim)
    return value


def cache_key(name: str, survey: Survey, stamp: str) -> str:
    return f"reports:v3:{survey.pk}:{name}:{stamp}"


COMPUTE_WAIT_SECONDS = 15
COMPUTE_POLL_SECONDS = 0.05


def _cache_get(key: str):
    try:
        return cache.get(key)
    except Exception:  # noqa: BLE001 - without the cache the figures are computed again
        return None


def _claim(claim: str) -> bool:
    """Whether this request computes the value (no other is computing it already)."""
    try:
        return cache.add(claim, 1, COMPUTE_WAIT_SECONDS)
    except Exception:  # noqa: BLE001 - without the cache every request computes
        return True


def _awaited(key: str):
    """The value another request is computing, once it is stored (None: not in time)."""
    deadline = time.monotonic() + COMPUTE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(COMPUTE_POLL_SECONDS)
        value = _cache_get(key)
        if value is not None:
            return value
    return None


def figures(survey: Survey, project: Project | None, *, use_cache: bool = True) -> Figures:
    """The report's figures, cached until the counted responses change (figures_stamp).
    The network's counts per project are computed only with the network's figures."""

    def compute() -> Figures:
        likert, choices = results.likert_and_choice_results(survey, project=project)
        return Figures(
            likert=likert,
            choices=choices,
            per_day=results.responses_per_day(survey, project=project),
            project_counts=results.project_response_counts(survey) if project is None else None,
        )

    if not use_cache:
        return compute()
    return _cached(f"figures:{project.pk if project else 0}", survey, compute)


def project_counts(survey: Survey) -> list:
    """surveys.results.project_counts(): the counts cached like the figures (a project's
    report needs the network's, to know what it hides), the names read now."""
    counts = _cached("project-counts", survey, lambda: results.project_response_counts(survey))
    return results.named_project_counts(counts)


def survey_questions(survey: Survey) -> list[Question]:
    return list(
        Question.objects.filter(survey=survey)
        .select_related("page")
        .prefetch_related(
            Prefetch("statements", queryset=Statement.objects.order_by("order", "pk")),
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")),
        )
        .order_by("page__order", "order", "pk")
    )


def value_labels(question: Question) -> list[str]:
    labels = [str(v) for v in question.scale_values()]
    labels[0] = f"1 = {question.min_label}"
    labels[-1] = f"{question.scale_size} = {question.max_label}"
    return labels


def likert_columns(question: Question) -> list[Column]:
    columns = [Column(_("Väittämä")), Column("n", "int")]
    count = _("lkm")  # outside the f-string, where makemessages finds it
    for value in question.scale_values():
        columns += [Column(f"{value} ({count})", "int"), Column(f"{value} (%)", "share")]
    columns += [
        Column(str(DONT_KNOW_LABEL), "int"),
        Column(_("Keskiarvo"), "number"),
        Column(_("Mediaani"), "number"),
        Column(_("Keskihajonta"), "number"),
    ]
    return columns


def likert_row(text: str, question: Question, result) -> list:
    if result is None:
        return [text] + [None] * (len(likert_columns(question)) - 1)
    row = [text, result.n]
    for _value, count, share in result.distribution():
        row += [count, share]
    row += [result.dont_know, result.mean, result.median, result.std_dev]
    return row


def likert_group(question, result_of, *, slug_prefix="") -> LikertGroup:
    """A Likert group's table and chart; a statement answered on the scale by fewer than five
    is hidden (its mean would be about those few, however many said "don't know")."""
    rows = []
    for statement in question.statements.all():
        result = result_of(statement.pk)
        if result is not None and small_cell(result.n):
            result = None
        rows.append((statement, result))
    table = Table(
        slug=f"{slug_prefix}likert-{question.pk}",
        title=question.text,
        columns=likert_columns(question),
        rows=[likert_row(s.text, question, r) for s, r in rows],
        note=_("Osuudet lasketaan asteikolla vastanneista; ”En osaa sanoa” on erikseen."),
    )
    chart = charts.diverging_chart(
        title=question.text,
        desc=_(
            "Vastausten jakauma väittämittäin, %(min)s vasemmalla ja %(max)s oikealla. "
            "Samat luvut ovat taulukossa kaavion alla."
        )
        % {"min": question.min_label, "max": question.max_label},
        rows=[(s.text, r) for s, r in rows],
        value_labels=value_labels(question),
    )
    return LikertGroup(question=question, rows=rows, table=table, chart=chart)


def choice_table(question: Question, counts) -> Table:
    """Counts and shares of each choice; hidden when fewer than five answered."""
    table = Table(
        slug=f"choice-{question.pk}",
        question_id=question.pk,
        title=question.text,
        columns=[Column(_("Vaihtoehto")), Column(_("Lukumäärä"), "int"), Column("%", "share")],
        note=_("Osuus kysymykseen vastanneista; monivalinnassa osuuksien summa voi ylittää 100 %."),
    )
    by_choice = {c.choice_id: c for c in counts.choices} if counts else {}
    for choice in question.choices.all():
        c = by_choice.get(choice.pk)
        count, share = (c.count, c.share) if c else (0, 0.0)
        if small_cell(counts.respondents if counts else 0):
            count = share = None
        table.rows.append([choice.text, count, share])
    respondents = counts.respondents if counts else 0
    if small_cell(respondents):
        respondents = None
    table.rows.append([_("Kysymykseen vastanneita"), respondents, 1.0 if respondents else None])
    return table


def build(
    survey: Survey,
    scope: Scope,
    *,
    project: Project | None = None,
    questions=None,
    use_cache: bool = True,
) -> SurveyReport:
    """The report of `survey` (or of one project's responses) as `scope` may see it."""
    questions = survey_questions(survey) if questions is None else questions
    computed = figures(survey, project, use_cache=use_cache)
    if computed.project_counts is not None:  # the project names in the viewer's language
        counts_by_project = results.named_project_counts(computed.project_counts)
    else:  # a project's report: the network's counts
        counts_by_project = project_counts(survey) if use_cache else results.project_counts(survey)
    network_total = sum(count for _project, _name, count in counts_by_project)
    total = network_total if project is None else count_of(project, counts_by_project)
    covered_ids = covered_projects(counts_by_project)
    covered = project is not None and not small_cell(total) and project.pk in covered_ids
    hidden = small_cell(total) or covered
    report = SurveyReport(
        survey=survey, project=project, total=total, hidden=hidden, covered=covered
    )
    report.tables["projects"] = per_project_table(
        counts_by_project, network_total, scope, covered_ids
    )
    report.tables["per_day"] = per_day_table(computed.per_day, project=project, hidden=hidden)
    report.per_day_chart = charts.bar_chart(
        title=_("Vastaukset päivittäin"),
        desc=_("Valmiiden vastausten määrä kunakin päivänä; luvut taulukossa."),
        rows=[(row[0], row[1]) for row in report.tables["per_day"].rows if row[1] is not None],
    )
    report.tables["response_rate"] = response_rate_table(survey, scope)
    likert, choices = ({}, {}) if hidden else (computed.likert, computed.choices)
    for question in questions:
        if question.kind == Question.Kind.LIKERT:
            report.likert_groups.append(likert_group(question, likert.get))
        elif question.has_choices:
            report.choice_tables.append(choice_table(question, choices.get(question.pk)))
    return report


def covered_projects(counts_by_project) -> set[int]:
    """The projects whose figures are hidden anywhere in the survey's reports: the small
    ones, and those that cover them (surveys.privacy.complementary_hidden).

    The network's figures are shown, and so are those of every project large enough: the
    network minus them would give away the answers of the small projects together with
    those of the responses without a project (never shown on their own), unless they
    add up to a group large enough. Decided once for the survey, so that no page, filter
    or file shows a project's figures that another hides.
    """
    named = [(project_id, count) for project_id, _name, count in counts_by_project if project_id]
    outside = sum(count for project_id, _name, count in counts_by_project if not project_id)
    hide = complementary_hidden([count for _pk, count in named], outside=outside)
    return {named[index][0] for index in hide}


def count_of(project: Project, counts_by_project) -> int:
    """The project's counted responses, from the network's counts per project."""
    return next((n for pk, _name, n in counts_by_project if pk == project.pk), 0)


def hides_project(project: Project, counts_by_project) -> bool:
    """Whether every figure of the project's own responses to the survey is hidden: too
    few of them, or covering a smaller group (covered_projects)."""
    count = count_of(project, counts_by_project)
    return small_cell(count) or project.pk in covered_projects(counts_by_project)


def per_project_table(
    counts_by_project, network_total: int, scope: Scope, covered_ids: set[int]
) -> Table:
    """Responses per project: a breakdown, so small cells (and those covering them) are
    hidden and a project coordinator sees only their own projects' rows (the total is the
    network's)."""
    table = Table(
        slug="projects",
        title=_("Vastaukset hankkeittain"),
        columns=[Column(_("Hanke")), Column(_("Vastauksia"), "int"), Column("%", "share")],
    )
    shown_rows = [
        (project_id, name or _("Hanke ei tiedossa"), count)
        for project_id, name, count in counts_by_project
        if scope.may_see_project(project_id)
    ]
    counts = [count for _pk, _label, count in shown_rows]
    hide = complementary_hidden(
        counts,
        hidden=[i for i, (pk, _label, _n) in enumerate(shown_rows) if pk in covered_ids],
        outside=network_total - sum(counts),
    )
    for index, (_pk, label, count) in enumerate(shown_rows):
        visible = index not in hide
        table.rows.append(
            [
                label,
                count if visible else None,
                count / network_total if visible and network_total else None,
            ]
        )
    table.rows.append([_("Koko verkosto"), network_total, 1.0 if network_total else None])
    return table


def per_day_table(per_day, *, project: Project | None, hidden: bool) -> Table:
    """Completed responses per day with a running total (empty when the group is hidden)."""
    table = Table(
        slug="per-day",
        title=_("Vastaukset päivittäin"),
        columns=[Column(_("Päivä")), Column(_("Vastauksia"), "int"), Column(_("Yhteensä"), "int")],
    )
    if hidden:
        return table
    running = 0
    for day, count in per_day:
        running += count
        # Within one project a day's count is a breakdown cell: a small one is hidden.
        shown_count = None if project is not None and small_cell(count) else count
        # (the running total too, which would give a hidden count away by subtraction)
        table.rows.append(
            [
                date_format(day, "SHORT_DATE_FORMAT"),
                shown_count,
                running if project is None else None,
            ]
        )
    return table


def response_rate_table(survey: Survey, scope: Scope) -> Table:
    """Response rate of the collectors that send invitations (invitations, event participants)."""
    table = Table(
        slug="response-rate",
        title=_("Vastausprosentti kutsuista"),
        columns=[
            Column(_("Vastauskanava")),
            Column(_("Kutsuttuja"), "int"),
            Column(_("Vastanneita"), "int"),
            Column(_("Vastausprosentti"), "share"),
        ],
    )
    collectors = (
        Collector.objects.filter(
            survey=survey, kind__in=[Collector.Kind.INVITATION, Collector.Kind.EVENT]
        )
        .select_related("project", "event")
        .prefetch_related("event__projects")
        .with_stats()
        .order_by("pk")
    )
    for collector in collectors:
        if not scope.may_see_collector(collector):
            continue
        visible = not small_cell(collector.completed)
        table.rows.append(
            [
                str(collector),
                collector.invited,
                collector.completed if visible else None,
                (collector.completed / collector.invited)
                if visible and collector.invited
                else None,
            ]
        )
    return table


def crosstab(survey: Survey, scope: Scope, by, *, project=None) -> Table:
    """Mean and n of each statement per group of a background question (or project).

    Groups a project coordinator may not see, cells under the limit and the cells that
    would give those away beside the statement's total (the report's own table) are
    hidden; so is every group of a project the report hides (covered_projects).
    """
    grouped = results.likert_results_grouped(survey, by=by, project=project)
    counts_by_project = project_counts(survey)
    covered_ids = covered_projects(counts_by_project)
    totals = figures(survey, project).likert
    everything_hidden = project is not None and hides_project(project, counts_by_project)
    if by == "project":
        groups = [
            (p.pk, p.short_name or p.name)
            for p in Project.objects.filter(pk__in={g for _s, g in grouped}).order_by("name")
            if scope.may_see_project(p.pk)
        ]
        covered = [i for i, (pk, _label) in enumerate(groups) if pk in covered_ids]
    else:
        groups = [(c.pk, c.text) for c in by.choices.all()]
        covered = []
    columns = [Column(_("Väittämä"))]
    for _pk, label in groups:
        columns += [Column(f"{label}: n", "int"), Column(f"{label}: {_('ka.')}", "number")]
    table = Table(
        slug="crosstab",
        title=_("Keskiarvot ryhmittäin: %(by)s")
        % {"by": _("hanke") if by == "project" else by.text},
        columns=columns,
        note=_(
            "Ryhmät, joissa on alle viisi vastausta, on piilotettu, ja niiden rinnalta ne, "
            "joista piilotetun voisi laskea."
        ),
    )
    statements = Statement.objects.filter(
        question__survey=survey, question__kind=Question.Kind.LIKERT
    ).order_by("question__page__order", "question__order", "question", "order", "pk")
    for statement in statements:
        cells = [grouped.get((statement.pk, pk)) for pk, _label in groups]
        table.rows.append(
            [statement.text]
            + _breakdown_cells(
                cells,
                total=totals.get(statement.pk),
                hidden=range(len(cells)) if everything_hidden else covered,
            )
        )
    return table


def _breakdown_cells(cells: list, *, total, hidden=()) -> list:
    """[n, mean] of each group's StatementResult (None: no answers), shown beside the
    statement's `total`: small cells, `hidden` and those that would give them away by
    subtraction from the total are [None, None]."""
    counts = [cell.n if cell is not None else 0 for cell in cells]
    outside = max((total.n if total is not None else 0) - sum(counts), 0)
    hide = complementary_hidden(counts, hidden=hidden, outside=outside)
    row = []
    for index, cell in enumerate(cells):
        row += [None, None] if index in hide or cell is None else [cell.n, cell.mean]
    return row


def event_feedback(survey: Survey, scope: Scope) -> Table | None:
    """Responses, and mean and n of each statement, per event (the event collectors).

    A project coordinator sees the events their projects organise.
    """
    collectors = Collector.objects.filter(survey=survey, event__isnull=False)
    if not scope.full:
        collectors = collectors.of_projects(scope.project_ids)
    event_ids = collectors.values("event_id")
    events = list(Event.objects.filter(pk__in=event_ids).order_by("starts_at", "pk"))
    if not events:
        return None
    grouped = results.likert_results_grouped(survey, by="event")
    counts = results.group_response_counts(survey, by="event")
    network = figures(survey, None)
    columns = [Column(_("Väittämä"))]
    for event in events:
        label = f"{event.title} {date_format(event.starts_at, 'SHORT_DATE_FORMAT')}"
        columns += [Column(f"{label}: n", "int"), Column(f"{label}: {_('ka.')}", "number")]
    table = Table(
        slug="events",
        title=_("Palaute tapahtumittain"),
        columns=columns,
        note=_(
            "Tapahtumat, joissa on alle viisi vastausta, on piilotettu, ja niiden rinnalta ne, "
            "joista piilotetun voisi laskea."
        ),
    )
    event_counts = [counts.get(event.pk, 0) for event in events]
    network_total = sum(network.project_counts.values())
    hide = complementary_hidden(event_counts, outside=network_total - sum(event_counts))
    row = [_("Vastauksia")]
    for index, count in enumerate(event_counts):
        row += [None if index in hide else count, None]
    table.rows.append(row)
    statements = Statement.objects.filter(
        question__survey=survey, question__kind=Question.Kind.LIKERT
    ).order_by("question__page__order", "question__order", "question", "order", "pk")
    for statement in statements:
        cells = [grouped.get((statement.pk, event.pk)) for event in events]
        table.rows.append(
            [statement.text]
            + _breakdown_cells(cells, total=network.likert.get(statement.pk), hidden=[])
        )
    return table


def round_comparison(survey: Survey, other: Survey, scope: Scope, *, project=None) -> Table:
    """Statement by statement: the mean and n of both rounds and the change in mean.

    Statements are matched through their `previous` links (copied round to round),
    following the chain as far back as `other`.
    """
    older, newer = sorted([survey, other], key=lambda s: s.round)
    old_results = results.likert_results(older, project=project)
    new_results = results.likert_results(newer, project=project)
    if project is not None:  # a round whose report hides the project shows nothing of it
        if hides_project(project, project_counts(older)):
            old_results = {}
        if hides_project(project, project_counts(newer)):
            new_results = {}
    series_statements = {
        s.pk: s
        for s in Statement.objects.filter(
            question__survey__series=survey.series,
            question__survey__round__gte=older.round,
            question__survey__round__lte=newer.round,
        )
        .only("pk", "text", "previous_id", "question__survey_id", "order", "question__order")
        .select_related("question")
    }
    table = Table(
        slug="rounds",
        title=_("Kierrosten vertailu: %(old)s – %(new)s") % {"old": older, "new": newer},
        columns=[
            Column(_("Väittämä")),
            Column(f"{older.round}: n", "int"),
            Column(f"{older.round}: {_('ka.')}", "number"),
            Column(f"{newer.round}: n", "int"),
            Column(f"{newer.round}: {_('ka.')}", "number"),
            Column(_("Muutos"), "number"),
        ],
    )
    newer_statements = sorted(
        (s for s in series_statements.values() if s.question.survey_id == newer.pk),
        key=lambda s: (s.question.order, s.question_id, s.order, s.pk),
    )
    for statement in newer_statements:
        ancestor = _ancestor_in(older, statement, series_statements)
        new = new_results.get(statement.pk)
        old = old_results.get(ancestor.pk) if ancestor is not None else None
        new = None if new is None or small_cell(new.n) else new
        old = None if old is None or small_cell(old.n) else old
        change = new.mean - old.mean if new and old and new.n and old.n else None
        table.rows.append(
            [
                statement.text,
                old.n if old else None,
                old.mean if old else None,
                new.n if new else None,
                new.mean if new else None,
                change,
            ]
        )
    return table


def _ancestor_in(older: Survey, statement: Statement, series_statements: dict):
    """The statement of the `older` round that `statement` was copied from (through its
    `previous` links), or None."""
    ancestor, seen = statement, set()
    while ancestor is not None and ancestor.question.survey_id != older.pk:
        seen.add(ancestor.pk)
        ancestor = series_statements.get(ancestor.previous_id)
        if ancestor is not None and ancestor.pk in seen:
            ancestor = None
    return ancestor
