"""Dashboard aggregation: the time of the dashboard's figures for the 100,000-response
survey (the report built without its cache) against the same aggregates as ONE raw SQL
statement (bench/reports_ratio.py), as a ratio (target <= 1.5).
"""

import time

from django.db import connection

from .pages import Waiting
from .reports_ratio import RAW_ANSWERS_SQL, RAW_SQL, dashboard_figures
from .submissions import bench_survey


def _best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> dict:
    from surveys.results import likert_and_choice_results

    survey = bench_survey()
    if RAW_SQL is None:
        raise Waiting("surveys app: the raw SQL of the same aggregates is not written yet")

    def raw(sql: str):
        def execute():
            with connection.cursor() as cursor:
                cursor.execute(sql, {"survey": survey.pk})
                cursor.fetchall()

        return execute

    app_seconds = _best_of(lambda: dashboard_figures(survey))
    raw_seconds = _best_of(raw(RAW_SQL))
    # For reference: the Likert and choice counts alone, the app's one GROUP BY against SQL's.
    answers_app = _best_of(lambda: likert_and_choice_results(survey))
    answers_raw = _best_of(raw(RAW_ANSWERS_SQL))
    return {
        "app_ms": app_seconds * 1000,
        "raw_ms": raw_seconds * 1000,
        "ratio": app_seconds / raw_seconds,
        "likert_and_choice_ratio": answers_app / answers_raw,
    }
