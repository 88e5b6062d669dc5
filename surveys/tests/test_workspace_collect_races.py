"""Collect-page writes run really in parallel against PostgreSQL (each thread its own
connection; a barrier lets them start at the same moment)."""

import pytest

from events.tests.test_races import run_together
from projects.tests.factories import ProjectFactory
from surveys import collecting
from surveys.models import Collector, PageReach
from surveys.tests.factories import PageFactory, SurveyFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.requires_postgresql("row locks and upserts between parallel connections"),
]


@pytest.mark.parametrize("attempt", range(2))
def test_two_clicks_at_once_make_one_link_per_project(attempt):
    ProjectFactory.create_batch(3)
    survey = SurveyFactory()
    click = lambda: collecting.project_links_create(survey=survey)  # noqa: E731
    run_together(click, click, click)
    assert survey.collectors.filter(kind=Collector.Kind.PROJECT).count() == 3


def test_respondents_passing_a_page_at_once_are_all_counted():
    survey = SurveyFactory()
    page = PageFactory(survey=survey)
    public = survey.collectors.get()
    step = lambda: collecting.page_reach_add(  # noqa: E731
        collector=public, counts={page.pk: {"arrived": 1, "passed": 1}}
    )
    run_together(*[step] * 8)
    reach = PageReach.objects.get(page=page)
    assert (reach.arrived, reach.passed) == (8, 8)
