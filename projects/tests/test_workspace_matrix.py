"""Role × action matrix of the project pages in the workspace (workspace/tests/matrix.py)."""

import pytest
from django.urls import reverse

from accounts.services import SEND_INVITATION
from core.models import OutboxMessage
from projects.models import Membership
from projects.tests.factories import MembershipFactory, UserFactory
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
    "projects_workspace:project_coordinators",
    "projects_workspace:coordinator_reinvite",
    "projects_workspace:coordinator_remove",
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


@pytest.mark.parametrize("name", ["project_edit", "project_contacts", "project_coordinators"])
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


# Coordinators: everyone who edits the project sees them; only the network adds,
# invites again and removes (projects/team.py).


def test_coordinator_add_post(client, cast, project):
    url = reverse("projects_workspace:project_coordinators", args=[project.slug])
    data = lambda role: {"email": f"{role}@uusi.example.org", "language": "fi"}  # noqa: E731
    check_matrix(client, cast, url, allowed={"network_coordinator"}, method="post", data=data)
    added = project.memberships.exclude(user=cast["coordinator"]).values_list(
        "user__email", flat=True
    )
    assert list(added) == ["network_coordinator@uusi.example.org"]


def test_coordinator_reinvite_post(client, cast, project):
    user = UserFactory(email="kutsuttu@example.org")
    user.set_unusable_password()
    user.save()
    invited = MembershipFactory(project=project, user=user)
    url = reverse("projects_workspace:coordinator_reinvite", args=[project.slug, invited.pk])
    check_matrix(client, cast, url, allowed={"network_coordinator"}, method="post")
    assert OutboxMessage.objects.filter(task=SEND_INVITATION).count() == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_coordinator_remove(client, cast, project, method):
    removed = MembershipFactory(project=project)
    url = reverse("projects_workspace:coordinator_remove", args=[project.slug, removed.pk])
    check_matrix(client, cast, url, allowed={"network_coordinator"}, method=method)
    assert Membership.objects.filter(pk=removed.pk).exists() == (method == "get")
