"""Covers are not readable before their post is public, and stop being readable after."""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from blog.models import Post
from blog.services import preview_url
from blog.tests.factories import PostFactory, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def covered(project, django_capture_on_commit_callbacks):
    """A draft with a cover large enough for renditions (made after commit)."""

    def make(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            post = PostFactory(
                projects=[project],
                with_cover=True,
                cover_image=ContentFile(image_bytes(size=(1200, 700)), "kansi.jpg"),
                **kwargs,
            )
        post.refresh_from_db()
        assert post.cover_sources()  # renditions were made
        return post

    return make


def _bare(url: str) -> str:
    """The address without its token: what somebody guessing it would ask for."""
    return url.split("?", 1)[0]


def _all_cover_urls(post) -> list[str]:
    return [post.cover_url] + [post.cover_address(item["name"]) for item in post.cover_sources()]


def test_a_drafts_cover_is_not_readable(client, covered):
    post = covered(status=Post.Status.DRAFT)
    for url in _all_cover_urls(post):
        assert client.get(_bare(url)).status_code == 404
    # Nor at the address the file had under /media/ before.
    assert client.get(f"/media/{post.cover_image.name}").status_code == 404
    name = post.cover_image.name.rsplit("/", 1)[-1]
    assert client.get(f"/covers/{post.pk}/{name}?t=forged").status_code == 404


def test_a_scheduled_posts_cover_appears_at_its_publish_time(client, covered):
    post = covered(publish_at=timezone.now() + timedelta(hours=2))
    assert client.get(_bare(post.cover_url)).status_code == 404
    # Time passes: nobody acts, the post is public and so is its cover.
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    post.refresh_from_db()
    assert "?" not in post.cover_url  # a public post's address is plain (cacheable)
    for url in _all_cover_urls(post):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "public" in response["Cache-Control"]


def test_unpublishing_takes_the_cover_away_at_once(client, covered):
    post = covered()
    url = post.cover_url
    assert client.get(url).status_code == 200
    post.status = Post.Status.DRAFT
    post.save()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 404),
        ("other_coordinator", 404),
        ("oph", 404),
        ("coordinator", 200),  # edits the post's project
        ("network_coordinator", 200),
    ],
)
def test_a_drafts_cover_per_role(client, cast, covered, role, expected):
    post = covered(status=Post.Status.DRAFT)
    if role != "visitor":
        client.force_login(cast[role])
    response = client.get(_bare(post.cover_url))
    assert response.status_code == expected
    if expected == 200:
        assert "no-store" in response["Cache-Control"]


def test_the_preview_link_shows_the_cover_to_whoever_holds_it(client, covered):
    post = covered(status=Post.Status.DRAFT)
    page = client.get(preview_url(post))
    assert page.status_code == 200
    src = re.search(r'<img class="post-cover" src="([^"]+)"', page.content.decode()).group(1)
    src = src.replace("&amp;", "&")
    assert client.get(src).status_code == 200
    # The token belongs to this post only.
    other = covered(status=Post.Status.DRAFT)
    token = src.split("?t=", 1)[1]
    other_name = other.cover_image.name.rsplit("/", 1)[-1]
    assert client.get(f"/covers/{other.pk}/{other_name}?t={token}").status_code == 404


def test_a_cover_is_an_image_that_cannot_run_as_a_page(client, covered):
    post = covered()
    response = client.get(post.cover_url)
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert response["Content-Disposition"].startswith("inline;")
    # Only the post's own files: no other name of the storage is reachable.
    assert client.get(f"/covers/{post.pk}/..%2F..%2Fexports%2Fx.csv").status_code == 404


def test_the_admin_links_the_current_cover_through_the_checked_view(
    client, covered, network_coordinator
):
    post = covered(status=Post.Status.DRAFT)
    client.force_login(network_coordinator)
    page = client.get(f"/fi/admin/blog/post/{post.pk}/change/")
    assert page.status_code == 200
    assert f'href="/covers/{post.pk}/' in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_live_server_answers_a_page_and_its_covers_at_once(live_server, covered):
    """A page loads its covers at once; the browser tests' server must answer each of them
    (with an in-memory SQLite database its threads shared the test's one connection, and
    now and then a cover answered 404 or 500)."""
    from concurrent.futures import ThreadPoolExecutor
    from urllib.request import urlopen

    posts = [covered(publish_at=timezone.now() - timedelta(hours=1)) for _ in range(4)]
    for post in posts:
        post.status = Post.Status.PUBLISHED
        post.save()
    covers = [post.cover_address(item["name"]) for post in posts for item in post.cover_sources()]
    pages = [post.get_absolute_url() for post in posts]
    urls = [live_server.url + url for url in (covers + pages) * 4]

    def status(url: str) -> int:
        try:
            with urlopen(url, timeout=30) as response:  # noqa: S310 (the live server, http)
                response.read()
                return response.status
        except OSError as error:  # HTTPError is one
            return getattr(error, "code", 0)

    with ThreadPoolExecutor(max_workers=12) as pool:
        statuses = list(pool.map(status, urls))
    assert statuses == [200] * len(urls)
