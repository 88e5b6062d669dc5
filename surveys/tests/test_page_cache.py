"""Cached pages that offer a survey follow its link, its times and the network projects."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from projects.tests.factories import ProjectFactory
from surveys import collecting
from surveys.models import Collector, Survey
from surveys.tests.factories import SurveyFactory, build_survey

# Retirement happens at commit: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/fi/kyselyt/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_closing_the_public_link_takes_the_survey_off_the_cached_pages(client):
    survey = build_survey()["survey"]
    answer = reverse("surveys:survey_answer", kwargs={"slug": survey.slug})
    assert survey.title_fi in client.get(LIST).text
    assert client.get(LIST)["X-Page-Cache"] == "hit"
    assert client.get(answer).status_code == 200

    public = survey.collectors.get(kind=Collector.Kind.PUBLIC)
    collecting.collector_set_active(collector=public, active=False)

    assert survey.title_fi not in client.get(LIST).text
    assert survey.title_fi not in client.get("/fi/").text
    assert client.get(answer).status_code == 404  # not page 1, then a 404 on its submit
    public.refresh_from_db()
    assert public.is_active is False

    collecting.collector_set_active(collector=public, active=True)
    assert survey.title_fi in client.get(LIST).text


def test_a_new_network_project_shows_in_a_project_question(client):
    survey = build_survey()["survey"]
    answer = reverse("surveys:survey_answer", kwargs={"slug": survey.slug})
    assert client.get(answer).status_code == 200  # the survey's structure is now kept
    ProjectFactory(name_fi="Aivan uusi verkostohanke")
    assert "Aivan uusi verkostohanke" in client.get(answer).text


def test_the_next_opening_or_closing_is_the_earliest_coming_time():
    now = timezone.now()
    soon = now + timedelta(hours=1)
    SurveyFactory(opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=2))
    SurveyFactory(opens_at=soon, closes_at=now + timedelta(days=3))
    SurveyFactory(status=Survey.Status.DRAFT, opens_at=now + timedelta(minutes=5))
    assert Survey.objects.next_opening_or_closing() == soon
    assert Survey.objects.none().next_opening_or_closing() is None


def test_the_cached_list_drops_a_survey_at_its_closing_time(client, clock):
    """Nobody saves anything when a survey closes: the cached list still goes stale then."""
    survey = build_survey(closes_at=timezone.now() + timedelta(minutes=2))["survey"]
    assert survey.title_fi in client.get(LIST).text
    assert client.get(LIST)["X-Page-Cache"] == "hit"
    clock.advance(121)
    later = client.get(LIST)
    assert later.get("X-Page-Cache") != "hit"
    assert survey.title_fi not in later.text
