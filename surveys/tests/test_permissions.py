"""Role × action: network coordinators build surveys; project coordinators see their collectors."""

import pytest

from surveys.models import Collector, Question, Response, Survey
from surveys.tests.factories import CollectorFactory, build_survey

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]
BUILDS = {"network_coordinator"}


@pytest.fixture
def world(project, other_project):
    s = build_survey()
    return {
        "s": s,
        "own": CollectorFactory(survey=s["survey"], project=project),
        "other": CollectorFactory(survey=s["survey"], project=other_project),
        "public": s["survey"].collectors.get(kind=Collector.Kind.PUBLIC),
    }


@pytest.mark.parametrize("role", ROLES)
def test_survey_editable_by(cast, world, role):
    editable = set(Survey.objects.editable_by(cast[role]))
    assert editable == ({world["s"]["survey"]} if role in BUILDS else set())
    questions = Question.objects.editable_by(cast[role])
    assert questions.exists() == (role in BUILDS)
    assert Response.objects.editable_by(cast[role]).model is Response


COLLECTORS_SEEN = {
    "visitor": set(),
    "coordinator": {"own"},
    "other_coordinator": {"other"},
    "network_coordinator": {"own", "other", "public"},
    "oph": set(),
}


@pytest.mark.parametrize("role", ROLES)
def test_collectors_visible_to(cast, world, role):
    seen = set(Collector.objects.visible_to(cast[role]))
    assert seen == {world[key] for key in COLLECTORS_SEEN[role]}
    editable = set(Collector.objects.editable_by(cast[role]))
    assert editable == (
        {world["own"], world["other"], world["public"]} if role in BUILDS else set()
    )


def _login(client, user):
    if user.is_authenticated:
        user.is_staff = True
        user.save()
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_admin_survey_builder_is_for_network_coordinators(client, cast, world, role):
    _login(client, cast[role])
    survey = world["s"]["survey"]
    change = client.get(f"/fi/admin/surveys/survey/{survey.pk}/change/")
    add = client.get("/fi/admin/surveys/question/add/")
    if role in BUILDS:
        assert change.status_code == 200 and add.status_code == 200
    else:
        assert change.status_code in (302, 403, 404)
        assert add.status_code in (302, 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other"])
def test_admin_collector_pages_follow_visible_to(client, cast, world, role, which):
    _login(client, cast[role])
    collector = world[which]
    response = client.get(f"/fi/admin/surveys/collector/{collector.pk}/change/")
    may_see = which in COLLECTORS_SEEN[role]
    if not cast[role].is_authenticated:
        assert response.status_code == 302
    elif may_see:
        assert response.status_code == 200
        body = response.content.decode()
        # Project coordinators only look: no save button.
        assert ('name="_save"' in body) == (role in BUILDS)
    else:
        assert response.status_code in (302, 403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_preview_and_test_mode_are_for_builders(client, cast, world, role):
    _login(client, cast[role])
    survey = world["s"]["survey"]
    for url in (
        f"/fi/kyselyt/{survey.slug_fi}/esikatselu/",
        f"/fi/kyselyt/{survey.slug_fi}/testi/",
    ):
        status = client.get(url).status_code
        if role in BUILDS:
            assert status == 200
        elif cast[role].is_authenticated:
            assert status == 404
        else:
            assert status == 302
