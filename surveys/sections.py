"""Open surveys on the home page: one query."""

from django.urls import reverse

from .models import Collector, Survey

HOME_COUNT = 3


def home_section() -> dict:
    return {
        "surveys_open": list(Survey.objects.listed()[:HOME_COUNT]),
        "surveys_list_url": reverse("surveys:survey_list"),
    }


def project_section(project) -> dict:
    """Open surveys that have a link of this project: answers through it count for it."""
    collectors = (
        Collector.objects.filter(
            project=project,
            kind=Collector.Kind.PROJECT,
            is_active=True,
            survey__in=Survey.objects.listed(),
        )
        .select_related("survey")
        .order_by("survey__closes_at", "pk")
    )
    return {"surveys_project_links": list(collectors)}
