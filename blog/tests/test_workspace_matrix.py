"""The role × action matrix of the blog's workspace pages and of the history pages of
every model whose history is kept (workspace/history.py)."""

import pytest
from django.urls import reverse

from blog.models import Post
from blog.tests.factories import PostFactory, image_file
from core import versions
from events.tests.factories import EventFactory
from practices.tests.factories import PracticeFactory
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db

POST_NAMES = {
    "post_list",
    "post_create",
    "post_edit",
    "post_image_add",
    "post_preview",
    "post_unpublish",
    "post_review",
}
HISTORY_KEYS = ("post", "event", "practice", "project")
COVERED = {f"blog_workspace:{name}" for name in POST_NAMES} | {
    f"workspace:{key}_history{suffix}"
    for key in HISTORY_KEYS
    for suffix in ("", "_version", "_restore")
}

STAFF = {"coordinator", "other_coordinator", "network_coordinator", "oph"}
WRITERS = {"coordinator", "other_coordinator", "network_coordinator"}
EDITORS = {"coordinator", "network_coordinator"}  # of `project`'s content
REVIEWERS = {"network_coordinator"}


@pytest.fixture
def cast(cast):
    """The root cast and a user without a role, once per test (several matrices a test)."""
    return {**cast, "nobody": nobody()}


@pytest.fixture
def post(project, coordinator):
    with versions.revision(coordinator):
        return PostFactory(projects=[project], status=Post.Status.DRAFT)


def _post_data(project_for):
    def data(role):
        return {
            "title_fi": f"Otsikko {role}",
            "title_sv": f"Rubrik {role}",
            "body_fi": "<p>Teksti.</p>",
            "projects": [project_for(role).pk],
            "toiminto": "save",
        }

    return data


def test_post_list_is_for_every_staff_role(client, cast):
    check_matrix(client, cast, reverse("blog_workspace:post_list"), allowed=STAFF)


def test_writing_a_post_is_for_coordinators_not_oph(client, cast, project, other_project):
    url = reverse("blog_workspace:post_create")
    check_matrix(client, cast, url, allowed=WRITERS)
    projects = {"coordinator": project, "other_coordinator": other_project}
    data = _post_data(lambda role: projects.get(role, project))
    responses = check_matrix(client, cast, url, allowed=WRITERS, method="post", data=data)
    assert responses["oph"].status_code == 403
    assert Post.objects.filter(title_fi__startswith="Otsikko").count() == len(WRITERS)
    assert not Post.objects.filter(title_fi="Otsikko oph").exists()


def test_editing_a_post_is_for_its_projects_editors(client, cast, post, project):
    url = reverse("blog_workspace:post_edit", kwargs={"pk": post.pk})
    check_matrix(client, cast, url, allowed=EDITORS)
    data = _post_data(lambda role: project)
    check_matrix(client, cast, url, allowed=EDITORS, method="post", data=data)
    post.refresh_from_db()
    assert post.title_fi in {"Otsikko coordinator", "Otsikko network_coordinator"}


def test_adding_an_image_is_for_the_posts_editors(client, cast, post):
    url = reverse("blog_workspace:post_image_add", kwargs={"pk": post.pk})

    def data(role):
        return {"kuva-image": image_file(), "kuva-alt_fi": "Kuva", "kuva-alt_sv": "Bild"}

    check_matrix(client, cast, url, allowed=EDITORS, method="post", data=data)
    assert post.images.count() == len(EDITORS)


def test_preview_is_for_the_posts_editors(client, cast, post):
    url = reverse("blog_workspace:post_preview", kwargs={"pk": post.pk})
    check_matrix(client, cast, url, allowed=EDITORS)


def test_unpublishing_is_for_the_posts_editors(client, cast, post):
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)
    url = reverse("blog_workspace:post_unpublish", kwargs={"pk": post.pk})
    responses = check_matrix(client, cast, url, allowed=EDITORS, method="post")
    assert responses["coordinator"].status_code == 302
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT


def test_review_is_for_network_coordinators_only(client, cast, post):
    Post.objects.filter(pk=post.pk).update(status=Post.Status.REVIEW)
    url = reverse("blog_workspace:post_review", kwargs={"pk": post.pk})
    responses = check_matrix(client, cast, url, allowed=REVIEWERS)
    assert responses["coordinator"].status_code == 403  # may see the post, not review it
    check_matrix(client, cast, url, allowed=REVIEWERS, method="post", data={"toiminto": "hyvaksy"})
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED


def _objects(project, user):
    """One object of each model with a kept history, in `project`, with two versions."""
    with versions.revision(user):
        objects = {
            "post": PostFactory(projects=[project]),
            "event": EventFactory(projects=[project]),
            "practice": PracticeFactory(projects=[project]),
            "project": project,
        }
        project.save()
    with versions.revision(user):
        for obj in objects.values():
            obj.save()
    return objects


@pytest.mark.parametrize("key", HISTORY_KEYS)
def test_history_is_for_the_objects_editors(client, cast, project, coordinator, key):
    obj = _objects(project, coordinator)[key]
    assert obj.pk == obj.__class__.objects.get(pk=obj.pk).pk
    oldest = versions.versions_of(obj).last()
    kwargs = {"pk": obj.pk}
    check_matrix(client, cast, reverse(f"workspace:{key}_history", kwargs=kwargs), allowed=EDITORS)
    kwargs["version_id"] = oldest.pk
    url = reverse(f"workspace:{key}_history_version", kwargs=kwargs)
    check_matrix(client, cast, url, allowed=EDITORS)
    url = reverse(f"workspace:{key}_history_restore", kwargs=kwargs)
    check_matrix(client, cast, url, allowed=EDITORS)
    before = versions.versions_of(obj).count()
    check_matrix(client, cast, url, allowed=EDITORS, method="post")
    assert versions.versions_of(obj).count() == before + len(EDITORS)
