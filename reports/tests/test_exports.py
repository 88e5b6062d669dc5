"""Exports parsed back: every aggregated table and the anonymous raw responses."""

import csv
import io

import pytest
from openpyxl import load_workbook

from reports.models import Export
from reports.tests.factories import respond
from surveys.tests.factories import build_survey
from valita import outbox
from valita.models import AccessLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project):
    s = build_survey()
    for value in (1, 2, 4, 4, 5, "dk"):
        respond(s, {"s1": value}, project=project, choice="yes", texts={"long": "Hyvä"})
    return s


def _csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def _xlsx(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_likert_table_as_csv_and_xlsx(client, oph_viewer, survey):
    client.force_login(oph_viewer)
    base = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/likert-{survey['likert'].pk}"
    rows = _csv(client.get(f"{base}.csv"))
    header, first = rows[0], rows[1]
    assert header[:3] == ["Väittämä", "n", "1 (lkm)"]
    record = dict(zip(header, first, strict=True))
    assert record["n"] == "5" and record["En osaa sanoa"] == "1"
    assert float(record["Keskiarvo"]) == pytest.approx(3.2)
    assert float(record["4 (%)"]) == pytest.approx(0.4)
    response = client.get(f"{base}.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxml")
    sheet = _xlsx(response.content)
    assert sheet[0] == header
    assert sheet[1][1] == 5 and sheet[1][header.index("Keskiarvo")] == pytest.approx(3.2)


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


def test_raw_responses_are_anonymous(client, oph_viewer, survey):
    client.force_login(oph_viewer)
    response = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.csv")
    rows = _csv(response)
    assert len(rows) == 7
    assert [r[0] for r in rows[1:]] == ["1", "2", "3", "4", "5", "6"]  # numbered, not ids
    header = rows[0]
    column = next(i for i, h in enumerate(header) if h.endswith(survey["s1"].text))
    assert [r[column] for r in rows[1:]] == ["1", "2", "4", "4", "5", "En osaa sanoa"]
    assert "@" not in response.content.decode()
    (entry,) = AccessLog.objects.all()
    assert (entry.who, entry.what, entry.object_id) == (
        oph_viewer,
        "surveys.responses.export.csv",
        str(survey["survey"].pk),
    )


def test_project_coordinator_gets_no_raw_responses(client, coordinator, survey):
    client.force_login(coordinator)
    url = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/responses.csv"
    assert client.get(url).status_code == 403


def test_large_export_runs_in_the_background(
    client, oph_viewer, other_coordinator, survey, settings, django_capture_on_commit_callbacks
):
    settings.REPORTS_SYNC_EXPORT_LIMIT = 3
    client.force_login(oph_viewer)
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
    assert len(sheet) == 7
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
