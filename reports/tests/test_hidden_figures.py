"""Figures about fewer than five people stay hidden wherever the report shows them, and a
round the reader may not open is not compared either."""

import pytest

from reports import survey_report
from reports.access import scope_for
from reports.tests.factories import respond
from surveys.models import Collector
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


def test_a_small_projects_count_is_not_printed_in_the_summary(
    client, oph_viewer, project, other_project
):
    s = build_survey()
    for _ in range(6):
        respond(s, {"s1": 3}, project=project)
    for _ in range(3):
        respond(s, {"s1": 5}, project=other_project)
    client.force_login(oph_viewer)
    slug = s["survey"].slug
    for address in (f"/fi/raportit/kyselyt/{slug}/", f"/fi/raportit/kyselyt/{slug}/tulosta/"):
        page = client.get(f"{address}?project={other_project.pk}").text
        assert "3 vastausta" not in page
        assert "Alle viisi vastausta." in page
    assert "6 vastausta" in client.get(f"/fi/raportit/kyselyt/{slug}/?project={project.pk}").text


def test_a_mean_of_fewer_than_five_scale_answers_is_hidden(network_coordinator, project):
    s = build_survey()
    respond(s, {"s1": 2}, project=project)
    for _ in range(4):
        respond(s, {"s1": "dk"}, project=project)  # five answered, four of them "don't know"
    for _ in range(5):
        respond(s, {"s2": 4}, project=project)
    report = survey_report.build(s["survey"], scope_for(network_coordinator), use_cache=False)
    (group,) = report.likert_groups
    one_person, five_people = group.table.rows
    assert one_person[1:] == [None] * (len(one_person) - 1)
    assert five_people[1] == 5


def test_a_theme_filter_that_is_not_a_number_finds_nothing(client, network_coordinator):
    s = build_survey()
    client.force_login(network_coordinator)
    address = f"/fi/raportit/kyselyt/{s['survey'].slug}/avoimet/{s['long'].pk}/"
    assert client.get(address + "?theme=%C2%B2").status_code == 200  # "²" passes isdigit()


def test_a_round_outside_the_coordinators_projects_is_no_comparison(
    client, coordinator, project, other_project
):
    first = build_survey(series="verkosto", round=1)
    second = build_survey(series="verkosto", round=2)
    Collector.objects.create(survey=first["survey"], kind=Collector.Kind.PROJECT, project=project)
    for _ in range(5):
        respond(first, {"s1": 3}, project=project)
    for _ in range(7):
        respond(second, {"s1": 1}, project=other_project)
    client.force_login(coordinator)
    assert client.get(f"/fi/raportit/kyselyt/{second['survey'].slug}/").status_code == 404
    base = f"/fi/raportit/kyselyt/{first['survey'].slug}/"
    compare = f"?compare={second['survey'].pk}"
    assert client.get(f"{base}vienti/rounds.csv{compare}").status_code == 404
    assert second["survey"].title_fi not in client.get(base).text  # not offered either
