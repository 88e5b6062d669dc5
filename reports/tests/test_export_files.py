"""Export files: kept where no URL reaches them, handed out only by the checked, logged view."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied

from core import outbox
from core.models import AccessLog
from core.roles import NETWORK_COORDINATOR_GROUP
from reports import services
from reports.models import Export
from reports.tests.factories import respond
from surveys.tests.factories import build_survey

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
        ("oph", 404),  # OPH takes no raw rows (surveys.privacy), nor somebody else's file
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
        # The confidentiality notice, the header and the 5 rows.
        assert b"".join(response.streaming_content).count(b"\n") == 7
        assert logged == [
            (cast[role].pk, "surveys.responses.download.csv", str(survey.pk)),
        ]
    else:
        assert logged == []  # a refused request reads nothing and logs nothing
        assert not getattr(response, "streaming", False)


def test_the_oph_viewer_makes_no_raw_export(oph_viewer, survey):
    # Row-level responses are the network coordinators' only (surveys.privacy).
    with pytest.raises(PermissionDenied):
        services.export_start(
            user=oph_viewer, survey=survey, table="responses", fmt="xlsx", params={}
        )
    assert not Export.objects.exists()


def test_an_owner_whose_role_was_taken_away_gets_nothing(client, coordinator, survey):
    # A project coordinator who was also a network coordinator keeps the dashboard when
    # that role goes, but no longer the raw responses, nor the export made with them.
    network = Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)[0]
    coordinator.groups.add(network)
    export = _built_export(coordinator, survey)
    coordinator.groups.remove(network)
    client.force_login(coordinator)
    assert client.get("/fi/raportit/").status_code == 200  # still on the dashboard
    assert client.get(_download_url(export)).status_code == 404
    assert not AccessLog.objects.filter(what__contains="download").exists()
