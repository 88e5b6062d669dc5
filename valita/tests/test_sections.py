"""The sections of the apps on the home, theme and project pages (valita/sections.py) cost
the same queries when the content grows tenfold."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.tests.factories import PostFactory
from events.tests.factories import EventFactory
from projects.tests.factories import ProjectFactory, ThemeFactory
from valita.sections import home_sections, project_sections, theme_sections

pytestmark = pytest.mark.django_db


def _add(count: int, themes, projects) -> None:
    for _ in range(count):
        PostFactory(projects=projects, themes=themes)
        EventFactory(projects=projects, themes=themes)


def _queries(call) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        context = call()
    return len(queries), context


def test_sections_do_not_grow():
    themes = [ThemeFactory() for _ in range(2)]
    projects = [ProjectFactory(themes=themes) for _ in range(2)]
    calls = {
        "home": home_sections,
        "theme": lambda: theme_sections(themes[0]),
        "project": lambda: project_sections(projects[0]),
    }
    _add(2, themes, projects)
    small = {name: _queries(call) for name, call in calls.items()}
    _add(18, themes, projects)
    for name, call in calls.items():
        count, context = _queries(call)
        assert count == small[name][0], name
        assert len(context["posts_latest"]) == 3, name
        assert context["events_upcoming"], name
