"""Role × action: the permission helper and the admin that uses it agree for every role."""

import pytest

from projects.models import Membership, Organisation, Project, Theme
from projects.tests.factories import ThemeFactory
from valita import roles

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]

# Which projects each role may edit: "own" is `project`, "other" is `other_project`.
PROJECT_EDIT = {
    "visitor": set(),
    "coordinator": {"own"},
    "other_coordinator": {"other"},
    "network_coordinator": {"own", "other"},
    "oph": set(),
}
NETWORK_DATA_EDIT = {"network_coordinator"}


@pytest.fixture
def objects(project, other_project):
    return {"own": project, "other": other_project}


@pytest.mark.parametrize("role", ROLES)
def test_project_editable_by(cast, objects, role):
    editable = set(Project.objects.editable_by(cast[role]))
    assert editable == {objects[key] for key in PROJECT_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", [Theme, Organisation, Membership])
def test_network_data_is_edited_by_network_coordinators_only(cast, objects, role, model):
    ThemeFactory()
    expected = role in NETWORK_DATA_EDIT
    editable = model.objects.editable_by(cast[role])
    assert (editable.count() == model.objects.count()) is expected or model.objects.count() == 0
    if not expected:
        assert editable.count() == 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other"])
def test_admin_change_page_follows_the_helper(client, cast, objects, role, which):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(f"/fi/admin/projects/project/{objects[which].pk}/change/")
    if which in PROJECT_EDIT[role]:
        assert response.status_code == 200
    elif user.is_authenticated and user.is_staff:
        # A staff member who may not edit the project is sent back to the admin index.
        assert response.status_code == 302
        assert response["Location"] == "/fi/admin/"
    else:
        assert response.status_code == 302
        assert "/fi/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_admin_post_edits_only_what_the_helper_allows(client, cast, objects, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    target = objects["other"]
    client.post(
        f"/fi/admin/projects/project/{target.pk}/change/",
        {
            "name_fi": "Kaapattu",
            "kind": "network",
            "scope": "regional",
            "summary_fi": "x",
            "short_name_fi": "x",
            "slug_fi": target.slug_fi,
        },
    )
    target.refresh_from_db()
    assert (target.name_fi == "Kaapattu") is False or "other" in PROJECT_EDIT[role]


@pytest.mark.parametrize("role", ROLES)
def test_admin_changelist_shows_only_editable_projects(client, cast, objects, role):
    user = cast[role]
    if not (user.is_authenticated and user.is_staff):
        pytest.skip("not staff: the admin is closed")
    client.force_login(user)
    response = client.get("/fi/admin/projects/project/")
    if not PROJECT_EDIT[role]:
        assert response.status_code == 403
        return
    html = response.content.decode()
    for key, project in objects.items():
        assert (f"/projects/project/{project.pk}/change/" in html) is (key in PROJECT_EDIT[role])


@pytest.mark.parametrize("role", ROLES)
def test_only_network_coordinators_add_projects_and_themes(client, cast, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    for url in ("/fi/admin/projects/project/add/", "/fi/admin/projects/theme/add/"):
        status = client.get(url).status_code
        assert (status == 200) is (role == "network_coordinator"), (url, status)


@pytest.mark.parametrize("role", ROLES)
def test_role_helpers(cast, role):
    user = cast[role]
    assert roles.is_network_coordinator(user) is (role == "network_coordinator")
    assert roles.is_oph_viewer(user) is (role == "oph")
    assert roles.is_project_coordinator(user) is (role in {"coordinator", "other_coordinator"})
    assert roles.can_view_results(user) is (role != "visitor")
    assert roles.requires_mfa(user) is (role not in {"visitor", "oph"})
