"""Figures about fewer than five people stay hidden wherever the report shows them, and a
round the reader may not open is not compared either."""

import pytest
from django.urls import reverse

from reports import survey_report
from reports.access import scope_for
from reports.tests.factories import respond
from surveys.models import Collector
from surveys.privacy import complementary_hidden
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
    # The 6 would give the 3 away beside the network's 9: hidden too, and said why.
    page = client.get(f"/fi/raportit/kyselyt/{slug}/?project={project.pk}").text
    assert "6 vastausta" not in page
    assert "Vastausmäärää ei näytetä." in page
    assert "voisi laskea toisen, alle viiden vastaajan ryhmän tulokset" in page


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


@pytest.mark.parametrize(
    ("counts", "outside", "hidden"),
    [
        ([6, 3], 0, {0, 1}),  # the total minus 6 would give the 3 away
        ([20, 6, 3], 0, {1, 2}),  # the next smallest covers it
        ([20, 2, 2], 0, {0, 1, 2}),  # 2 + 2 is still a small group
        ([20, 3, 4], 0, {1, 2}),  # together 7: neither can be told apart
        ([20, 0, 8], 0, {1}),  # an empty cell gives nobody away
        ([6, 7], 0, set()),
        ([6, 7], 3, {0}),  # three in the total but in no cell: the 6 covers them
        ([6, 7], 5, set()),  # five outside are a group large enough
    ],
)
def test_a_hidden_figure_cannot_be_worked_out_from_the_total(counts, outside, hidden):
    assert complementary_hidden(counts, outside=outside) == hidden


def test_a_project_that_covers_a_small_one_is_hidden_on_every_page(
    client, oph_viewer, coordinator, project, other_project
):
    s = build_survey()
    for value in (1, 2, 3, 4, 5, 5):
        respond(s, {"s1": value}, project=project, choice="yes")
    for _ in range(3):
        respond(s, {"s1": 5}, project=other_project)
    slug = s["survey"].slug
    network = survey_report.build(s["survey"], scope_for(oph_viewer), use_cache=False)
    assert network.likert_groups[0].table.rows[0][1] == 9  # the network is shown
    for user in (oph_viewer, coordinator):
        client.force_login(user)
        base = f"/fi/raportit/kyselyt/{slug}/"
        report = client.get(base, {"project": project.pk}).context["report"]
        assert report.covered and report.likert_groups[0].table.rows[0][1] is None
        assert report.tables["per_day"].rows == []
        for by in ("project", s["single"].pk):
            crosstab = client.get(base, {"project": project.pk, "by": by}).context["crosstab"]
            assert crosstab.rows
            assert all(cell is None for row in crosstab.rows for cell in row[1:]), by
        export = client.get(reverse("reports:export", args=[slug, "projects", "csv"]))
        assert export.status_code == 200
        rows = [line.split(";") for line in export.content.decode("utf-8-sig").splitlines()]
        assert rows[-1][1] == "9"  # the network
        assert "6" not in [row[1] for row in rows]


def test_event_feedback_hides_an_event_that_would_give_a_small_one_away(oph_viewer, project):
    from events.tests.factories import EventFactory

    s = build_survey()
    big, small = EventFactory(projects=[project]), EventFactory(projects=[project])
    collectors = [
        Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
        for event in (big, small)
    ]
    for value in (1, 2, 3, 4, 5, 5):
        respond(s, {"s1": value}, collector=collectors[0])
    for value in (1, 1):
        respond(s, {"s1": value}, collector=collectors[1])
    table = survey_report.event_feedback(s["survey"], scope_for(oph_viewer))
    # Every response came through the two events: the network's figures minus the big
    # event's would be the small one's.
    assert table.rows[0][1:] == [None, None, None, None]
    assert table.rows[1][1:] == [None, None, None, None]
    for value in (3, 3, 3, 3, 3):  # five more through the public link cover the two
        respond(s, {"s1": value})
    table = survey_report.event_feedback(s["survey"], scope_for(oph_viewer))
    assert table.rows[0][1:] == [6, None, None, None]
    assert table.rows[1][1:3] == [6, pytest.approx(20 / 6)]


def test_a_round_that_hides_the_project_shows_nothing_of_it_in_the_comparison(
    oph_viewer, project, other_project
):
    first = build_survey()
    for value in (1, 2, 3, 4, 5, 5):
        respond(first, {"s1": value}, project=project)
    for _ in range(3):
        respond(first, {"s1": 5}, project=other_project)  # the 6 cover these 3
    second = build_survey(series=first["survey"].series, round=2)
    second["s1"].previous = first["s1"]
    second["s1"].save()
    for value in (4, 4, 4, 4, 4):
        respond(second, {"s1": value}, project=project)  # alone in round 2: shown
    table = survey_report.round_comparison(
        second["survey"], first["survey"], scope_for(oph_viewer), project=project
    )
    assert table.rows[0][1:] == [None, None, 5, pytest.approx(4.0), None]
