"""Every figure on a survey page against numbers computed by hand from known answers."""

import statistics
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from events.tests.factories import EventFactory
from reports import charts, survey_report
from reports.access import scope_for
from reports.tests.factories import respond
from surveys.models import Collector
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"

# s1: 1, 2, 4, 4, 5, 5 and two "don't know"; s2: 3 x6 and one missing answer (no row).
S1 = [1, 2, 4, 4, 5, 5, "dk", "dk"]
S2 = [3, 3, 3, 3, 3, 3, None, None]


@pytest.fixture
def survey(project, other_project):
    s = build_survey()
    for index, (v1, v2) in enumerate(zip(S1, S2, strict=True)):
        values = {"s1": v1}
        if v2 is not None:
            values["s2"] = v2
        respond(
            s,
            values,
            project=project if index < 6 else other_project,
            choice="yes" if index < 5 else "no",
        )
    respond(s, {"s1": 1}, is_test=True)  # never counted
    return s


def _scale(values):
    return [v for v in values if isinstance(v, int)]


def test_likert_figures_against_hand_computed(survey, oph_viewer):
    report = survey_report.build(survey["survey"], scope_for(oph_viewer))
    assert report.total == 8
    group = report.likert_groups[0]
    row = dict(zip([c.label for c in group.table.columns], group.table.rows[0], strict=True))
    values = _scale(S1)
    assert row["n"] == len(values) == 6
    assert row["En osaa sanoa"] == 2
    assert row["1 (lkm)"] == 1 and row["4 (lkm)"] == 2 and row["3 (lkm)"] == 0
    assert row["4 (%)"] == pytest.approx(2 / 6)
    assert row["Keskiarvo"] == pytest.approx(statistics.mean(values))
    assert row["Mediaani"] == statistics.median(values)
    assert row["Keskihajonta"] == pytest.approx(statistics.stdev(values))
    row2 = dict(zip([c.label for c in group.table.columns], group.table.rows[1], strict=True))
    assert row2["n"] == 6 and row2["En osaa sanoa"] == 0 and row2["Keskihajonta"] == 0


def test_likert_count_columns_are_headed_in_the_pages_language(survey):
    with translation.override("sv"):
        names = [column.label for column in survey_report.likert_columns(survey["likert"])]
    assert "1 (antal)" in names
    assert not any("lkm" in name for name in names)


def test_choice_counts_and_shares(survey, oph_viewer):
    report = survey_report.build(survey["survey"], scope_for(oph_viewer))
    single = next(t for t in report.choice_tables if t.slug == f"choice-{survey['single'].pk}")
    assert single.rows[0][1:] == [5, pytest.approx(5 / 8)]
    assert single.rows[1][1:] == [3, pytest.approx(3 / 8)]
    assert single.rows[-1][1] == 8


def test_project_filter_and_small_cells(survey, project, other_project, oph_viewer):
    from projects.tests.factories import ProjectFactory

    # `project` has 6 responses, `other_project` 2: the network minus `project` would be
    # those 2, so `project` is hidden too (surveys.privacy.complementary_hidden).
    report = survey_report.build(survey["survey"], scope_for(oph_viewer), project=project)
    assert report.hidden and report.covered and report.total == 6
    assert report.likert_groups[0].table.rows[0][1] is None
    # With five more of a third project, those five cover the two instead.
    third = ProjectFactory()
    for _ in range(5):
        respond(survey, {"s1": 3}, project=third, choice="yes")
    report = survey_report.build(survey["survey"], scope_for(oph_viewer), project=project)
    assert not report.hidden and report.total == 6
    row = report.likert_groups[0].table.rows[0]
    assert row[1] == 6  # s1 answers 1, 2, 4, 4, 5, 5 all from `project`
    single = next(t for t in report.choice_tables if t.slug == f"choice-{survey['single'].pk}")
    assert single.rows[0][1] == 5  # 6 respondents in the filter: shown
    assert survey_report.build(survey["survey"], scope_for(oph_viewer), project=third).covered


