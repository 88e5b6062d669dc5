"""Role × action matrix of the project pages in the workspace (workspace/tests/matrix.py)."""

import pytest
from django.urls import reverse

from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(cast):
    """The cast with one role-less user, for tests that walk the matrix more than once."""
    return {**cast, "nobody": nobody()}


COVERED = {
    "projects_workspace:project_list",
    "projects_workspace:project_edit",
    "projects_workspace:project_contacts",
}
STAFF = {"coordinator", "other_coordinator", "network_coordinator", "oph"}
EDITORS = {"coordinator", "network_coordinator"}  # of `project`


def project_data(project, role):
    return {
        "name_fi": f"Hanke {role}",
        "short_name_fi": project.short_name_fi,
        "slug_fi": project.slug_fi,
        "slug_sv": project.slug_sv,
        "summary_fi": "Tiivistelmä.",
        "kind": project.kind,
        "scope": project.scope,
        "is_published": "on",
    }


def test_list(client, cast):
    check_matrix(client, cast, reverse("projects_workspace:project_list"), allowed=STAFF)


@pytest.mark.parametrize("name", ["project_edit", "project_contacts"])
def test_pages(client, cast, project, name):
    url = reverse(f"projects_workspace:{name}", args=[project.slug])
    check_matrix(client, cast, url, allowed=EDITORS)


def test_edit_post(client, cast, project):
    url = reverse("projects_workspace:project_edit", args=[project.slug])
    check_matrix(
        client, cast, url, allowed=EDITORS, method="post", data=lambda r: project_data(project, r)
    )
    project.refresh_from_db()
    assert project.name_fi == "Hanke network_coordinator"


def test_contacts_post(client, cast, project):
    url = reverse("projects_workspace:project_contacts", args=[project.slug])
    data = {
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-0-name": "Maija Meikäläinen",
        "contacts-0-order": "0",
    }
    check_matrix(client, cast, url, allowed=EDITORS, method="post", data=data)
    assert project.contacts.count() == 2
