"""The dashboard's survey page against its SQL alone, on a survey of 100,000 responses.

    DEBUG=1 .venv/bin/python manage.py shell \\
        -c "from bench import reports_ratio; reports_ratio.main()"

Creates (once) the survey "bench-reports" with N completed responses over nine projects
(7 Likert statements with "don't know", a background choice, an open answer), then
times, best of five:
  app: reports.survey_report.build() uncached: every table and chart of the page;
  sql: the same aggregates (Likert and choice counts, responses per day and per project)
       as one raw SQL statement.
and prints the ratio app / sql (the issue's target: little more than the SQL alone).
"""

import random
import time
import uuid

from django.db import connection, transaction
from django.utils import timezone

SLUG = "bench-reports"
# The same aggregates as the dashboard's figures (figures() in reports/survey_report.py:
# Likert and choice counts, responses per day and per project) as ONE SQL statement.
RAW_SQL = """
SELECT 'answers' AS part, a.question_id, a.statement_id, a.choice_id, a.value, a.dont_know,
       NULL::date AS day, NULL::bigint AS project_id, count(*)
FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
WHERE r.survey_id = %(survey)s AND NOT r.is_test AND r.completed_at IS NOT NULL
  AND (a.statement_id IS NOT NULL OR a.choice_id IS NOT NULL)
GROUP BY 2, 3, 4, 5, 6
UNION ALL
SELECT 'day', NULL, NULL, NULL, NULL, NULL,
       (r.completed_at AT TIME ZONE 'Europe/Helsinki')::date, NULL, count(*)
FROM surveys_response r
WHERE r.survey_id = %(survey)s AND NOT r.is_test AND r.completed_at IS NOT NULL
GROUP BY 7
UNION ALL
SELECT 'project', NULL, NULL, NULL, NULL, NULL, NULL, r.project_id, count(*)
FROM surveys_response r
WHERE r.survey_id = %(survey)s AND NOT r.is_test AND r.completed_at IS NOT NULL
GROUP BY 8
"""
# The Likert and choice counts alone (the raw query of earlier runs).
RAW_ANSWERS_SQL = RAW_SQL.split("UNION ALL")[0]


@transaction.atomic
def bench_survey(responses: int = 100_000, status: str = "closed"):
    from projects.models import Project
    from projects.tests.factories import ProjectFactory
    from surveys.models import (
        Answer,
        Choice,
        Collector,
        Page,
        Question,
        Response,
        Statement,
        Survey,
    )

    survey = Survey.objects.filter(slug_fi=SLUG).first()
    if survey is not None:
        return survey
    survey = Survey.objects.create(
        title_fi="Bench",
        title_sv="Bench",
        slug_fi=SLUG,
        slug_sv=SLUG,
        series=SLUG,
        status=status,
    )
    Collector.objects.get_or_create(survey=survey, kind=Collector.Kind.PUBLIC)
    page = Page.objects.create(survey=survey, order=1)
    likert = Question.objects.create(
        survey=survey, page=page, order=1, kind=Question.Kind.LIKERT, text_fi="Väittämät"
    )
    statements = [
        Statement.objects.create(question=likert, order=i, text_fi=f"Väittämä {i}")
        for i in range(7)
    ]
    role = Question.objects.create(
        survey=survey, page=page, order=2, kind=Question.Kind.SINGLE, text_fi="Rooli"
    )
    choices = [
        Choice.objects.create(question=role, order=i, text_fi=f"Rooli {i}") for i in range(5)
    ]
    text = Question.objects.create(
        survey=survey, page=page, order=3, kind=Question.Kind.LONG_TEXT, text_fi="Avoin"
    )
    projects = list(Project.objects.all()[:9]) or [ProjectFactory() for _ in range(9)]
    rng = random.Random(100_000)
    now = timezone.now()
    batch = 10_000
    for start in range(0, responses, batch):
        created = Response.objects.bulk_create(
            Response(
                survey=survey,
                project=rng.choice(projects),
                submission_key=uuid.uuid4(),
                completed_at=now - timezone.timedelta(minutes=start + i),
            )
            for i in range(min(batch, responses - start))
        )
        answers = []
        for response in created:
            for statement in statements:
                dk = rng.random() < 0.03
                answers.append(
                    Answer(
                        response=response,
                        question=likert,
                        statement=statement,
                        value=None if dk else rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5]),
                        dont_know=dk,
                    )
                )
            answers.append(Answer(response=response, question=role, choice=rng.choice(choices)))
            if rng.random() < 0.2:
                answers.append(Answer(response=response, question=text, text="Hyvä verkosto"))
        Answer.objects.bulk_create(answers, batch_size=5000)
    return survey


def _best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def dashboard_figures(survey, use_cache: bool = False):
    from reports import survey_report
    from reports.access import Scope

    scope = Scope(full=True, can_edit=False, project_ids=frozenset())
    return survey_report.build(survey, scope, use_cache=use_cache)


def run(survey=None) -> dict:
    survey = survey or bench_survey()

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(RAW_SQL, {"survey": survey.pk})
            cursor.fetchall()

    app_seconds = _best_of(lambda: dashboard_figures(survey))
    raw_seconds = _best_of(raw)
    cached_seconds = _best_of(lambda: dashboard_figures(survey, use_cache=True))
    return {
        "cached_ms": round(cached_seconds * 1000, 1),
        "responses": survey.responses.count(),
        "app_ms": round(app_seconds * 1000, 1),
        "raw_ms": round(raw_seconds * 1000, 1),
        "ratio": round(app_seconds / raw_seconds, 2),
    }


def main() -> None:
    started = time.perf_counter()
    survey = bench_survey()
    print(f"bench survey ready in {time.perf_counter() - started:.0f} s")
    print(run(survey))
