"""Network metrics: events and participants per project, theme and month."""

from datetime import UTC, date, datetime

import pytest

from blog.tests.factories import PostFactory
from events.tests.factories import EventFactory, RegistrationFactory
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ThemeFactory
from reports import metrics
from reports.access import scope_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(project, other_project):
    theme = ThemeFactory()
    own = EventFactory(projects=[project], themes=[theme], registration_enabled=True)
    shared = EventFactory(projects=[project, other_project], registration_enabled=True)
    for attended in (True, True, False):
        RegistrationFactory(event=own, attended=attended)
    RegistrationFactory(event=shared)
    return own, shared


def _rows(table):
    return {row[0]: row[1:] for row in table.rows}


def test_events_per_project_theme_month(events, project, other_project, oph_viewer):
    by_project, by_theme, by_month = metrics.event_tables(scope_for(oph_viewer))
    assert _rows(by_project)[project.name] == [2, 4, 2]
    assert _rows(by_project)[other_project.name] == [1, 1, 0]
    assert list(_rows(by_theme).values()) == [[1, 3, 2]]
    assert by_month.rows[-1][1:] == [2, 4, 2]  # totals: every event once


def test_project_coordinator_sees_own_rows(events, project, other_project, coordinator):
    by_project = metrics.event_tables(scope_for(coordinator))[0]
    assert set(_rows(by_project)) == {project.name}


def test_blog_posts_per_project(project, other_project, coordinator, oph_viewer):
    PostFactory.create_batch(2, projects=[project])
    PostFactory(projects=[other_project])
    PostFactory(projects=[project], status="draft")
    assert _rows(metrics.blog_table(scope_for(oph_viewer))) == {
        project.name: [2],
        other_project.name: [1],
        "Koko verkosto": [3],
    }
    assert set(_rows(metrics.blog_table(scope_for(coordinator)))) == {project.name, "Koko verkosto"}


def test_practices_in_use_one_and_two_years_after_the_project(project, oph_viewer):
    project.ends_on = date(2023, 12, 31)
    project.save()
    theme = ThemeFactory()
    kept = PracticeFactory(projects=[project], themes=[theme])
    PracticeFactory(projects=[project], themes=[theme])
    AdoptionFactory(practice=kept, last_confirmed_at=datetime(2025, 6, 1, tzinfo=UTC))
    by_project, by_theme = metrics.practice_tables(scope_for(oph_viewer))
    assert _rows(by_project) == {project.name: [2, 1, 0]}
    assert _rows(by_theme) == {theme.name: [2, 1, 0]}


@pytest.mark.parametrize("role", ["visitor", "coordinator", "oph"])
def test_metrics_page_access(client, cast, events, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get("/sv/rapporter/matare/")
    assert response.status_code == (302 if role == "visitor" else 200)
    if role != "visitor":
        xlsx = client.get("/sv/rapporter/matare/events-by-month.xlsx")
        assert xlsx.status_code == 200


def test_each_metrics_table_has_one_download_line(client, events, oph_viewer):
    client.force_login(oph_viewer)
    html = client.get("/fi/raportit/mittarit/").content.decode()
    tables = html.count('<table class="results-table"')
    assert tables > 0
    assert html.count("Lataa taulukko:") == tables
