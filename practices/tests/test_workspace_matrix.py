"""Role × action matrix of the practices' workspace pages (workspace/tests/matrix.py)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practices import services
from practices.models import Practice
from practices.tests.factories import AdoptionFactory, PracticeFactory
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(cast):
    """The cast with one role-less user, for tests that walk the matrix more than once."""
    return {**cast, "nobody": nobody()}


COVERED = {
    "practices_workspace:practice_list",
    "practices_workspace:practice_create",
    "practices_workspace:practice_edit",
    "practices_workspace:practice_delete",
    "practices_workspace:practice_attachments",
    "practices_workspace:practice_links",
    "practices_workspace:practice_adoptions",
    "practices_workspace:followup_list",
    "practices_workspace:followup_start",
    "practices_workspace:followup_detail",
}
STAFF = {"coordinator", "other_coordinator", "network_coordinator", "oph"}
COORDINATORS = {"coordinator", "other_coordinator", "network_coordinator"}
EDITORS = {"coordinator", "network_coordinator"}  # of a practice of `project`
NETWORK = {"network_coordinator"}


@pytest.fixture
def practice(project):
    return PracticeFactory(projects=[project])


def practice_data(project, title):
    return {
        "title_fi": title,
        "title_sv": "",
        "summary_fi": "Tiivistelmä.",
        "summary_sv": "",
        "target_group": "students",
        "status": "ready",
        "licence": "cc-by-4.0",
        "projects": [project.pk],
    }


def test_list(client, cast):
    check_matrix(client, cast, reverse("practices_workspace:practice_list"), allowed=STAFF)


def test_create(client, cast, project, other_project):
    url = reverse("practices_workspace:practice_create")
    check_matrix(client, cast, url, allowed=COORDINATORS)

    def data(role):
        chosen = other_project if role == "other_coordinator" else project
        return practice_data(chosen, f"Uusi malli {role}")

    check_matrix(client, cast, url, allowed=COORDINATORS, method="post", data=data)
    created = set(Practice.objects.values_list("title_fi", flat=True))
    assert created == {f"Uusi malli {role}" for role in COORDINATORS}


@pytest.mark.parametrize(
    "name",
    ["practice_edit", "practice_attachments", "practice_links", "practice_adoptions"],
)
def test_editing_pages(client, cast, practice, name):
    url = reverse(f"practices_workspace:{name}", args=[practice.pk])
    check_matrix(client, cast, url, allowed=EDITORS)


def test_edit_post(client, cast, practice, project):
    url = reverse("practices_workspace:practice_edit", args=[practice.pk])
    responses = check_matrix(
        client,
        cast,
        url,
        allowed=EDITORS,
        method="post",
        data=lambda role: practice_data(project, f"Muokattu {role}"),
    )
    assert responses["coordinator"].status_code == 302
    practice.refresh_from_db()
    assert practice.title_fi == "Muokattu network_coordinator"


@pytest.mark.parametrize("name", ["practice_links", "practice_adoptions"])
def test_rows_post(client, cast, practice, name):
    url = reverse(f"practices_workspace:{name}", args=[practice.pk])
    prefix = "links" if name == "practice_links" else "adoptions"
    empty = {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    check_matrix(client, cast, url, allowed=EDITORS, method="post", data=empty)


def test_delete_page(client, cast, practice):
    url = reverse("practices_workspace:practice_delete", args=[practice.pk])
    check_matrix(client, cast, url, allowed=EDITORS)


def test_delete_refused_roles_change_nothing(client, cast, project):
    practice = PracticeFactory(projects=[project])
    url = reverse("practices_workspace:practice_delete", args=[practice.pk])
    for role in ("other_coordinator", "oph"):
        client.force_login(cast[role])
        assert client.post(url).status_code in (403, 404)
    assert Practice.objects.filter(pk=practice.pk).exists()
    client.force_login(cast["network_coordinator"])
    assert client.post(url).status_code == 302
    assert not Practice.objects.filter(pk=practice.pk).exists()


def test_followup_pages(client, cast, practice):
    AdoptionFactory(practice=practice)
    round = services.followup_round_start(
        title="Kierros", practices=[practice], closes_at=timezone.now() + timedelta(days=7)
    )
    for name, args in (
        ("followup_list", []),
        ("followup_start", []),
        ("followup_detail", [round.pk]),
    ):
        url = reverse(f"practices_workspace:{name}", args=args)
        check_matrix(client, cast, url, allowed=NETWORK)


def test_followup_start_post(client, cast, practice):
    AdoptionFactory(practice=practice)
    url = reverse("practices_workspace:followup_start")
    closes = (timezone.localdate() + timedelta(days=10)).isoformat()
    data = {
        "title": "Seuranta",
        "practices": [practice.pk],
        "closes_on": closes,
        "remind_after_days": "7",
    }
    check_matrix(client, cast, url, allowed=NETWORK, method="post", data=data)
    assert practice.followup_rounds.count() == 1
