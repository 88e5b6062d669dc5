"""A project's public page edited in the workspace: texts side by side, logo, contacts."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from projects.tests.factories import ContactPersonFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def png(size=(200, 100)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (120, 30, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def data(project, **changes):
    values = {
        "name_fi": project.name_fi,
        "name_sv": project.name_sv,
        "short_name_fi": project.short_name_fi,
        "slug_fi": project.slug_fi,
        "slug_sv": project.slug_sv,
        "summary_fi": project.summary_fi,
        "summary_sv": project.summary_sv,
        "kind": project.kind,
        "scope": project.scope,
        "is_published": "on",
    }
    values.update(changes)
    return values


def test_the_page_texts_side_by_side_with_missing_swedish_marked(client, coordinator, project):
    client.force_login(coordinator)
    text = client.get(reverse("projects_workspace:project_edit", args=[project.slug])).text
    assert 'class="lang-columns"' in text
    assert 'id="id_description_sv_missing"' in text  # the factory writes no Swedish description
    assert 'id="id_summary_sv_missing"' not in text


def test_a_coordinator_saves_the_texts_and_a_logo(client, coordinator, project):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(coordinator)
    url = reverse("projects_workspace:project_edit", args=[project.slug])
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    refused = client.post(url, data(project, logo=logo))
    assert refused.status_code == 200 and 'id="id_logo_alt_fi_error"' in refused.text
    project.refresh_from_db()
    assert not project.logo
    logo = SimpleUploadedFile("logo.png", png(), content_type="image/png")
    response = client.post(
        url, data(project, logo=logo, logo_alt_fi="Hankkeen logo", description_fi="<p>Uusi</p>")
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.logo and project.logo_alt_fi == "Hankkeen logo"
    assert project.description_fi == "<p>Uusi</p>"


def test_the_swedish_slug_finds_the_page_too(client, coordinator, project):
    client.force_login(coordinator)
    url = reverse("projects_workspace:project_edit", args=[project.slug_sv])
    assert client.get(url).status_code == 200


def test_contacts_are_edited_and_deleted(client, coordinator, project):
    contact = ContactPersonFactory(project=project, name="Vanha")
    client.force_login(coordinator)
    url = reverse("projects_workspace:project_contacts", args=[project.slug])
    response = client.post(
        url,
        {
            "contacts-TOTAL_FORMS": "2",
            "contacts-INITIAL_FORMS": "1",
            "contacts-0-id": contact.pk,
            "contacts-0-project": project.pk,
            "contacts-0-name": "Vanha",
            "contacts-0-order": "0",
            "contacts-0-DELETE": "on",
            "contacts-1-name": "Uusi Ihminen",
            "contacts-1-title_fi": "Koordinaattori",
            "contacts-1-title_sv": "Koordinator",
            "contacts-1-email": "uusi@example.org",
            "contacts-1-order": "1",
        },
    )
    assert response.status_code == 302
    assert list(project.contacts.values_list("name", "title_sv")) == [
        ("Uusi Ihminen", "Koordinator")
    ]


def test_the_list_queries_do_not_grow(client, network_coordinator):
    client.force_login(network_coordinator)
    url = reverse("projects_workspace:project_list")

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    ProjectFactory.create_batch(2)
    small = count()
    ProjectFactory.create_batch(20)
    assert count() == small
