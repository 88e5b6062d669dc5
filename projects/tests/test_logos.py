"""Project logos go through the one image pipeline (core/images.py), as covers do."""

import io

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import translation
from PIL import Image

from blog.tests.test_images import GPS_IFD, jpeg_with_gps, png_header_only
from projects.models import Project
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _admin_logo_form(user, project, upload):
    """The admin's own form for a project, bound to the project's data and an upload."""
    request = RequestFactory().post("/")
    request.user = user
    model_admin = admin_site._registry[Project]
    form_class = model_admin.get_form(request, obj=project, fields=["logo", "logo_alt_fi"])
    return form_class(
        data={"logo_alt_fi": "Hankkeen logo"}, files={"logo": upload}, instance=project
    )


def test_a_logo_is_stored_without_its_exif_and_gps(project):
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the upload has GPS
    project.logo = ContentFile(data, name="logo.jpg")
    project.logo_alt_fi = "Logo"
    project.save()
    project.refresh_from_db()
    with project.logo.open("rb") as f:
        stored = f.read()
    assert len(Image.open(io.BytesIO(stored)).getexif()) == 0
    assert b"Kameravalmistaja" not in stored


def test_the_admin_form_stores_a_logo_without_gps(network_coordinator, project):
    form = _admin_logo_form(
        network_coordinator, project, SimpleUploadedFile("logo.jpg", jpeg_with_gps())
    )
    assert form.is_valid(), form.errors
    form.save()
    project.refresh_from_db()
    with project.logo.open("rb") as f:
        assert len(Image.open(f).getexif()) == 0


def test_a_large_logo_is_shrunk_to_what_pages_show(project):
    out = io.BytesIO()
    Image.new("RGB", (2000, 1000), (200, 30, 30)).save(out, format="PNG")
    project.logo = ContentFile(out.getvalue(), name="iso.png")
    project.save()
    with project.logo.open("rb") as f:
        assert Image.open(f).size == (640, 320)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Tiedosto ei ole kuva. Lataa JPEG-, PNG- tai WebP-kuva."),
        ("sv", "Filen är inte en bild. Ladda upp en JPEG-, PNG- eller WebP-bild."),
    ],
)
def test_a_web_page_named_jpg_is_refused_beside_the_field(
    network_coordinator, project, language, message
):
    page = SimpleUploadedFile("logo.jpg", b"<html><script>alert(1)</script></html>")
    with translation.override(language):
        form = _admin_logo_form(network_coordinator, project, page)
        assert not form.is_valid()
        assert form.errors["logo"] == [message]
    project.refresh_from_db()
    assert not project.logo


def test_a_decompression_bomb_is_refused(network_coordinator, project):
    bomb = SimpleUploadedFile("pommi.png", png_header_only(50_000, 50_000))
    with translation.override("fi"):
        form = _admin_logo_form(network_coordinator, project, bomb)
        assert not form.is_valid()
    assert form.errors["logo"] == [
        "Kuvassa on liian monta pikseliä. Suurin sallittu koko on 24 megapikseliä."
    ]


def test_a_stored_logo_is_public_but_never_runs_as_a_page(client):
    project = ProjectFactory(logo=ContentFile(jpeg_with_gps(), name="logo.jpg"))
    response = client.get(project.logo.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
