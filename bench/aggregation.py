"""Dashboard aggregation: the time of the dashboard's figures for the 100,000-response
survey against the same aggregates as ONE raw SQL query, as a ratio (target <= 1.5).

WAITING FOR THE SURVEYS AND REPORTS APPS. Wire `dashboard_figures(survey)` to the
function the dashboard uses and `RAW_SQL` to the equivalent single query; the timing
and the ratio below are ready.
"""

import time

from django.db import connection

from .pages import Waiting
from .reports_ratio import RAW_SQL, dashboard_figures  # wired by the reports app
from .submissions import bench_survey


def _best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def run() -> dict:
    survey = bench_survey()
    if RAW_SQL is None:
        raise Waiting("surveys app: the raw SQL of the same aggregates is not written yet")

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(RAW_SQL, {"survey": survey.pk})
            cursor.fetchall()

    app_seconds = _best_of(lambda: dashboard_figures(survey))
    raw_seconds = _best_of(raw)
    return {
        "app_ms": app_seconds * 1000,
        "raw_ms": raw_seconds * 1000,
        "ratio": app_seconds / raw_seconds,
    }
