"""Who sees what: every role on every dashboard page, and the small-cell rule."""

import pytest

from reports.access import MIN_CELL, scope_for, shown, small_cell
from reports.tests.factories import respond
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]
SEES_DASHBOARD = {"coordinator", "other_coordinator", "network_coordinator", "oph"}
FULL = {"network_coordinator", "oph"}


def test_small_cell_rule():
    assert MIN_CELL == 5
    assert [small_cell(n) for n in (None, 0, 1, 4, 5, 6)] == [True, True, True, True, False, False]
    assert shown(3.5, 4) is None
    assert shown(3.5, 5) == 3.5


@pytest.fixture
def survey(project, other_project):
    s = build_survey()
    for i in range(6):
        respond(s, {"s1": 1 + i % 5}, project=project)
    for _i in range(3):
        respond(s, {"s1": 5}, project=other_project)
    return s


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("lang,path", [("fi", "/fi/raportit/"), ("sv", "/sv/rapporter/")])
def test_dashboard_access(client, cast, role, lang, path):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(path)
    if role == "visitor":
        assert response.status_code == 302
        assert "/tili/login/" in response["Location"] or "/konto/" in response["Location"]
    elif role in SEES_DASHBOARD:
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    else:
        assert response.status_code == 403


def test_user_without_role_gets_403(client, django_user_model):
    from projects.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/fi/raportit/").status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_scope_of_each_role(cast, project, other_project, role):
    scope = scope_for(cast[role])
    if role == "visitor":
        assert scope is None
        return
    assert scope.full == (role in FULL)
    assert scope.can_edit == (role == "network_coordinator")
    assert scope.may_see_project(project.pk) == (role in FULL or role == "coordinator")
    assert scope.may_see_project(other_project.pk) == (role in FULL or role == "other_coordinator")


@pytest.mark.parametrize("role", ROLES)
def test_survey_page_breakdown_per_role(client, cast, survey, project, other_project, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/")
    if role == "visitor":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    rows = {row[0]: row for row in response.context["report"].tables["projects"].rows}
    assert rows["Koko verkosto"][1] == 9  # every role with access sees the network total
    if role in FULL or role == "coordinator":
        # 6 beside the 3 and the total: hidden, or 9 - 6 would give the 3 away.
        assert rows[project.name][1] is None
    else:
        assert project.name not in rows
    if role in FULL or role == "other_coordinator":
        assert rows[other_project.name][1] is None  # 3 responses: hidden
    else:
        assert other_project.name not in rows


def test_project_filter_limited_to_own_projects(
    client, coordinator, survey, project, other_project
):
    client.force_login(coordinator)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/"
    own = client.get(url, {"project": project.pk}).context["report"]
    assert own.project == project and own.total == 6
    other = client.get(url, {"project": other_project.pk}).context["report"]
    assert other.project is None  # not a valid choice: the network totals instead


def test_small_project_filter_hides_everything(client, oph_viewer, survey, other_project):
    client.force_login(oph_viewer)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/"
    report = client.get(url, {"project": other_project.pk}).context["report"]
    assert report.hidden
    assert report.likert_groups[0].rows[0][1] is None
    assert report.tables["per_day"].rows == []


def test_days_of_a_project_are_small_cells(client, oph_viewer, project, other_project):
    from datetime import timedelta

    from django.utils import timezone

    s = build_survey()
    day = timezone.now() - timedelta(days=3)
    for i in range(6):
        respond(s, {"s1": 3}, project=project, when=day if i < 5 else timezone.now())
    client.force_login(oph_viewer)
    url = f"/fi/raportit/kyselyt/{s['survey'].slug}/"
    rows = client.get(url, {"project": project.pk}).context["report"].tables["per_day"].rows
    assert [r[1] for r in rows] == [5, None]  # the day with one response is hidden
    assert all(r[2] is None for r in rows)  # and no running total gives it away
    network = client.get(url).context["report"].tables["per_day"].rows
    assert [r[1:] for r in network] == [[5, 5], [1, 6]]  # network totals are shown


@pytest.mark.parametrize("role", ["coordinator", "network_coordinator", "oph"])
def test_published_management_page(client, cast, role):
    client.force_login(cast[role])
    dashboard = client.get("/fi/raportit/").content.decode()
    response = client.get("/fi/raportit/julkaistut/")
    if role == "coordinator":
        assert response.status_code == 403
        assert "/fi/raportit/julkaistut/" not in dashboard
    else:
        assert response.status_code == 200
        assert "/fi/raportit/julkaistut/" in dashboard
