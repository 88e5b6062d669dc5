"""Exports parsed back: every aggregated table and the anonymous raw responses."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from core import outbox
from core.models import AccessLog, OutboxMessage
from reports.models import Export
from reports.tests.factories import respond
from surveys.privacy import raw_export_notice
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project):
    s = build_survey()
    for value in (1, 2, 4, 4, 5, "dk"):
        respond(s, {"s1": value}, project=project, choice="yes", texts={"long": "Hyvä"})
    return s


def _csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    assert text.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads UTF-8
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig")), delimiter=";"))


def _xlsx(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _raw_url(s, fmt="csv"):
    return f"/fi/raportit/kyselyt/{s['survey'].slug}/vienti/responses.{fmt}"


def test_likert_table_as_csv_and_xlsx(client, oph_viewer, survey):
    client.force_login(oph_viewer)
    base = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/likert-{survey['likert'].pk}"
    rows = _csv(client.get(f"{base}.csv"))
    header, first = rows[0], rows[1]
    assert header[:3] == ["Väittämä", "n", "1 (lkm)"]
    record = dict(zip(header, first, strict=True))
    assert record["n"] == "5" and record["En osaa sanoa"] == "1"
    assert record["Keskiarvo"] == "3,20"  # rounded once, decimal comma
    assert record["4 (%)"] == "40"  # whole percent, as on the page
    response = client.get(f"{base}.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxml")
    sheet = _xlsx(response.content)
    assert sheet[0] == header
    assert sheet[1][1] == 5 and sheet[1][header.index("Keskiarvo")] == 3.2
    assert sheet[1][header.index("4 (%)")] == 40


def test_every_table_of_the_page_exports(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    page = client.get(
        f"/fi/raportit/kyselyt/{survey['survey'].slug}/", {"by": str(survey["single"].pk)}
    )
    links = [
        line.split('href="')[1].split('"')[0]
        for line in page.content.decode().split("<a ")
        if ".csv" in line.split(">")[0] and "/vienti/" in line.split(">")[0]
    ]
    assert len(links) >= 5
    for link in links:
        response = client.get(link.replace("&amp;", "&"))
        assert response.status_code == 200, link
        assert _csv(response)[0]


def test_raw_responses_are_anonymous(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    response = client.get(_raw_url(survey))
    notice, *rows = _csv(response)
    assert notice == [raw_export_notice()]
    assert len(rows) == 7
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]  # numbered, not ids
    header = rows[0]
    column = next(i for i, h in enumerate(header) if h.endswith(survey["s1"].text))
    assert [r[column] for r in rows[1:]] == ["1", "2", "4", "4", "5", "En osaa sanoa"]
    assert "@" not in response.content.decode()
    (entry,) = AccessLog.objects.all()
    assert (entry.who, entry.what, entry.object_id) == (
        network_coordinator,
        "surveys.responses.export.csv",
        str(survey["survey"].pk),
    )


def test_project_coordinator_gets_no_raw_responses(client, coordinator, survey):
    client.force_login(coordinator)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.csv"
    assert client.get(url).status_code == 403


def test_large_export_runs_in_the_background(
    client, network_coordinator, other_coordinator, survey, settings
):
    settings.REPORTS_SYNC_EXPORT_LIMIT = 3
    client.force_login(network_coordinator)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.xlsx"
    response = client.get(url)
    export = Export.objects.get()
    assert response.status_code == 302 and response["Location"] == export.get_absolute_url()
    status = client.get(export.get_absolute_url())
    assert b'http-equiv="refresh"' in status.content  # no JavaScript needed
    outbox.run_pending_inline()
    export.refresh_from_db()
    assert export.status == Export.Status.READY
    assert export.file.name.startswith("exports/")
    status = client.get(export.get_absolute_url())
    assert b"Vienti on valmis" in status.content
    download = client.get(f"{export.get_absolute_url()}lataa/")
    sheet = _xlsx(b"".join(download.streaming_content))
    assert sheet[0] == [raw_export_notice()] + [None] * (len(sheet[1]) - 1)
    assert len(sheet) == 8
    assert list(AccessLog.objects.order_by("pk").values_list("what", flat=True)) == [
        "surveys.responses.export.xlsx",
        "surveys.responses.download.xlsx",
    ]
    client.force_login(other_coordinator)
    assert client.get(export.get_absolute_url()).status_code == 404


def test_print_page(client, network_coordinator, survey):
    from reports.models import Quote
    from surveys.models import Answer

    Quote.objects.create(answer=Answer.objects.filter(question=survey["long"]).first())
    client.force_login(network_coordinator)
    page = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/tulosta/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'media="print"' in html and 'role="img"' in html and "”Hyvä”" in html


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_raw_export_neutralises_formulas_and_drops_control_characters(
    client, network_coordinator, survey, fmt
):
    texts = ['=HYPERLINK("http://evil.example","x")', "@SUM(1)", "-2+3", "Bell\x07Name"]
    for text in texts:
        respond(survey, {"s1": 4}, choice="yes", texts={"long": text})
    client.force_login(network_coordinator)
    response = client.get(_raw_url(survey, fmt))
    assert response.status_code == 200
    if fmt == "csv":
        rows = _csv(response)[1:]
    else:
        rows = [["" if v is None else v for v in row] for row in _xlsx(response.content)[1:]]
    column = rows[0].index(survey["long"].text)
    assert [r[column] for r in rows[-4:]] == [
        '\'=HYPERLINK("http://evil.example","x")',
        "'@SUM(1)",
        "'-2+3",
        "BellName",
    ]


def test_background_export_with_a_control_character_ends_ready(
    client, network_coordinator, survey, settings
):
    respond(survey, {"s1": 4}, choice="yes", texts={"long": "Bell\x07Name"})
    settings.REPORTS_SYNC_EXPORT_LIMIT = 3
    client.force_login(network_coordinator)
    client.get(_raw_url(survey, "xlsx"))
    outbox.run_pending_inline()
    assert Export.objects.get().status == Export.Status.READY


@pytest.fixture
def failing_build(monkeypatch):
    """A bug in building the file (any exception) on the first build only."""
    from reports import exports

    real = exports.raw_responses_file
    calls = []

    def build(survey, fmt):
        calls.append(fmt)
        if len(calls) == 1:
            raise RuntimeError("broken")
        return real(survey, fmt)

    monkeypatch.setattr(exports, "raw_responses_file", build)
    return calls


def test_failed_background_export_is_shown_failed_and_retried_through_the_outbox(
    client, network_coordinator, survey, settings, failing_build
):
    settings.REPORTS_SYNC_EXPORT_LIMIT = 3
    client.force_login(network_coordinator)
    client.get(_raw_url(survey, "xlsx"))
    assert outbox.run_pending_inline() == 1  # the message is done, not retried forever
    failed = Export.objects.get()
    assert failed.status == Export.Status.FAILED
    page = client.get(failed.get_absolute_url())
    html = page.content.decode()
    assert "Vienti epäonnistui" in html and 'http-equiv="refresh"' not in html
    retry_url = f"{failed.get_absolute_url()}uudelleen/"
    assert f'action="{retry_url}"' in html and "Yritä uudelleen" in html

    assert client.get(retry_url).status_code == 405  # a change: POST only
    response = client.post(retry_url)
    again = Export.objects.exclude(pk=failed.pk).get()
    assert response["Location"] == again.get_absolute_url()
    assert client.post(retry_url)["Location"] == again.get_absolute_url()  # a second click
    assert Export.objects.count() == 2
    assert OutboxMessage.objects.filter(done_at=None).count() == 1
    outbox.run_pending_inline()
    again.refresh_from_db()
    assert again.status == Export.Status.READY
    assert "Lataa XLSX" in client.get(again.get_absolute_url()).content.decode()


def test_export_pending_too_long_counts_as_failed(client, network_coordinator, survey):
    export = Export.objects.create(
        user=network_coordinator, survey=survey["survey"], table="responses", format="csv"
    )
    Export.objects.filter(pk=export.pk).update(created_at=timezone.now() - timedelta(hours=2))
    client.force_login(network_coordinator)
    html = client.get(export.get_absolute_url()).content.decode()
    assert "Vienti epäonnistui" in html and "Yritä uudelleen" in html


def test_only_the_owner_retries(client, network_coordinator, survey):
    from django.contrib.auth.models import Group

    from core.roles import NETWORK_COORDINATOR_GROUP
    from projects.tests.factories import UserFactory

    other = UserFactory()
    other.groups.add(Group.objects.get(name=NETWORK_COORDINATOR_GROUP))
    export = Export.objects.create(
        user=network_coordinator,
        survey=survey["survey"],
        table="responses",
        format="csv",
        status=Export.Status.FAILED,
    )
    client.force_login(other)
    assert client.post(f"{export.get_absolute_url()}uudelleen/").status_code == 404
    assert Export.objects.count() == 1


@pytest.fixture
def mean_of_3_625(project):
    """290/80 = 3.625: 2 x 1, 24 x 3 and 54 x 4. Value 1 is 2/80 = 2.5 % of the answers."""
    s = build_survey()
    for value in [1] * 2 + [3] * 24 + [4] * 54:
        respond(s, {"s1": value}, project=project, choice="yes")
    return s


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_one_rounding_rule_on_the_page_and_in_both_exports(client, oph_viewer, mean_of_3_625, lang):
    s = mean_of_3_625
    client.force_login(oph_viewer)
    if lang == "fi":
        base = f"/fi/raportit/kyselyt/{s['survey'].slug}/"
        export = f"{base}vienti/likert-{s['likert'].pk}"
    else:
        base = f"/sv/rapporter/enkater/{s['survey'].slug_sv}/"
        export = f"{base}export/likert-{s['likert'].pk}"
    html = client.get(base).content.decode()
    row = html.split(f'<th scope="row">{s["s1"].text}</th>')[1].split("</tr>")[0]
    cells = [c.split("</td>")[0] for c in row.split('class="num">')[1:]]
    assert cells[0] == "80"
    assert cells[2] == "3 %"  # value 1: 2.5 % rounded half up
    assert cells[-3] == "3,63"  # the mean 3.625, decimal comma in Finnish and Swedish
    chart_row = html.split('data-row="0">')[1].split("</g>")[0]
    assert ": 2 (3 %)</title>" in chart_row and "3,63" in chart_row

    header, first = _csv(client.get(f"{export}.csv"))[:2]
    record = dict(zip(header, first, strict=True))
    assert record[header[-3]] == "3,63" and record["1 (%)"] == "3"
    sheet = _xlsx(client.get(f"{export}.xlsx").content)
    assert sheet[1][-3] == 3.63 and sheet[1][header.index("1 (%)")] == 3
