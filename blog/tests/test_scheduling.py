"""A post with a future publish time appears by itself at that time, cached pages included."""

from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from blog.services import next_scheduled_publish
from blog.tests.factories import PostFactory
from core import content_cache
from core.content_cache import NEXT_CHANGE_KEY

pytestmark = pytest.mark.django_db


def test_published_leaves_out_future_posts_and_drafts():
    now = timezone.now()
    live = PostFactory(publish_at=now - timedelta(minutes=1))
    PostFactory(publish_at=now + timedelta(minutes=1))
    PostFactory(status=Post.Status.DRAFT, publish_at=now - timedelta(days=1))
    assert list(Post.objects.published()) == [live]


def test_scheduled_post_is_published_when_its_time_comes():
    now = timezone.now()
    post = PostFactory(publish_at=now + timedelta(hours=2))
    assert post not in Post.objects.published(now=now)
    assert post in Post.objects.published(now=now + timedelta(hours=2))


def test_next_scheduled_publish_is_the_earliest_future_time():
    now = timezone.now()
    soon = now + timedelta(hours=1)
    PostFactory(publish_at=now + timedelta(days=1))
    PostFactory(publish_at=soon)
    PostFactory(status=Post.Status.DRAFT, publish_at=now + timedelta(minutes=5))
    assert next_scheduled_publish() == soon


def test_scheduled_post_page_is_404_until_its_time(client):
    post = PostFactory(publish_at=timezone.now() + timedelta(days=1))
    assert client.get(post.get_absolute_url()).status_code == 404
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_cached_list_shows_a_scheduled_post_at_its_time(client, settings, clock):
    """Nobody saves anything at publish time: the cached page still goes stale then."""
    settings.PAGE_CACHE_SECONDS = 300
    PostFactory(title_fi="Jo julkaistu")
    PostFactory(title_fi="Ajastettu kirjoitus", publish_at=timezone.now() + timedelta(minutes=2))

    first = client.get("/fi/blogi/")
    assert "Ajastettu kirjoitus" not in first.content.decode()
    again = client.get("/fi/blogi/")
    assert again["X-Page-Cache"] == "hit"  # the page really is cached

    clock.advance(60)  # a minute early: still the cached page
    assert client.get("/fi/blogi/")["X-Page-Cache"] == "hit"
    clock.advance(61)  # a second past the publish time
    later = client.get("/fi/blogi/")
    assert later.get("X-Page-Cache") != "hit"
    assert "Ajastettu kirjoitus" in later.content.decode()
    assert "Ajastettu kirjoitus" in client.get("/fi/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_schedule_is_recomputed_when_the_cache_was_emptied(client, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    post = PostFactory(publish_at=timezone.now() + timedelta(hours=3))
    cache.clear()  # e.g. Redis restarted: the stored time is gone
    content_cache.forget_local()
    client.get("/fi/blogi/")
    assert cache.get(NEXT_CHANGE_KEY)["blog"] == pytest.approx(post.publish_at.timestamp())


@pytest.mark.django_db(transaction=True)
def test_saving_a_post_moves_the_schedule(settings):
    from django.core.cache import cache

    post = PostFactory(publish_at=timezone.now() + timedelta(hours=3))
    content_cache.current_generations()
    assert cache.get(NEXT_CHANGE_KEY)["blog"] == pytest.approx(post.publish_at.timestamp())
    post.publish_at = timezone.now() - timedelta(minutes=1)
    post.save()  # rescheduled at its commit
    assert "blog" not in cache.get(NEXT_CHANGE_KEY)
