"""A post's byline shows its author's name: a new name, or an erased author, retires the
cached post pages; a save of other user fields retires nothing."""

import pytest

from blog.personal_data import AuthoredPosts
from blog.tests.factories import PostFactory
from core import content_cache
from core.personal_data import erase_person
from projects.tests.factories import UserFactory

# Retirement happens at commit: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def post():
    return PostFactory(author=UserFactory(first_name="Vanha", last_name="Nimi"))


def test_an_authors_new_name_shows_on_the_cached_post(client, post):
    url = post.get_absolute_url()
    assert "Vanha Nimi" in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    post.author.first_name = "Uusi"
    post.author.save()
    assert "Uusi Nimi" in client.get(url).text


def test_a_save_of_other_fields_keeps_the_blogs_pages(post):
    before = content_cache.current_generations()["blog"]
    post.author.save(update_fields=["last_login"])  # every sign-in
    content_cache.forget_local()
    assert content_cache.current_generations()["blog"] == before


@pytest.mark.parametrize(
    "remove",
    [
        pytest.param(lambda user: erase_person(user.email), id="erased"),
        pytest.param(lambda user: AuthoredPosts().erase(user.email, user), id="bylines-erased"),
        pytest.param(lambda user: user.delete(), id="deleted"),
    ],
)
def test_a_removed_author_leaves_the_cached_post(client, post, remove):
    url = post.get_absolute_url()
    assert "Vanha Nimi" in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    remove(post.author)
    assert "Vanha Nimi" not in client.get(url).text
