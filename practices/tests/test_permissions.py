"""Role × action: the practices' permission helper, the public pages and the admin agree."""

import pytest

from practices.models import Adoption, FollowUpRound, Practice
from practices.tests.factories import AdoptionFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]

# "own" belongs to `project`, "other" to `other_project`, "both" to both,
# "draft" is an unpublished practice of `project`.
PRACTICE_EDIT = {
    "visitor": set(),
    "coordinator": {"own", "both", "draft"},
    "other_coordinator": {"other", "both"},
    "network_coordinator": {"own", "other", "both", "draft"},
    "oph": set(),
}


@pytest.fixture
def practices(project, other_project):
    return {
        "own": PracticeFactory(projects=[project]),
        "other": PracticeFactory(projects=[other_project]),
        "both": PracticeFactory(projects=[project, other_project]),
        "draft": PracticeFactory(projects=[project], is_published=False),
    }


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_practice_editable_by(cast, practices, role):
    editable = set(Practice.objects.editable_by(cast[role]))
    assert editable == {practices[key] for key in PRACTICE_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
def test_adoptions_follow_their_practice(cast, practices, role):
    adoptions = {key: AdoptionFactory(practice=practice) for key, practice in practices.items()}
    editable = set(Adoption.objects.editable_by(cast[role]))
    assert editable == {adoptions[key] for key in PRACTICE_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
def test_follow_up_rounds_are_the_network_coordinators(cast, role):
    from django.utils import timezone

    round = FollowUpRound.objects.create(title="Kierros", closes_at=timezone.now())
    expected = {round} if role == "network_coordinator" else set()
    assert set(FollowUpRound.objects.editable_by(cast[role])) == expected


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_seen_by_their_editors_only(client, cast, practices, role):
    _login(client, cast[role])
    status = client.get(practices["draft"].get_absolute_url()).status_code
    assert status == (200 if "draft" in PRACTICE_EDIT[role] else 404)


@pytest.mark.parametrize("role", ROLES)
def test_edit_link_on_the_page_follows_the_helper(client, cast, practices, role):
    _login(client, cast[role])
    html = client.get(practices["own"].get_absolute_url()).content.decode()
    assert ("Muokkaa toimintamallia" in html) is ("own" in PRACTICE_EDIT[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other", "both", "draft"])
def test_admin_change_page_follows_the_helper(client, cast, practices, role, which):
    user = cast[role]
    _login(client, user)
    response = client.get(f"/fi/admin/practices/practice/{practices[which].pk}/change/")
    if which in PRACTICE_EDIT[role]:
        assert response.status_code == 200
        assert 'name="attachments-TOTAL_FORMS"' in response.content.decode()
        assert 'name="adoptions-TOTAL_FORMS"' in response.content.decode()
    elif user.is_authenticated and user.is_staff:
        assert response.status_code == 302
        assert response["Location"] == "/fi/admin/"
    else:
        assert response.status_code == 302
        assert "/fi/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_admin_add_is_open_to_coordinators(client, cast, role):
    _login(client, cast[role])
    status = client.get("/fi/admin/practices/practice/add/").status_code
    allowed = role in {"coordinator", "other_coordinator", "network_coordinator"}
    assert (status == 200) is allowed


def _admin_post_data(practice, project, **overrides):
    data = {
        "title_fi": "Muokattu",
        "slug_fi": practice.slug_fi,
        "summary_fi": "Tiivistelmä",
        "status": "ready",
        "target_group": "students",
        "licence": "cc-by-4.0",
        "is_published": "on",
        "projects": [project.pk],
    }
    for prefix in ("attachments", "links", "adoptions"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_admin_post_edits_only_what_the_helper_allows(client, cast, practices, project, role):
    _login(client, cast[role])
    target = practices["own"]
    client.post(
        f"/fi/admin/practices/practice/{target.pk}/change/", _admin_post_data(target, project)
    )
    target.refresh_from_db()
    assert (target.title_fi == "Muokattu") is ("own" in PRACTICE_EDIT[role])


def test_coordinator_cannot_attach_another_projects_practice(client, coordinator, other_project):
    client.force_login(coordinator)
    practice = PracticeFactory.build(slug_fi="uusi")
    response = client.post(
        "/fi/admin/practices/practice/add/", _admin_post_data(practice, other_project)
    )
    assert response.status_code == 200
    assert not Practice.objects.filter(slug_fi="uusi").exists()


@pytest.mark.parametrize("role", ROLES)
def test_follow_up_admin_action_is_offered_to_network_coordinators_only(
    client, cast, practices, role
):
    _login(client, cast[role])
    response = client.get("/fi/admin/practices/practice/")
    if response.status_code != 200:
        assert role in {"visitor", "oph"}
        return
    offered = 'value="start_followup"' in response.content.decode()
    assert offered is (role == "network_coordinator")


def test_follow_up_admin_action_leads_to_the_round_form(client, network_coordinator, practices):
    client.force_login(network_coordinator)
    response = client.post(
        "/fi/admin/practices/practice/",
        {"action": "start_followup", "_selected_action": [practices["own"].pk]},
    )
    assert response.status_code == 302
    own = practices["own"].pk
    assert response["Location"] == f"/fi/tyotila/hyvat-kaytannot/seuranta/uusi/?malli={own}"
