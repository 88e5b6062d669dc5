"""Export files: kept where no URL reaches them, handed out only by the checked, logged view."""

import pytest
from django.contrib.auth.models import Group

from reports import services
from reports.models import Export
from reports.tests.factories import respond
from surveys.tests.factories import build_survey
from valita import outbox
from valita.models import AccessLog
from valita.roles import OPH_GROUP

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project):
    s = build_survey()
    for value in (1, 2, 4, 4, 5):
        respond(s, {"s1": value}, project=project, choice="yes", texts={"long": "Hyvä"})
    return s["survey"]


def _built_export(user, survey, fmt="csv") -> Export:
    export = services.export_start(user=user, survey=survey, table="responses", fmt=fmt, params={})
    outbox.run_pending_inline()
    export.refresh_from_db()
    assert export.status == Export.Status.READY
    return export


def _download_url(export) -> str:
    return f"/fi/raportit/viennit/{export.pk}/lataa/"


def test_an_export_is_not_under_the_public_media_folder(client, network_coordinator, survey):
    export = _built_export(network_coordinator, survey)
    name = export.file.name
    assert name.startswith("exports/")
    # The address the file had before: nobody, signed in or not, gets it there.
    assert client.get(f"/media/{name}").status_code == 404
    client.force_login(network_coordinator)
    assert client.get(f"/media/{name}").status_code == 404
    assert export.file.storage.exists(name)
    assert export.file.url == _download_url(export)  # its only address: the checked view


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 302),  # to the sign-in page
        ("coordinator", 404),
        ("other_coordinator", 404),
        ("oph", 404),  # OPH sees raw data, but this export is somebody else's
        ("network_coordinator", 200),  # the owner
    ],
)
def test_download_permission_per_role(client, cast, survey, role, expected):
    export = _built_export(cast["network_coordinator"], survey)
    AccessLog.objects.all().delete()
    if role != "visitor":
        client.force_login(cast[role])
    response = client.get(_download_url(export))
    assert response.status_code == expected
    logged = list(AccessLog.objects.values_list("who", "what", "object_id"))
    if expected == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content).count(b"\n") == 6  # header + 5 rows
        assert logged == [
            (cast[role].pk, "surveys.responses.download.csv", str(survey.pk)),
        ]
    else:
        assert logged == []  # a refused request reads nothing and logs nothing
        assert not getattr(response, "streaming", False)


def test_the_oph_viewer_downloads_their_own_export(client, oph_viewer, survey):
    export = _built_export(oph_viewer, survey, fmt="xlsx")
    client.force_login(oph_viewer)
    response = client.get(_download_url(export))
    assert response.status_code == 200
    assert AccessLog.objects.filter(what="surveys.responses.download.xlsx").count() == 1


def test_an_owner_whose_role_was_taken_away_gets_nothing(client, coordinator, survey):
    # An OPH viewer who is also a project coordinator keeps the dashboard when OPH goes,
    # but no longer the raw responses, nor the export made with them.
    oph = Group.objects.get_or_create(name=OPH_GROUP)[0]
    coordinator.groups.add(oph)
    export = _built_export(coordinator, survey)
    coordinator.groups.remove(oph)
    client.force_login(coordinator)
    assert client.get("/fi/raportit/").status_code == 200  # still on the dashboard
    assert client.get(_download_url(export)).status_code == 404
    assert not AccessLog.objects.filter(what__contains="download").exists()


def test_the_proxy_sends_the_file_in_x_accel_redirect_mode(
    client, network_coordinator, survey, settings
):
    settings.PRIVATE_MEDIA_SERVE = "x-accel-redirect"
    export = _built_export(network_coordinator, survey)
    client.force_login(network_coordinator)
    response = client.get(_download_url(export))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private/{export.file.name}"
    assert response.content == b""  # the proxy sends the bytes
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "private" in response["Cache-Control"]
    assert AccessLog.objects.filter(what="surveys.responses.download.csv").count() == 1


def test_the_upgrade_moves_an_old_public_export_and_can_run_again(network_coordinator, survey):
    import importlib

    from django.apps import apps
    from django.core.files.base import ContentFile
    from django.core.files.storage import storages

    migration = importlib.import_module("reports.migrations.0002_export_file_private")
    public, private = storages["default"], storages["private"]
    name = public.save("exports/2026/11/kysely-responses-1.csv", ContentFile(b"a;b\n"))
    orphan = public.save("exports/2026/10/vanha.csv", ContentFile(b"c\n"))
    Export.objects.create(
        user=network_coordinator, survey=survey, table="responses", format="csv", file=name
    )
    migration.move_exports(apps, None)
    migration.move_exports(apps, None)  # an interrupted upgrade is simply run again
    for moved in (name, orphan):
        assert not public.exists(moved) and private.exists(moved)
    with private.open(name) as f:
        assert f.read() == b"a;b\n"
