"""Each public page keeps the same number of SQL queries when the data grows tenfold."""

import pytest

from projects.models import Project
from projects.tests.factories import (
    ContactPersonFactory,
    OrganisationFactory,
    ProjectFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def _network(size: int) -> Project:
    themes = [ThemeFactory() for _ in range(4)]
    ProjectFactory(kind=Project.Kind.COORDINATION, slug_fi="valita")
    projects = [ProjectFactory(themes=themes[:2]) for _ in range(size)]
    for project in projects:
        project.partner_organisations.set([OrganisationFactory() for _ in range(2)])
        ContactPersonFactory(project=project)
        ContactPersonFactory(project=project)
    return projects[0]


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize(
    "path,queries",
    [
        # coordination project, themes, projects + their themes, upcoming events, latest posts,
        # practices, open surveys, published results
        ("/fi/", 9),
        # themes (filter links), projects + their themes
        ("/fi/hankkeet/", 3),
        ("/sv/projekt/", 3),
    ],
)
def test_list_pages_do_not_grow(client, django_assert_num_queries, size, path, queries):
    _network(size)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_project_page_does_not_grow(client, django_assert_num_queries, size):
    project = _network(size)
    # project + lead organisation, themes, partners, contacts, upcoming events, latest posts,
    # practices, the project's survey links
    with django_assert_num_queries(9):  # + published results
        assert client.get(project.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_theme_page_does_not_grow(client, django_assert_num_queries, size):
    _network(size)
    theme = Project.objects.network().first().themes.first()
    # theme, projects + their themes, upcoming events, latest posts, practices
    with django_assert_num_queries(7):  # + published results
        assert client.get(theme.get_absolute_url()).status_code == 200
