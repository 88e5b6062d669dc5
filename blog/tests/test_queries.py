"""Blog pages keep the same number of SQL queries when the data grows tenfold."""

import pytest
from django.core.files.base import ContentFile

from blog.tests.factories import PostFactory, image_bytes
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def _posts(size: int):
    themes = [ThemeFactory() for _ in range(2)]
    projects = [ProjectFactory(themes=themes) for _ in range(2)]
    posts = [
        PostFactory(
            projects=projects,
            themes=themes,
            cover_image=ContentFile(image_bytes(size=(300, 200)), name="k.jpg"),
            cover_alt_fi="Kuva",
            cover_alt_sv="Bild",
        )
        for _ in range(size)
    ]
    return posts[0], themes[0], projects[0]


@pytest.mark.parametrize("size", [2, 20])
def test_post_list_does_not_grow(client, django_assert_num_queries, size):
    _posts(size)
    # themes, projects (filter links); count, page of posts; projects (cards show no themes)
    with django_assert_num_queries(5):
        assert client.get("/fi/blogi/").status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_filtered_list_does_not_grow(client, django_assert_num_queries, size):
    _post, theme, project = _posts(size)
    # 5, and the theme's and the project's slugs for the language switcher
    with django_assert_num_queries(7):
        response = client.get(f"/sv/blogg/?teema={theme.slug_sv}&hanke={project.slug_sv}")
        assert response.status_code == 200


@pytest.mark.parametrize("size", [2, 20])
def test_post_page_does_not_grow(client, django_assert_num_queries, size):
    post, _theme, _project = _posts(size)
    # post + author, projects, themes; related posts
    with django_assert_num_queries(4):
        assert client.get(post.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [2, 20])
@pytest.mark.parametrize("url", ["/fi/blogi/rss/", "/sv/blogg/atom/"])
def test_feeds_do_not_grow(client, django_assert_num_queries, size, url):
    _posts(size)
    # posts + author, projects, themes
    with django_assert_num_queries(3):
        assert client.get(url).status_code == 200
