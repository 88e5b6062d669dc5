"""The home's "what needs you" panel, and an OPH viewer who walks the workspace and finds
nothing to change."""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from practices import services as practice_services
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


class Main(HTMLParser):
    """The workspace's own part of a page (`.workspace-main`): its forms and links."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.forms = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth:
            if tag == "div":
                self.depth += 1
            if tag in ("form", "input", "textarea", "select", "button"):
                self.forms += 1
            if tag == "a" and attrs.get("href"):
                self.links.append(attrs["href"])
        elif tag == "div" and "workspace-main" in (attrs.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1


def main_of(html: str) -> Main:
    parser = Main()
    parser.feed(html)
    return parser


def test_home_lists_missing_swedish_of_the_users_own_objects(
    client, coordinator, project, other_project
):
    PracticeFactory(projects=[project], title_fi="Oma ilman ruotsia", summary_sv="")
    PracticeFactory(projects=[other_project], title_fi="Vieras ilman ruotsia", summary_sv="")
    client.force_login(coordinator)
    text = client.get(reverse("workspace:home")).text
    assert "Odottaa sinua: ruotsinkieliset tekstit" in text
    assert "Oma ilman ruotsia" in text and "Vieras ilman ruotsia" not in text
    assert "toimintamallien seuranta" not in text  # rounds are the network's


def test_home_shows_network_coordinators_the_rounds_open_and_due(
    client, network_coordinator, project
):
    practice = PracticeFactory(projects=[project], title_fi="Kierroksen malli")
    AdoptionFactory(practice=practice)
    practice_services.followup_round_start(
        title="Kevään seuranta",
        practices=[practice],
        closes_at=timezone.now() + timedelta(days=5),
    )
    ended = ProjectFactory(ends_on=timezone.localdate() - timedelta(days=800))
    due = PracticeFactory(projects=[ended], title_fi="Kahden vuoden malli")
    AdoptionFactory(practice=due)
    client.force_login(network_coordinator)
    text = client.get(reverse("workspace:home")).text
    assert "Kevään seuranta" in text and "0/1 vastannut" in text
    assert "Kahden vuoden malli" in text and "24 kuukauden seuranta puuttuu" in text


def test_home_queries_do_not_grow(client, network_coordinator, project):
    client.force_login(network_coordinator)
    url = reverse("workspace:home")

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def grow(n):
        for _ in range(n):
            practice = PracticeFactory(projects=[project], summary_sv="")
            AdoptionFactory(practice=practice)
            practice_services.followup_round_start(
                title="Kierros", practices=[practice], closes_at=timezone.now() + timedelta(days=5)
            )

    grow(1)
    small = count()
    grow(10)
    assert count() == small


def test_an_oph_viewer_walks_the_workspace_and_finds_nothing_to_change(client, oph_viewer, project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    client.force_login(oph_viewer)
    start = reverse("workspace:home")
    seen, queue = set(), [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            assert response.status_code in (403, 404), url
            continue
        main = main_of(response.text)
        assert main.forms == 0, f"a form for OPH at {url}"
        for link in main.links:
            assert "/admin/" not in link, link
            assert not re.search(r"/tyotila/.+/(\d+|uusi)/", link), f"edit link {link} at {url}"
        # The area navigation beside the page leads on.
        queue += re.findall(r'href="(/fi/tyotila/[^"?#]*)"', response.text)
    for url in (
        reverse("practices_workspace:practice_list"),
        reverse("projects_workspace:project_list"),
        reverse("workspace:translations"),
    ):
        assert url in seen
    # And what they would reach by address is refused.
    for url in (
        reverse("practices_workspace:practice_edit", args=[practice.pk]),
        reverse("practices_workspace:practice_create"),
        reverse("projects_workspace:project_edit", args=[project.slug]),
        reverse("practices_workspace:followup_start"),
    ):
        assert client.get(url).status_code in (403, 404), url
