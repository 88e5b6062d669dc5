"""Open surveys on the home page: one query."""

from django.urls import reverse

from .models import Survey

HOME_COUNT = 3


def home_section() -> dict:
    return {
        "surveys_open": list(Survey.objects.listed()[:HOME_COUNT]),
        "surveys_list_url": reverse("surveys:survey_list"),
    }
