"""The small-cell policy (surveys/privacy.py) per role and per output: page, CSV, XLSX,
printable report, public results, raw responses, open answers."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core import outbox
from reports.models import Export, PublishedResult
from reports.tests.factories import respond
from surveys import privacy
from surveys.models import Response
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db

RESULT_ROLES = ["coordinator", "other_coordinator", "network_coordinator", "oph"]


@pytest.fixture
def survey(project, other_project):
    """Nine responses: `project` 6 and `other_project` 3; "Kyllä" 7 and "Ei" 2; two in
    Swedish; statement s2 answered by three only (a small cell of the whole network)."""
    s = build_survey()
    for index in range(9):
        values = {"s1": 1 + index % 5}
        if index < 3:
            values["s2"] = 4
        response = respond(
            s,
            values,
            project=project if index < 6 else other_project,
            choice="yes" if index < 7 else "no",
            texts={"long": f"Vastaus {index}"},
        )
        if index in (0, 8):
            Response.objects.filter(pk=response.pk).update(language="sv")
    return s


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def _xlsx(content: bytes) -> list[list]:
    sheet = load_workbook(io.BytesIO(content)).active
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def _login(client, cast, role):
    if cast[role].is_authenticated:
        client.force_login(cast[role])


def test_small_cell_rule():
    assert privacy.MIN_CELL == 5
    assert [privacy.small_cell(n) for n in (None, 0, 1, 4, 5, 6)] == [True] * 4 + [False] * 2
    assert privacy.shown(3.5, 4) is None
    assert privacy.shown(3.5, 5) == 3.5


def test_blank_small_groups_leaves_empty_cells_and_large_groups():
    rows = [[v, ""] for v in ["a"] * 5 + ["b"] * 4] + [["", "y"]]
    privacy.blank_small_groups(rows, [0, 1])
    assert [r[0] for r in rows] == ["a"] * 5 + [""] * 5
    assert [r[1] for r in rows] == [""] * 10


# Row-level data: network coordinators only -----------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ["visitor", *RESULT_ROLES])
def test_raw_responses_only_for_network_coordinators(client, cast, survey, role, fmt):
    _login(client, cast, role)
    slug = survey["survey"].slug
    response = client.get(f"/fi/raportit/kyselyt/{slug}/vienti/responses.{fmt}")
    page = client.get(f"/fi/raportit/kyselyt/{slug}/")
    if role == "visitor":
        assert response.status_code == 302
        return
    link = f"/vienti/responses.{fmt}"
    if role == "network_coordinator":
        assert response.status_code == 200
        assert link in page.content.decode()
        assert privacy.raw_export_notice() in page.content.decode()
    else:
        assert response.status_code == 403
        assert link not in page.content.decode()
        # the aggregated tables stay theirs to take
        likert = f"/fi/raportit/kyselyt/{slug}/vienti/likert-{survey['likert'].pk}.{fmt}"
        assert client.get(likert).status_code == 200


@pytest.mark.parametrize("role", ["oph", "coordinator"])
def test_no_background_raw_export_for_others(client, cast, survey, role, settings):
    settings.REPORTS_SYNC_EXPORT_LIMIT = 3
    client.force_login(cast[role])
    response = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.csv")
    assert response.status_code == 403
    assert not Export.objects.exists()


def test_earlier_raw_export_is_not_handed_out_without_the_role(client, oph_viewer, survey):
    """An export made before the policy (or before the role changed) stays inside."""
    export = Export.objects.create(
        user=oph_viewer,
        survey=survey["survey"],
        table="responses",
        format="csv",
        status=Export.Status.READY,
    )
    client.force_login(oph_viewer)
    assert client.get(export.get_absolute_url()).status_code == 404
    assert client.get(f"{export.get_absolute_url()}lataa/").status_code == 404


def test_background_export_fails_when_the_role_is_gone(network_coordinator, survey):
    from reports import services

    export = services.export_start(
        user=network_coordinator, survey=survey["survey"], table="responses", fmt="csv", params={}
    )
    network_coordinator.groups.clear()
    outbox.run_pending_inline()
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED and not export.file


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_raw_rows_blank_background_of_small_groups(
    client, network_coordinator, survey, project, other_project, fmt
):
    client.force_login(network_coordinator)
    content = client.get(
        f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.{fmt}"
    ).content
    notice, header, *rows = _csv(content) if fmt == "csv" else _xlsx(content)
    assert notice[0] == privacy.raw_export_notice()
    column = {label: i for i, label in enumerate(header)}
    # project: 6 shown, 3 blanked; the answer "Ei" of two blanked; Swedish (two) blanked
    assert [r[column["Hanke"]] for r in rows] == [project.name] * 6 + [""] * 3
    assert [r[column[survey["single"].text]] for r in rows] == ["Kyllä"] * 7 + [""] * 2
    assert [r[column["Kieli"]] for r in rows] == [""] + ["fi"] * 7 + [""]
    # the answers themselves are kept
    s1 = column[f"{survey['likert'].text}: {survey['s1'].text}"]
    assert [str(r[s1]) for r in rows] == [str(1 + i % 5) for i in range(9)]


# Aggregated figures: small cells hidden for everybody, the network totals too -----------


@pytest.mark.parametrize("role", RESULT_ROLES)
def test_small_statement_hidden_on_page_csv_xlsx_and_print(client, cast, survey, role):
    client.force_login(cast[role])
    base = f"/fi/raportit/kyselyt/{survey['survey'].slug}/"
    report = client.get(base).context["report"]
    table = report.likert_groups[0].table
    assert table.rows[0][1] == 9  # s1: every response
    assert table.rows[1][1:] == [None] * (len(table.columns) - 1)  # s2: three answers

    export = f"{base}vienti/{table.slug}"
    csv_rows = _csv(client.get(f"{export}.csv").content)
    assert csv_rows[2][1:] == [""] * (len(table.columns) - 1)
    xlsx_rows = _xlsx(client.get(f"{export}.xlsx").content)
    assert xlsx_rows[2][1:] == [""] * (len(table.columns) - 1)

    printed = client.get(f"{base}tulosta/").content.decode()
    s2_row = printed.split(f'<th scope="row">{survey["s2"].text}</th>')[1].split("</tr>")[0]
    assert s2_row.count("ei näytetä") == len(table.columns) - 1


def test_small_statement_hidden_on_the_public_page(client, survey):
    PublishedResult.objects.create(
        kind=PublishedResult.Kind.CHART, survey=survey["survey"], question=survey["likert"]
    )
    group = client.get("/fi/tulokset/").context["items"][0].group
    assert group.table.rows[0][1] == 9 and group.table.rows[1][1] is None


def test_a_survey_under_five_shows_no_figure(client, oph_viewer):
    s = build_survey()
    for value in (1, 5, 5):
        respond(s, {"s1": value}, choice="yes")
    client.force_login(oph_viewer)
    report = client.get(f"/fi/raportit/kyselyt/{s['survey'].slug}/").context["report"]
    assert report.hidden and report.total == 3
    assert report.likert_groups[0].table.rows[0][1] is None
    choice = next(t for t in report.choice_tables if t.slug == f"choice-{s['single'].pk}")
    assert all(cell is None for row in choice.rows for cell in row[1:])


def test_round_comparison_hides_small_rounds_in_the_network_totals(oph_viewer, survey):
    from reports import survey_report
    from reports.access import scope_for

    second = build_survey(series=survey["survey"].series, round=2)
    second["s1"].previous = survey["s1"]
    second["s1"].save()
    second["s2"].previous = survey["s2"]
    second["s2"].save()
    for value in (5, 4, 4, 4, 3, 2):
        respond(second, {"s1": value, "s2": value})
    table = survey_report.round_comparison(
        second["survey"], survey["survey"], scope_for(oph_viewer)
    )
    assert table.rows[0][1] == 9 and table.rows[0][3] == 6
    assert table.rows[1][1:3] == [None, None]  # s2 of round 1: three answers
    assert table.rows[1][3] == 6 and table.rows[1][5] is None  # no change from a hidden mean


# Open answers: a project coordinator reads those of their large enough projects ----------


@pytest.mark.parametrize(
    "role,expected",
    [
        ("coordinator", {f"Vastaus {i}" for i in range(6)}),
        ("other_coordinator", set()),  # three responses: a small group
        ("oph", {f"Vastaus {i}" for i in range(9)}),
        ("network_coordinator", {f"Vastaus {i}" for i in range(9)}),
    ],
)
def test_open_answers_of_small_projects_are_not_shown(client, cast, survey, role, expected):
    client.force_login(cast[role])
    slug = survey["survey"].slug
    page = client.get(f"/fi/raportit/kyselyt/{slug}/avoimet/{survey['long'].pk}/")
    assert {a.text for a in page.context["page_obj"]} == expected
    index = client.get(f"/fi/raportit/kyselyt/{slug}/avoimet/").context["questions"]
    assert next(q for q in index if q.pk == survey["long"].pk).answer_count == len(expected)


@pytest.mark.parametrize("role,shown", [("coordinator", True), ("other_coordinator", False)])
def test_printed_quotes_follow_the_open_answers_rule(client, cast, survey, role, shown):
    from reports.models import Quote
    from surveys.models import Answer

    for text in ("Vastaus 0", "Vastaus 8"):  # `project` (six) and `other_project` (three)
        Quote.objects.create(answer=Answer.objects.get(question=survey["long"], text=text))
    client.force_login(cast[role])
    html = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/tulosta/").content.decode()
    assert ("”Vastaus 0”" in html) == shown
    assert "”Vastaus 8”" not in html


# The policy stated where people read it --------------------------------------------------


@pytest.mark.parametrize(
    "url,words",
    [
        ("/fi/tietosuojaseloste/", ["Alle viiden", "verkostokoordinaattori"]),
        ("/sv/dataskyddsbeskrivning/", ["färre än fem", "nätverkskoordinator"]),
    ],
)
def test_privacy_notice_states_the_policy(client, url, words):
    html = client.get(url).content.decode()
    for word in words:
        assert word in html
