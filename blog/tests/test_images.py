"""Cover uploads: real bad files made here are refused with a clear message; metadata goes."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from blog.models import Post
from blog.tests.factories import PostFactory, image_bytes
from core import images

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Kameravalmistaja"  # Make
    exif[0x0131] = "Salainen ohjelma 1.0"  # Software
    exif[GPS_IFD] = {1: "N", 2: (61.0, 29.0, 50.0), 3: "E", 4: (23.0, 45.0, 39.0)}
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (10, 120, 60)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims a huge size: a decompression bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def upload(data: bytes, name="kuva.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def codes(data: bytes, name="kuva.jpg") -> str:
    with pytest.raises(ValidationError) as caught:
        images.clean_image(upload(data, name), min_side=200)  # as for covers
    return caught.value.code


def test_text_file_is_not_an_image():
    assert codes(b"Hei, en ole kuva vaan tekstia.\n" * 20, "kuva.jpg") == "not_image"


def test_html_pretending_to_be_an_image_is_refused():
    assert codes(b"<html><script>alert(1)</script></html>", "kuva.png") == "not_image"


def test_truncated_jpeg_is_refused():
    data = image_bytes(size=(800, 600), colour=(200, 10, 10))
    noisy = Image.effect_noise((800, 600), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="JPEG", quality=95)
    data = out.getvalue()
    assert codes(data[: len(data) // 2]) == "broken"


def test_truncated_png_is_refused():
    noisy = Image.effect_noise((600, 600), 80)
    out = io.BytesIO()
    noisy.save(out, format="PNG")
    data = out.getvalue()
    assert codes(data[: len(data) // 2], "kuva.png") == "broken"


def test_too_many_pixels_is_refused_before_decoding():
    # 6000 × 5000 = 30 MP of one colour: a small file, too many pixels.
    out = io.BytesIO()
    Image.new("L", (6000, 5000), 200).save(out, format="PNG")
    assert len(out.getvalue()) < images.max_bytes()
    assert codes(out.getvalue(), "iso.png") == "too_many_pixels"


def test_decompression_bomb_header_is_refused():
    assert codes(png_header_only(50_000, 50_000), "pommi.png") == "too_many_pixels"


def test_gif_is_not_an_allowed_type():
    out = io.BytesIO()
    Image.new("P", (400, 400)).save(out, format="GIF")
    assert codes(out.getvalue(), "kuva.gif") == "format"


def test_tiny_image_is_refused():
    assert codes(image_bytes(size=(50, 50))) == "too_small"


def test_too_large_file_is_refused(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000
    assert codes(image_bytes(size=(800, 800))) == "too_large"


def test_exif_and_gps_are_stripped():
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)  # the test file has GPS
    cleaned = images.clean_image(upload(data)).content.read()
    reopened = Image.open(io.BytesIO(cleaned))
    assert len(reopened.getexif()) == 0
    assert b"Exif" not in cleaned
    assert b"Kameravalmistaja" not in cleaned


def test_saved_cover_has_no_gps(project):
    post = PostFactory(
        projects=[project],
        cover_image=ContentFile(jpeg_with_gps(), name="paikka.jpg"),
        cover_alt_fi="Metsä",
        cover_alt_sv="Skog",
    )
    post.refresh_from_db()
    with post.cover_image.open("rb") as f:
        stored = f.read()
    assert len(Image.open(io.BytesIO(stored)).getexif()) == 0
    assert (post.cover_width, post.cover_height) == (640, 480)


def test_exif_orientation_is_applied_before_stripping():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    out = io.BytesIO()
    Image.new("RGB", (600, 300), (0, 0, 255)).save(out, format="JPEG", exif=exif)
    cleaned = images.clean_image(upload(out.getvalue()))
    assert (cleaned.width, cleaned.height) == (300, 600)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Tiedosto ei ole kuva. Lataa JPEG-, PNG- tai WebP-kuva."),
        ("sv", "Filen är inte en bild. Ladda upp en JPEG-, PNG- eller WebP-bild."),
    ],
)
def test_message_is_in_the_users_language(language, text):
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            images.clean_image(upload(b"not an image at all" * 10))
        assert caught.value.messages == [text]


def test_broken_upload_in_the_admin_shows_a_message_and_stores_nothing(
    client, coordinator, project, settings
):
    client.force_login(coordinator)
    noisy = Image.effect_noise((500, 500), 80).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, format="JPEG")
    broken = out.getvalue()[:4000]
    response = client.post(
        "/fi/admin/blog/post/add/",
        {
            "title_fi": "Rikkinäinen kuva",
            "cover_image": upload(broken),
            "cover_alt_fi": "Kuva",
            "projects": [project.pk],
            "status": "draft",
            "publish_at_0": "1.12.2026",
            "publish_at_1": "12:00",
        },
    )
    assert response.status_code == 200
    assert "Kuvatiedosto on rikki tai vajaa." in response.content.decode()
    assert not Post.objects.exists()
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))


def test_renditions_are_made_after_commit(project, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(
            projects=[project],
            with_cover=True,
            cover_image=ContentFile(image_bytes(size=(2000, 1000)), "iso.jpg"),
        )
    post.refresh_from_db()
    widths = [item["width"] for item in post.cover_sources()]
    assert widths == [480, 960, 1600]
    srcset = post.cover_srcset()
    assert "480w" in srcset and "2000w" in srcset
    storage = post.cover_image.storage
    for item in post.cover_sources():
        with storage.open(item["name"]) as f:
            assert Image.open(f).format == "WEBP"


def test_renditions_task_is_idempotent(project, django_capture_on_commit_callbacks):
    from blog.services import cover_renditions_make

    with django_capture_on_commit_callbacks(execute=True):
        post = PostFactory(projects=[project], with_cover=True)
    assert cover_renditions_make(post_id=post.pk) is False  # already made for this file


def test_alt_text_is_required_with_a_cover(project):
    post = PostFactory.build(
        title_fi="Otsikko", title_sv="", cover_image=ContentFile(image_bytes(), name="k.jpg")
    )
    with pytest.raises(ValidationError) as caught:
        post.full_clean(exclude=["projects", "slug"])
    assert "cover_alt_fi" in caught.value.message_dict
