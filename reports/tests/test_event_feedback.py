"""The organisers see their event's feedback: responses through an event's participants
belong to the event's projects, whose coordinators see the survey's results (small cells
hidden); the coordinators of other projects do not see that event's breakdown."""

import importlib
import uuid

import pytest
from django.apps import apps

from events.tests.factories import EventFactory
from projects.tests.factories import ProjectFactory
from reports.access import scope_for
from surveys import services
from surveys.answering import Structure
from surveys.models import Collector, Response, Survey
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


def submit_through(s, collector, *, named_project=None):
    answers = {
        str(s["likert"].pk): {str(s["s1"].pk): 4, str(s["s2"].pk): 3},
        str(s["single"].pk): s["no"].pk,
        str(s["short"].pk): "teksti",
    }
    if named_project is not None:
        answers[str(s["project"].pk)] = str(named_project.pk)
    return services.response_submit(
        survey=s["survey"],
        answers=answers,
        structure=Structure(s["survey"]),
        submission_key=str(uuid.uuid4()),
        collector=collector,
    )


@pytest.fixture
def feedback(project):
    """A feedback survey whose event is organised by `project`, answered by six participants."""
    s = build_survey()
    event = EventFactory(projects=[project])
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
    for _i in range(6):
        submit_through(s, collector)
    return {**s, "event": event, "collector": collector}


def test_responses_through_an_event_belong_to_its_organising_project(feedback, project):
    assert set(Response.objects.values_list("project", flat=True)) == {project.pk}


def test_a_named_project_outside_the_event_does_not_take_its_feedback(project, other_project):
    s = build_survey()
    event = EventFactory(projects=[project])
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
    assert submit_through(s, collector, named_project=other_project).project == project


def test_an_event_of_several_organisers_takes_the_one_the_respondent_named(project, other_project):
    s = build_survey()
    event = EventFactory(projects=[project, other_project])
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
    assert submit_through(s, collector, named_project=other_project).project == other_project
    assert submit_through(s, collector).project is None  # no way to tell which organiser
    outsider = ProjectFactory()
    assert submit_through(s, collector, named_project=outsider).project is None


def test_the_organisers_coordinator_sees_the_event_feedback_results(client, coordinator, feedback):
    client.force_login(coordinator)
    page = client.get(f"/fi/raportit/kyselyt/{feedback['survey'].slug}/")
    assert page.status_code == 200
    rows = {row[0]: row for row in page.context["report"].tables["projects"].rows}
    assert "Hanke ei tiedossa" not in rows
    assert rows[coordinator.memberships.get().project.name][1] == 6
    events = page.context["feedback"]
    assert events.rows[0][1] == 6  # the event's responses, six: shown
    assert feedback["survey"] in Survey.objects.visible_to(coordinator)


def test_the_event_feedback_keeps_the_small_cell_rule(client, coordinator, project):
    s = build_survey()
    event = EventFactory(projects=[project])
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
    for _i in range(4):
        submit_through(s, collector)
    client.force_login(coordinator)
    page = client.get(f"/fi/raportit/kyselyt/{s['survey'].slug}/")
    assert page.status_code == 200
    rows = {row[0]: row for row in page.context["report"].tables["projects"].rows}
    assert rows[project.name][1] is None  # four responses: hidden
    assert page.context["feedback"].rows[0][1] is None
    assert page.context["feedback"].rows[1][1:] == [None, None]


def test_another_projects_coordinator_gets_404_and_no_event_breakdown(
    client, other_coordinator, network_coordinator, feedback, other_project
):
    client.force_login(other_coordinator)
    assert client.get(f"/fi/raportit/kyselyt/{feedback['survey'].slug}/").status_code == 404
    # Even where the survey concerns them through another way in, the event is not theirs.
    Collector.objects.create(
        survey=feedback["survey"], kind=Collector.Kind.PROJECT, project=other_project
    )
    page = client.get(f"/fi/raportit/kyselyt/{feedback['survey'].slug}/")
    assert page.status_code == 200
    assert page.context["feedback"] is None
    assert page.context["report"].tables["response_rate"].rows == []
    full = scope_for(network_coordinator)
    assert full.may_see_collector(feedback["collector"])


def test_the_migration_attributes_existing_event_responses(feedback, project):
    Response.objects.update(project=None)  # as they were stored before
    migration = importlib.import_module("surveys.migrations.0005_event_responses_to_event_projects")
    migration.attribute_event_responses(apps, None)
    assert set(Response.objects.values_list("project", flat=True)) == {project.pk}
