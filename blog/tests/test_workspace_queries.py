"""The blog's workspace pages and the history pages keep the same number of SQL queries
when the data grows tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Post
from blog.tests.factories import PostFactory
from core import versions
from projects.tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _posts(project, user, n):
    themes = [ThemeFactory() for _ in range(2)]
    for i in range(n):
        status = [Post.Status.DRAFT, Post.Status.REVIEW, Post.Status.PUBLISHED][i % 3]
        with versions.revision(user):
            PostFactory(projects=[project], themes=themes, status=status, author=user)


def _grows(client, url, grow) -> tuple[int, int]:
    grow(2)
    client.get(url)  # the session and content types are loaded once per process
    small = _queries(client, url)
    grow(18)
    return small, _queries(client, url)


@pytest.mark.parametrize("role", ["coordinator", "network_coordinator"])
def test_post_list_does_not_grow(client, cast, project, role):
    user = cast[role]
    client.force_login(user)
    small, large = _grows(
        client, reverse("blog_workspace:post_list"), lambda n: _posts(project, user, n)
    )
    assert small == large


def test_home_panel_does_not_grow(client, network_coordinator, project):
    client.force_login(network_coordinator)
    small, large = _grows(
        client, reverse("workspace:home"), lambda n: _posts(project, network_coordinator, n)
    )
    assert small == large


def test_history_page_does_not_grow(client, coordinator, project):
    with versions.revision(coordinator):
        post = PostFactory(projects=[project])

    def grow(n):
        for i in range(n):
            with versions.revision(coordinator):
                post.title_fi = f"Versio {i}"
                post.save()

    client.force_login(coordinator)
    small, large = _grows(client, reverse("workspace:post_history", kwargs={"pk": post.pk}), grow)
    assert small == large


def test_review_page_does_not_grow_with_the_history(client, network_coordinator, project):
    with versions.revision(network_coordinator):
        post = PostFactory(projects=[project], themes=[ThemeFactory()])

    def grow(n):
        for i in range(n):
            with versions.revision(network_coordinator):
                post.title_fi = f"Versio {i}"
                post.status = Post.Status.REVIEW if i % 2 else Post.Status.PUBLISHED
                post.save()

    client.force_login(network_coordinator)
    url = reverse("blog_workspace:post_review", kwargs={"pk": post.pk})
    small, large = _grows(client, url, grow)
    assert small == large
