"""Role × action matrix of the collect page and monitor (surveys/workspace_collect.py).

A network coordinator runs the collection; the coordinator of a project with a link in
the survey sees the page and the monitor but changes nothing (403); the coordinator of
another project and OPH do not see the survey here at all (404).
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core import outbox
from surveys.models import Collector, Invitation, Reminder, Survey
from surveys.tests.factories import SurveyFactory
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db

COVERED = {
    "surveys_workspace:collect",
    "surveys_workspace:collect_monitor",
    "surveys_workspace:collect_schedule",
    "surveys_workspace:collect_embed",
    "surveys_workspace:collect_project_links",
    "surveys_workspace:collect_collector_active",
    "surveys_workspace:collect_invitations",
    "surveys_workspace:collect_reminder_add",
    "surveys_workspace:collect_reminder_cancel",
}
SEE = {"coordinator", "network_coordinator"}
RUN = {"network_coordinator"}


@pytest.fixture
def survey(project):
    survey = SurveyFactory()
    Collector.objects.create(survey=survey, kind=Collector.Kind.PROJECT, project=project)
    return survey


def url(name, survey, *args):
    return reverse(f"surveys_workspace:{name}", args=[survey.pk, *args])


@pytest.mark.parametrize("name", ["collect", "collect_monitor"])
def test_who_sees_the_collect_page_and_the_monitor(client, cast, survey, name):
    check_matrix(client, cast, url(name, survey), allowed=SEE)


def test_only_a_network_coordinator_sets_the_schedule(client, cast, survey):
    data = {"aika-status": "open", "aika-opens_day": "2026-01-10", "aika-closes_day": ""}
    responses = check_matrix(
        client, cast, url("collect_schedule", survey), allowed=RUN, method="post", data=data
    )
    assert responses["coordinator"].status_code == 403
    assert responses["other_coordinator"].status_code == 404
    assert responses["oph"].status_code == 404


def test_only_a_network_coordinator_sets_the_embedding_sites(client, cast, survey):
    data = {"upotus-embed_domains": "https://www.winnova.fi"}
    responses = check_matrix(
        client, cast, url("collect_embed", survey), allowed=RUN, method="post", data=data
    )
    assert responses["coordinator"].status_code == 403
    survey.refresh_from_db()
    assert survey.embed_domains == "https://www.winnova.fi"


def test_only_a_network_coordinator_creates_project_links(client, cast, survey):
    responses = check_matrix(
        client, cast, url("collect_project_links", survey), allowed=RUN, method="post"
    )
    assert responses["coordinator"].status_code == 403


def test_only_a_network_coordinator_opens_and_closes_a_link(client, cast, survey, project):
    collector = survey.collectors.get(project=project)
    responses = check_matrix(
        client,
        cast,
        url("collect_collector_active", survey, collector.pk),
        allowed=RUN,
        method="post",
        data={"active": "0"},
    )
    assert responses["coordinator"].status_code == 403


def test_only_a_network_coordinator_invites(client, cast, survey):
    def data(role):
        return {"kutsu-collector": "new", "kutsu-addresses": f"{role}@example.org; {role}; sv"}

    check_matrix(
        client, cast, url("collect_invitations", survey), allowed=RUN, method="post", data=data
    )
    assert list(Invitation.objects.values_list("email", flat=True)) == [
        "network_coordinator@example.org"
    ]
    outbox.run_pending_inline()
    assert len(mail.outbox) == 1


def test_only_a_network_coordinator_schedules_and_cancels_reminders(client, cast, survey):
    cast = {**cast, "nobody": nobody()}  # two matrices in one test: one such user
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    data = {"muistutus-send_day": day, "muistutus-send_time": "09:00"}
    check_matrix(
        client, cast, url("collect_reminder_add", survey), allowed=RUN, method="post", data=data
    )
    assert Reminder.objects.filter(survey=survey).count() == 1
    reminder = Reminder.objects.create(
        survey=survey, number=2, send_at=timezone.now() + timedelta(days=5)
    )
    check_matrix(
        client,
        cast,
        url("collect_reminder_cancel", survey, reminder.pk),
        allowed=RUN,
        method="post",
    )
    assert not Reminder.objects.filter(pk=reminder.pk).exists()


def test_a_survey_of_no_project_of_theirs_is_not_found_for_a_coordinator(
    client, coordinator, network_coordinator
):
    survey = SurveyFactory()  # only a public link
    client.force_login(coordinator)
    assert client.get(url("collect", survey)).status_code == 404
    assert client.get(url("collect_monitor", survey)).status_code == 404
    client.force_login(network_coordinator)
    assert client.get(url("collect", survey)).status_code == 200


def test_get_is_refused_on_the_actions(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    assert client.get(url("collect_project_links", survey)).status_code == 405
    assert Survey.objects.get(pk=survey.pk).collectors.count() == 2