def test_crosstab_hides_small_groups(survey, oph_viewer):
    table = survey_report.crosstab(survey["survey"], scope_for(oph_viewer), survey["single"])
    labels = [c.label for c in table.columns]
    assert labels[1:] == ["Kyllä: n", "Kyllä: ka.", "Ei: n", "Ei: ka."]
    s1 = table.rows[0]
    # "Kyllä": the first five respondents (1, 2, 4, 4, 5) -> n 5; "Ei": one answer on the
    # scale -> hidden, and "Kyllä" with it: the statement's n 6 and mean minus Kyllä's
    # would be that one answer.
    assert s1[1:] == [None, None, None, None]
    by_project = survey_report.crosstab(survey["survey"], scope_for(oph_viewer), "project")
    assert by_project.rows[0][1:] == [None, None, None, None]  # 6 beside 2: both hidden

    for _ in range(4):  # "Ei" grows to five answers on the scale: nothing to work out
        respond(survey, {"s1": 3}, choice="no")
    s1 = survey_report.crosstab(survey["survey"], scope_for(oph_viewer), survey["single"]).rows[0]
    assert s1[1] == 5 and s1[2] == pytest.approx(3.2)
    assert s1[3] == 5 and s1[4] == pytest.approx(statistics.mean([5, 3, 3, 3, 3]))


def test_round_comparison(survey, oph_viewer):
    first = survey["survey"]
    second = build_survey(series=first.series, round=2)
    second["s1"].previous = survey["s1"]
    second["s1"].save()
    for value in (5, 5, 4, 4, 4, "dk"):
        respond(second, {"s1": value})
    table = survey_report.round_comparison(second["survey"], first, scope_for(oph_viewer))
    row = table.rows[0]
    old_mean = statistics.mean(_scale(S1))
    assert row[1:5] == [6, pytest.approx(old_mean), 5, pytest.approx(4.4)]
    assert row[5] == pytest.approx(4.4 - old_mean)
    assert table.rows[1][1] is None  # s2 of round 2 has no earlier statement


def test_event_feedback(survey, project, oph_viewer):
    event = EventFactory(projects=[project])
    small = EventFactory(projects=[project])
    s = survey
    big_c = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=event)
    small_c = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.EVENT, event=small)
    for value in (2, 3, 4, 5, 5):
        respond(s, {"s1": value}, collector=big_c)
    respond(s, {"s1": 1}, collector=small_c)
    table = survey_report.event_feedback(s["survey"], scope_for(oph_viewer))
    assert table.rows[0][1:] == [5, None, None, None]
    assert table.rows[1][1:] == [5, pytest.approx(3.8), None, None]


def test_chart_is_well_formed_and_matches_the_table(survey, oph_viewer):
    report = survey_report.build(survey["survey"], scope_for(oph_viewer))
    group = report.likert_groups[0]
    svg = ET.fromstring(charts.render(group.chart, "x"))  # noqa: S314 - our own output
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == group.question.text
    assert svg.find(f"{SVG}desc").text
    assert "style" not in charts.render(group.chart, "x")
    rows = svg.findall(f"{SVG}g")
    for g, table_row in zip(rows, group.table.rows, strict=True):
        counts = {int(r.get("data-value")): int(r.get("data-count")) for r in g.iter(f"{SVG}rect")}
        assert [counts[v] for v in range(1, 6)] == table_row[2:12:2]
        widths = [float(r.get("width")) for r in g.iter(f"{SVG}rect")]
        shares = table_row[3:13:2]
        total_width = sum(widths)
        for width, share in zip(widths, shares, strict=True):
            assert width / total_width == pytest.approx(share, abs=0.01)


def test_chart_colours_have_aa_contrast():
    for size in range(2, 11):
        for colour in charts.scale_colours(size):
            assert charts.contrast(colour, charts.text_colour(colour)) >= 4.5
    assert charts.contrast(charts.DARK_INK, "#ffffff") >= 4.5


def test_survey_page_shows_chart_and_table(client, survey, network_coordinator):
    client.force_login(network_coordinator)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/"
    response = client.get(url, {"by": str(survey["single"].pk)})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html and "<caption" in html
    assert ' style="' not in html and "<style" not in html
    assert response.context["crosstab"] is not None
    sv = client.get(f"/sv/rapporter/enkater/{survey['survey'].slug_sv}/")
    assert sv.status_code == 200
