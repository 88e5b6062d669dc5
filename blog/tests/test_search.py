from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from blog.search import index_due_posts
from blog.tests.factories import PostFactory
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


def test_published_posts_are_found_and_drafts_are_not(client):
    PostFactory(title_fi="Vertaismentorointi ammattiopistossa")
    PostFactory(title_fi="Salainen luonnos vertaismentoroinnista", status=Post.Status.DRAFT)
    page = client.get("/fi/haku/?q=vertaismentorointi").content.decode()
    assert "Vertaismentorointi ammattiopistossa" in page
    assert "Salainen luonnos" not in page


def test_a_scheduled_post_enters_the_search_when_its_time_comes():
    post = PostFactory(publish_at=timezone.now() + timedelta(hours=1))
    assert not SearchDocument.objects.filter(kind="post", object_id=post.pk).exists()
    assert index_due_posts() == 0

    # The time comes (no save happens then: the row is changed behind the signals' back).
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - timedelta(minutes=5))
    assert index_due_posts() == 1
    assert SearchDocument.objects.filter(kind="post", object_id=post.pk).count() == 2
    assert index_due_posts() == 0  # again: indexed already, nothing new
    assert SearchDocument.objects.filter(kind="post", object_id=post.pk).count() == 2


@pytest.mark.django_db(transaction=True)  # the beat's task runs outside a transaction
def test_a_cached_search_page_shows_a_scheduled_post_once_it_is_indexed(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    post = PostFactory(
        title_fi="Ajastettu vertaismentorointi", publish_at=timezone.now() + timedelta(hours=1)
    )
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - timedelta(minutes=5))
    url = "/fi/haku/?q=vertaismentorointi"
    assert "Ajastettu vertaismentorointi" not in client.get(url).text  # not indexed yet
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert index_due_posts() == 1
    assert "Ajastettu vertaismentorointi" in client.get(url).text
