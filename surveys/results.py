"""Results computed in the database: one GROUP BY query per kind of answer.

Only completed, non-test responses count (`Response.objects.counted()`). The
dashboard reads these functions; they never loop over individual answers:
Python only turns the few grouped rows (at most scale size + 1 per statement)
into shares, mean and median.

    likert_results(survey)                      {statement_id: StatementResult}
    likert_results(survey, by_project=True)     {(statement_id, project_id): StatementResult}
    choice_results(survey)                      {question_id: QuestionChoices}
    likert_and_choice_results(survey)           both, from one GROUP BY
    project_counts(survey)                      [(project_id, name, count)]
    project_response_counts(survey)             {project_id: count}, without names
    round_comparison(statement)                 [(survey, StatementResult)] oldest first
    likert_results_grouped(survey, by=...)      {(statement_id, group): StatementResult}
                                                 by "project", "event" or a choice Question
    responses_per_day(survey)                   [(date, count)]

Every figure is computed here once, unrounded; `rounded()` and `percent()` are the one
rounding rule of everything shown or exported (half up, in decimal arithmetic): a mean of
290/80 = 3.625 is 3.63 on every page, chart, CSV and XLSX.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from projects.models import Project

from .models import Answer, Question, Response, Statement, Survey

DECIMALS = 2  # means, medians, standard deviations and changes of a mean


def rounded(value: float | Decimal | None, places: int = DECIMALS) -> Decimal | None:
    """A figure rounded half up to `places` decimals, the way a person rounds by hand.

    A float goes through its shortest decimal form (repr), so 290/80 = 3.625 rounds to
    3.63, where round(3.625, 2) gives 3.62 (binary floats round half to even).
    """
    if value is None:
        return None
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(share: float | Decimal | None) -> Decimal | None:
    """A share (0..1) as a whole percentage, rounded half up: 1/8 is 13 (%)."""
    if share is None:
        return None
    exact = share if isinstance(share, Decimal) else Decimal(repr(share))
    return rounded(exact * 100, 0)


@dataclass
class StatementResult:
    statement_id: int
    scale_size: int
    counts: dict[int, int] = field(default_factory=dict)
    dont_know: int = 0

    @property
    def n(self) -> int:
        """Answers on the scale; "don't know" is counted separately."""
        return sum(self.counts.values())

    @property
    def n_with_dont_know(self) -> int:
        return self.n + self.dont_know

    @property
    def mean(self) -> float | None:
        if not self.n:
            return None
        return sum(value * count for value, count in self.counts.items()) / self.n

    @property
    def median(self) -> float | None:
        n = self.n
        if not n:
            return None
        ordered = sorted(self.counts.items())

        def nth(k: int) -> int:  # the k-th smallest value, 0-based
            seen = 0
            for value, count in ordered:
                seen += count
                if k < seen:
                    return value
            raise IndexError(k)

        if n % 2:
            return float(nth(n // 2))
        return (nth(n // 2 - 1) + nth(n // 2)) / 2

    @property
    def std_dev(self) -> float | None:
        """Sample standard deviation of the scale answers (n - 1), from the grouped counts."""
        n = self.n
        if n < 2:
            return None
        mean = self.mean
        squares = sum(count * (value - mean) ** 2 for value, count in self.counts.items())
        return (squares / (n - 1)) ** 0.5

    def distribution(self) -> list[tuple[int, int, float]]:
        """(value, count, share of the scale answers) for every value of the scale."""
        n = self.n
        return [
            (value, self.counts.get(value, 0), self.counts.get(value, 0) / n if n else 0.0)
            for value in range(1, self.scale_size + 1)
        ]


@dataclass
class ChoiceCount:
    choice_id: int
    count: int
    share: float


@dataclass
class QuestionChoices:
    question_id: int
    respondents: int
    choices: list[ChoiceCount]


CHOICE_KINDS = (Question.Kind.SINGLE, Question.Kind.MULTIPLE)


def counted_responses(survey: Survey, *, project=None, event=None):
    responses = Response.objects.counted().filter(survey=survey)
    if project is not None:
        responses = responses.filter(project=project)
    if event is not None:
        responses = responses.filter(collector__event=event)
    return responses


def _scales(survey: Survey) -> dict[int, int]:
    return dict(
        Question.objects.filter(survey=survey, kind=Question.Kind.LIKERT).values_list(
            "pk", "scale_size"
        )
    )


def _likert_from_rows(rows, scales: dict[int, int], *, by_project: bool = False) -> dict:
    results: dict = {}
    for row in rows:
        key = (
            (row["statement_id"], row["response__project_id"])
            if by_project
            else row["statement_id"]
        )
        result = results.get(key)
        if result is None:
            result = results[key] = StatementResult(
                statement_id=row["statement_id"], scale_size=scales.get(row["question_id"], 5)
            )
        if row["dont_know"]:
            result.dont_know += row["n"]
        else:
            result.counts[row["value"]] = result.counts.get(row["value"], 0) + row["n"]
    return results


def likert_results(survey: Survey, *, project=None, event=None, by_project: bool = False) -> dict:
    """Distribution per statement (and per project): one GROUP BY query, plus the scales."""
    group = ["question_id", "statement_id", "value", "dont_know"]
    if by_project:
        group.append("response__project_id")
    rows = (
        Answer.objects.filter(
            response__in=counted_responses(survey, project=project, event=event),
            statement__isnull=False,
        )
        .values(*group)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return _likert_from_rows(rows, _scales(survey), by_project=by_project)


def _choice_counts(responses) -> dict[int, int]:
    return dict(
        Answer.objects.filter(response__in=responses, choice__isnull=False)
        .values("choice_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("choice_id", "n")
    )


def _choices_from_counts(survey: Survey, responses, counts: dict[int, int]) -> dict:
    """QuestionChoices of every choice question, from the counts of each choice.

    A single-choice question has at most one answer per response (both ways in, the
    form and the import, store one), so its respondents are the sum of its choices'
    counts; only a multiple-choice question needs its distinct respondents counted.
    """
    choices_of: dict[int, list[int]] = defaultdict(list)
    kinds: dict[int, str] = {}
    for question_id, kind, choice_id in (
        Question.objects.filter(survey=survey, kind__in=CHOICE_KINDS)
        .values_list("pk", "kind", "choices")
        .order_by("page__order", "order", "pk", "choices__order", "choices")
    ):
        kinds[question_id] = kind
        if choice_id is not None:
            choices_of[question_id].append(choice_id)
    respondents = {
        question_id: sum(counts.get(c, 0) for c in choices_of[question_id])
        for question_id, kind in kinds.items()
        if kind == Question.Kind.SINGLE
    }
    multiple = [q for q, kind in kinds.items() if kind == Question.Kind.MULTIPLE]
    if multiple:
        respondents.update(
            Answer.objects.filter(
                response__in=responses, question_id__in=multiple, choice__isnull=False
            )
            .values("question_id")
            .annotate(n=Count("response_id", distinct=True))
            .order_by()
            .values_list("question_id", "n")
        )
    results = {}
    for question_id in kinds:
        total = respondents.get(question_id, 0)
        results[question_id] = QuestionChoices(
            question_id=question_id,
            respondents=total,
            choices=[
                ChoiceCount(
                    choice_id=c,
                    count=counts.get(c, 0),
                    share=counts.get(c, 0) / total if total else 0.0,
                )
                for c in choices_of[question_id]
            ],
        )
    return results


def choice_results(survey: Survey, *, project=None, event=None) -> dict[int, QuestionChoices]:
    """Counts of each choice and the number of respondents of each choice question."""
    responses = counted_responses(survey, project=project, event=event)
    return _choices_from_counts(survey, responses, _choice_counts(responses))


def likert_and_choice_results(survey: Survey, *, project=None, event=None) -> tuple[dict, dict]:
    """likert_results() and choice_results() together, from ONE GROUP BY over the counted
    answers (the dashboard's figures: one pass over the survey's answers, not two)."""
    responses = counted_responses(survey, project=project, event=event)
    rows = (
        Answer.objects.filter(response__in=responses)
        .filter(Q(statement__isnull=False) | Q(choice__isnull=False))
        .values("question_id", "statement_id", "choice_id", "value", "dont_know")
        .annotate(n=Count("pk"))
        .order_by()
    )
    likert_rows, counts = [], {}
    for row in rows:
        if row["statement_id"] is not None:
            likert_rows.append(row)
        else:
            counts[row["choice_id"]] = counts.get(row["choice_id"], 0) + row["n"]
    return (
        _likert_from_rows(likert_rows, _scales(survey)),
        _choices_from_counts(survey, responses, counts),
    )


def project_counts(survey: Survey) -> list[tuple[int | None, str | None, int]]:
    """Counted responses per project (None, last: no project given), by project name."""
    return named_project_counts(project_response_counts(survey))


def project_response_counts(survey: Survey) -> dict[int | None, int]:
    """Counted responses per project id (None: no project given), one GROUP BY on the
    response table alone (joining the projects into it made it three times slower)."""
    return dict(
        counted_responses(survey)
        .values("project_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("project_id", "n")
    )


def named_project_counts(counts: dict[int | None, int]) -> list[tuple[int | None, str | None, int]]:
    """project_response_counts() as [(project_id, name, count)] by the projects' names in
    the active language (one query), the responses without a project (None) last."""
    named = Project.objects.filter(pk__in=[pk for pk in counts if pk is not None])
    rows = [(pk, name, counts[pk]) for pk, name in named.order_by("name").values_list("pk", "name")]
    return rows + [(None, None, counts[None])] if None in counts else rows


def response_count(survey: Survey, *, project=None, event=None) -> int:
    return counted_responses(survey, project=project, event=event).count()


def round_comparison(statement: Statement) -> list[tuple[Survey, StatementResult]]:
    """The statement's results in this round and every earlier round it was copied from."""
    chain = []
    current = statement
    seen = set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        chain.append(current)
        current = current.previous
    chain.reverse()
    ids = [s.pk for s in chain]
    rows = (
        Answer.objects.filter(
            statement_id__in=ids,
            response__is_test=False,
            response__completed_at__isnull=False,
        )
        .values("statement_id", "value", "dont_know")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_statement = {
        s.pk: StatementResult(statement_id=s.pk, scale_size=s.question.scale_size) for s in chain
    }
    for row in rows:
        result = by_statement[row["statement_id"]]
        if row["dont_know"]:
            result.dont_know += row["n"]
        else:
            result.counts[row["value"]] = row["n"]
    return [(s.question.survey, by_statement[s.pk]) for s in chain]


def likert_results_grouped(survey: Survey, *, by, project=None) -> dict:
    """Distribution per statement and group, in one GROUP BY query.

    `by` is "project" (the response's project), "event" (the event of the response's
    collector) or a single-choice Question of the survey (the respondent's choice: a
    background question such as the respondent's role). Respondents without a group
    fall under the group None.
    """
    scales = _scales(survey)
    answers = Answer.objects.filter(
        response__in=counted_responses(survey, project=project), statement__isnull=False
    )
    if by == "project":
        group_field = "response__project_id"
    elif by == "event":
        group_field = "response__collector__event_id"
    elif isinstance(by, Question):
        group_field = "group"
        answers = answers.annotate(
            group=Subquery(
                Answer.objects.filter(
                    response_id=OuterRef("response_id"), question=by, choice__isnull=False
                )
                .order_by("choice_id")
                .values("choice_id")[:1]
            )
        )
    else:
        raise ValueError(f"unknown grouping {by!r}")
    rows = (
        answers.values("question_id", "statement_id", "value", "dont_know", group_field)
        .annotate(n=Count("pk"))
        .order_by()
    )
    results: dict = {}
    for row in rows:
        key = (row["statement_id"], row[group_field])
        result = results.get(key)
        if result is None:
            result = results[key] = StatementResult(
                statement_id=row["statement_id"], scale_size=scales.get(row["question_id"], 5)
            )
        if row["dont_know"]:
            result.dont_know += row["n"]
        else:
            result.counts[row["value"]] = result.counts.get(row["value"], 0) + row["n"]
    return results


def group_response_counts(survey: Survey, *, by, project=None) -> dict:
    """Counted responses per group (see likert_results_grouped), one query."""
    responses = counted_responses(survey, project=project)
    if by == "project":
        field_name = "project_id"
    elif by == "event":
        field_name = "collector__event_id"
    elif isinstance(by, Question):
        field_name = "group"
        responses = responses.annotate(
            group=Subquery(
                Answer.objects.filter(response_id=OuterRef("pk"), question=by, choice__isnull=False)
                .order_by("choice_id")
                .values("choice_id")[:1]
            )
        )
    else:
        raise ValueError(f"unknown grouping {by!r}")
    return dict(
        responses.values(field_name).annotate(n=Count("pk")).order_by().values_list(field_name, "n")
    )


def responses_per_day(survey: Survey, *, project=None) -> list[tuple]:
    """Counted responses per day of completion (Helsinki time), oldest first."""
    rows = (
        counted_responses(survey, project=project)
        .annotate(day=TruncDate("completed_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    return [(row["day"], row["n"]) for row in rows]
