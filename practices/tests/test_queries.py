"""Practice pages and the search keep the same number of SQL queries when the data grows."""

import pytest

from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Count the page's own queries, not the page cache's (core/middleware.py).
    settings.PAGE_CACHE_SECONDS = 0


def _practices(size: int):
    themes = [ThemeFactory() for _ in range(2)]
    projects = [ProjectFactory(themes=themes) for _ in range(2)]
    practices = [
        PracticeFactory(projects=projects, themes=themes, summary_fi=f"Opiskelijat malli {i}")
        for i in range(size)
    ]
    for practice in practices:
        AdoptionFactory.create_batch(2, practice=practice)
    return practices[0], themes[0], projects[0]


@pytest.mark.parametrize("size", [2, 25])
def test_practice_list_does_not_grow(client, django_assert_num_queries, size):
    _practices(size)
    # themes, projects (filters); count, page, projects (cards show no themes)
    with django_assert_num_queries(5):
        assert client.get("/fi/kaytannot/").status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_filtered_practice_list_does_not_grow(client, django_assert_num_queries, size):
    _practice, theme, project = _practices(size)
    # 5, and the theme's and the project's slugs for the language switcher
    with django_assert_num_queries(7):
        url = f"/sv/praxis/?teema={theme.slug_sv}&hanke={project.slug_sv}&vaihe=ready"
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_practice_page_does_not_grow(client, django_assert_num_queries, size):
    practice, _theme, _project = _practices(size)
    # practice, projects, themes, attachments, links, adoptions (+ organisations)
    with django_assert_num_queries(6):
        assert client.get(practice.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [2, 25])
def test_search_page_does_not_grow(client, django_assert_num_queries, size):
    _practices(size)
    # themes; kind counts; page count; page of results with headlines
    with django_assert_num_queries(4):
        assert client.get("/fi/haku/?q=opiskelijat").status_code == 200
    with django_assert_num_queries(4):
        assert client.get("/sv/sok/?q=modell&tyyppi=practice&sivu=2").status_code == 200
