"""Role × action: the posts' permission helper, the admin, drafts and preview links agree."""

from datetime import timedelta

import pytest
from django.core import signing
from django.utils import timezone

from blog import services
from blog.models import Post
from blog.tests.factories import PostFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]
STAFF_EDITORS = {"coordinator", "other_coordinator", "network_coordinator"}

# Which posts each role may edit (and publish, and delete): "own" belongs to `project`,
# "other" to `other_project`, "both" to both, "draft" is a draft of `project`.
POST_EDIT = {
    "visitor": set(),
    "coordinator": {"own", "both", "draft"},
    "other_coordinator": {"other", "both"},
    "network_coordinator": {"own", "other", "both", "draft"},
    "oph": set(),
}


@pytest.fixture
def posts(project, other_project):
    return {
        "own": PostFactory(projects=[project]),
        "other": PostFactory(projects=[other_project]),
        "both": PostFactory(projects=[project, other_project]),
        "draft": PostFactory(projects=[project], status=Post.Status.DRAFT),
    }


def _login(client, user):
    if user.is_authenticated:
        client.force_login(user)


@pytest.mark.parametrize("role", ROLES)
def test_post_editable_by(cast, posts, role):
    editable = set(Post.objects.editable_by(cast[role]))
    assert editable == {posts[key] for key in POST_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
def test_drafts_are_seen_by_their_editors_only(client, cast, posts, role):
    _login(client, cast[role])
    status = client.get(posts["draft"].get_absolute_url()).status_code
    assert status == (200 if "draft" in POST_EDIT[role] else 404)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other", "both", "draft"])
def test_admin_change_page_follows_the_helper(client, cast, posts, role, which):
    user = cast[role]
    _login(client, user)
    response = client.get(f"/fi/admin/blog/post/{posts[which].pk}/change/")
    if which in POST_EDIT[role]:
        assert response.status_code == 200
    elif user.is_authenticated and user.is_staff:
        assert response.status_code == 302
        assert response["Location"] == "/fi/admin/"
    else:
        assert response.status_code == 302
        assert "/fi/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_admin_add_is_open_to_coordinators(client, cast, role):
    _login(client, cast[role])
    status = client.get("/fi/admin/blog/post/add/").status_code
    assert (status == 200) is (role in STAFF_EDITORS)


def _admin_data(project, **overrides):
    data = {
        "title_fi": "Muokattu",
        "status": "published",
        "projects": [project.pk],
        "publish_at_0": "1.6.2026",
        "publish_at_1": "10:00",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("role", ROLES)
def test_admin_edit_and_publish_follow_the_helper(client, cast, posts, project, role):
    _login(client, cast[role])
    target = posts["draft"]
    client.post(f"/fi/admin/blog/post/{target.pk}/change/", _admin_data(project))
    target.refresh_from_db()
    allowed = "draft" in POST_EDIT[role]
    assert (target.title_fi == "Muokattu") is allowed
    assert (target.status == Post.Status.PUBLISHED) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_admin_delete_follows_the_helper(client, cast, posts, role):
    _login(client, cast[role])
    target = posts["other"]
    client.post(f"/fi/admin/blog/post/{target.pk}/delete/", {"post": "yes"})
    assert Post.objects.filter(pk=target.pk).exists() is ("other" not in POST_EDIT[role])


def test_coordinator_creates_a_post_for_own_project_as_author(client, coordinator, project):
    client.force_login(coordinator)
    response = client.post("/fi/admin/blog/post/add/", _admin_data(project, title_fi="Uusi"))
    assert response.status_code == 302
    post = Post.objects.get(title_fi="Uusi")
    assert post.author == coordinator
    assert list(post.projects.all()) == [project]


def test_coordinator_cannot_write_for_another_project(client, coordinator, other_project):
    client.force_login(coordinator)
    response = client.post("/fi/admin/blog/post/add/", _admin_data(other_project, title_fi="X"))
    assert response.status_code == 200
    assert not Post.objects.filter(title_fi="X").exists()


def test_editing_a_shared_post_keeps_the_other_project(
    client, coordinator, posts, project, other_project
):
    client.force_login(coordinator)
    target = posts["both"]
    # The form offers only the coordinator's own project; the other one stays on the post.
    data = _admin_data(project, projects=[project.pk])
    response = client.post(f"/fi/admin/blog/post/{target.pk}/change/", data)
    assert response.status_code == 302
    assert set(target.projects.all()) == {project, other_project}


def test_post_without_a_title_is_refused_with_a_message(client, network_coordinator, project):
    client.force_login(network_coordinator)
    response = client.post("/fi/admin/blog/post/add/", _admin_data(project, title_fi=""))
    assert "Kirjoita otsikko suomeksi tai ruotsiksi" in response.content.decode()
    assert not Post.objects.exists()


# Preview links ------------------------------------------------------------------


def test_preview_link_shows_a_draft_to_anyone_with_the_link(client, posts):
    draft = posts["draft"]
    response = client.get(services.preview_url(draft))
    assert response.status_code == 200
    assert draft.title_fi in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_forged_preview_link_is_404(client, posts):
    token = signing.dumps({"post": posts["draft"].pk}, salt="something-else")
    assert client.get(f"/fi/blogi/esikatselu/{token}/").status_code == 404
    assert client.get("/fi/blogi/esikatselu/roskaa/").status_code == 404


def test_expired_preview_link_is_404(client, posts, monkeypatch):
    url = services.preview_url(posts["draft"])
    later = timezone.now() + services.PREVIEW_MAX_AGE + timedelta(minutes=1)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    assert client.get(url).status_code == 404


def test_preview_link_is_offered_to_editors_of_drafts(client, coordinator, posts):
    client.force_login(coordinator)
    html = client.get(posts["draft"].get_absolute_url()).content.decode()
    assert "/fi/blogi/esikatselu/" in html
    assert "Muokkaa kirjoitusta" in html
