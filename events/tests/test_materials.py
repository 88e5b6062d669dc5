"""Event materials: downloads that never run as the site's page, visible with their event."""

import pytest
from django.core.files.base import ContentFile

from events.models import Event, EventMaterial
from events.tests.factories import EventFactory
from projects.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HOSTILE_HTML = b"<html><script>fetch('/fi/tyotila/').then(r => r.text())</script></html>"


def _material(event, name="diat.html", content=HOSTILE_HTML) -> EventMaterial:
    return EventMaterial.objects.create(
        event=event, title="Diat", file=ContentFile(content, name=name)
    )


def test_an_html_material_is_a_sandboxed_download(client, project):
    material = _material(EventFactory(projects=[project]))
    page = client.get(material.event.get_absolute_url())
    assert material.href in page.content.decode()
    response = client.get(material.href)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="diat.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content) == HOSTILE_HTML  # the file, unchanged


def test_an_svg_material_is_a_sandboxed_download_too(client, project):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    material = _material(EventFactory(projects=[project]), name="kuva.svg", content=svg)
    response = client.get(material.href)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"


def test_a_material_has_no_public_media_address(client, project):
    material = _material(EventFactory(projects=[project]))
    assert material.file.name.startswith("events/materials/")
    assert client.get(f"/media/{material.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 404),
        ("other_coordinator", 404),
        ("oph", 404),
        ("coordinator", 200),
        ("network_coordinator", 200),
    ],
)
def test_a_draft_events_material_per_role(client, cast, project, role, expected):
    material = _material(EventFactory(projects=[project], status=Event.Status.DRAFT))
    if role != "visitor":
        client.force_login(cast[role])
    assert client.get(material.href).status_code == expected


def test_a_link_material_stays_a_link(project):
    material = EventMaterial.objects.create(
        event=EventFactory(projects=[project]), title="Tallenne", url="https://example.org/v"
    )
    assert material.href == "https://example.org/v"


def test_the_admin_links_a_material_through_the_checked_view(client, project):
    material = _material(EventFactory(projects=[project]))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(f"/fi/admin/events/event/{material.event.pk}/change/")
    assert page.status_code == 200
    assert f'href="{material.href}"' in page.content.decode()


def test_an_x_accel_download_is_never_served_from_the_page_cache(client, project, settings):
    # Replayed from the page cache, the answer would lose its X-Accel-Redirect: an empty file.
    settings.PRIVATE_MEDIA_SERVE = "x-accel-redirect"
    settings.PAGE_CACHE_SECONDS = 300
    material = _material(EventFactory(projects=[project]))
    for _ in range(2):
        response = client.get(material.href)
        assert response["X-Accel-Redirect"] == f"/_private/{material.file.name}"
