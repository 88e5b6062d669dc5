"""A practice's attachments go through the one upload check (core/attachments.py), in the
model, the admin and the download."""

import pytest
from django.core.exceptions import ValidationError

from core.tests.test_attachments import WINDOWS_EXE, pdf_bytes, upload
from practices.models import PracticeAttachment
from practices.tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_model_validation_refuses_a_renamed_executable():
    attachment = PracticeAttachment(
        practice=PracticeFactory(), title_fi="Opas", file=upload("opas.pdf", WINDOWS_EXE)
    )
    with pytest.raises(ValidationError) as error:
        attachment.full_clean()
    assert "file" in error.value.error_dict


def _admin_data(practice, **extra):
    data = {
        "title_fi": practice.title_fi,
        "slug_fi": practice.slug_fi,
        "summary_fi": practice.summary_fi,
        "status": "ready",
        "target_group": "students",
        "is_published": "on",
        "licence": "cc-by-4.0",
        "projects": [p.pk for p in practice.projects.all()],
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "attachments-0-title_fi": "Opas",
        "attachments-0-order": "0",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "adoptions-TOTAL_FORMS": "0",
        "adoptions-INITIAL_FORMS": "0",
        "adoptions-MIN_NUM_FORMS": "0",
        "adoptions-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_admin_refuses_a_renamed_executable_with_a_swedish_message(client, network_coordinator):
    practice = PracticeFactory()
    client.force_login(network_coordinator)
    response = client.post(
        f"/sv/admin/practices/practice/{practice.pk}/change/",
        _admin_data(practice, **{"attachments-0-file": upload("opas.pdf", WINDOWS_EXE)}),
    )
    assert response.status_code == 200
    assert "Filens innehåll motsvarar inte filändelsen PDF" in response.content.decode()
    assert not PracticeAttachment.objects.exists()


def test_admin_accepts_a_pdf_and_the_download_is_safe(client, network_coordinator):
    practice = PracticeFactory()
    client.force_login(network_coordinator)
    response = client.post(
        f"/fi/admin/practices/practice/{practice.pk}/change/",
        _admin_data(practice, **{"attachments-0-file": upload("Opas <x>.pdf", pdf_bytes())}),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = PracticeAttachment.objects.get()
    assert attachment.kind == "pdf"
    assert attachment.file.name.startswith("practices/attachments/")
    assert "<" not in attachment.file.name
    client.logout()
    response = client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="opas.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_attachment_of_an_unpublished_practice_is_not_served(client):
    practice = PracticeFactory(is_published=False)
    attachment = PracticeAttachment.objects.create(
        practice=practice, title_fi="Opas", file=upload("opas.pdf", pdf_bytes())
    )
    assert client.get(attachment.get_absolute_url()).status_code == 404
    # Nor at a /media/ address: the file is in the private storage.
    assert client.get(f"/media/{attachment.file.name}").status_code == 404
    assert attachment.file.storage.exists(attachment.file.name)
