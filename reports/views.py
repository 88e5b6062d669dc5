"""The results dashboard (signed in) and the public published results.

Views are thin: the figures come from reports/survey_report.py and reports/metrics.py,
which read surveys/results.py and events' participation_stats(); access from
reports/access.py (dashboard_view).
"""

from django.db.models import Count, Max, Q
from django.http import Http404
from django.shortcuts import render

from surveys.models import Survey

from . import survey_report
from .access import dashboard_view
from .forms import SurveyFilterForm


def _survey(request, slug: str) -> Survey:
    survey = request.scope.surveys().by_slug(slug).first()
    if survey is None:
        raise Http404
    return survey


@dashboard_view
def dashboard(request):
    counted = Q(responses__is_test=False, responses__completed_at__isnull=False)
    surveys = (
        request.scope.surveys()
        .annotate(
            response_total=Count("responses", filter=counted),
            last_response=Max("responses__completed_at", filter=counted),
        )
        .order_by("series", "-round")
    )
    return render(request, "reports/dashboard.html", {"surveys": surveys})


@dashboard_view
def survey_results(request, slug):
    survey = _survey(request, slug)
    scope = request.scope
    questions = survey_report.survey_questions(survey)
    form = SurveyFilterForm(request.GET or None, survey=survey, scope=scope, questions=questions)
    project, by, other = form.selected()
    report = survey_report.build(survey, scope, project=project, questions=questions)
    crosstab = survey_report.crosstab(survey, scope, by, project=project) if by else None
    comparison = (
        survey_report.round_comparison(survey, other, scope, project=project) if other else None
    )
    feedback = survey_report.event_feedback(survey)
    return render(
        request,
        "reports/survey.html",
        {
            "survey": survey,
            "form": form,
            "report": report,
            "crosstab": crosstab,
            "comparison": comparison,
            "feedback": feedback,
            "query": request.GET.urlencode(),
        },
    )
