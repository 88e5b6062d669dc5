"""Cover images: uploads are checked with Pillow, re-encoded without metadata, and resized.

An upload must be a real JPEG, PNG or WebP image within the size and pixel limits.
The header is read before any pixel is decoded, so a decompression bomb (a small
file that expands to a huge image) is refused before it can take the memory.
Re-encoding drops every metadata block (EXIF with GPS, XMP, comments, PNG text).
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 24_000_000  # e.g. 6000 × 4000
MIN_SIDE = 200
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (480, 960, 1600)


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    width: int
    height: int


def _open_checked(data: bytes) -> Image.Image:
    """Open and fully decode the image, or raise a ValidationError saying what is wrong."""
    if len(data) > MAX_BYTES:
        raise _too_large()
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its limit refuses) on huge images: refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            width, height = image.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Kuvan pitää olla JPEG-, PNG- tai WebP-kuva."), code="format"
                )
            if width * height > MAX_PIXELS:
                raise _too_many_pixels()
            image.load()  # decodes every pixel: a truncated file fails here
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise ValidationError(
            _("Tiedosto ei ole kuva. Lataa JPEG-, PNG- tai WebP-kuva."), code="not_image"
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Kuvatiedosto on rikki tai vajaa. Tallenna kuva uudelleen ja lataa se sitten."),
            code="broken",
        ) from error
    if min(width, height) < MIN_SIDE:
        raise ValidationError(
            ngettext_lazy(
                "Kuva on liian pieni. Kummankin sivun pitää olla vähintään %(min)s pikseli.",
                "Kuva on liian pieni. Kummankin sivun pitää olla vähintään %(min)s pikseliä.",
                "min",
            ),
            code="too_small",
            params={"min": MIN_SIDE},
        )
    image.format_name = image_format
    return image


def _too_large() -> ValidationError:
    return ValidationError(
        _("Kuvatiedosto on liian suuri. Suurin sallittu koko on %(size)s Mt."),
        code="too_large",
        params={"size": MAX_BYTES // (1024 * 1024)},
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        ngettext_lazy(
            "Kuvassa on liian monta pikseliä. Suurin sallittu koko on %(mp)s megapikseli.",
            "Kuvassa on liian monta pikseliä. Suurin sallittu koko on %(mp)s megapikseliä.",
            "mp",
        ),
        code="too_many_pixels",
        params={"mp": MAX_PIXELS // 1_000_000},
    )


def validate_image_file(upload) -> None:
    """Model field validator: the same checks, so forms show the message by the field."""
    if upload is None or getattr(upload, "_committed", True):
        return  # a stored file was checked when it was uploaded
    clean_image(upload)


def _read(upload) -> bytes:
    # Refuse a huge upload by its size before reading it into memory.
    if (getattr(upload, "size", None) or 0) > MAX_BYTES:
        raise _too_large()
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_image(upload) -> CleanImage:
    """The upload re-encoded without metadata, turned upright by its EXIF orientation."""
    image = _open_checked(_read(upload))
    image_format = image.format_name
    upright = ImageOps.exif_transpose(image)
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    out = io.BytesIO()
    options = {
        "JPEG": {"quality": 88, "optimize": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 85},
    }[image_format]
    # No exif=, icc_profile=, pnginfo= or xmp=: nothing of the original's metadata is written.
    upright.save(out, format=image_format, **options)
    stem = PurePosixPath(getattr(upload, "name", "") or "kuva").stem[:80] or "kuva"
    name = f"{stem}.{ALLOWED_FORMATS[image_format]}"
    return CleanImage(ContentFile(out.getvalue(), name=name), upright.width, upright.height)


def make_renditions(data: bytes) -> list[tuple[int, int, bytes]]:
    """(width, height, WebP bytes) for each rendition width smaller than the image."""
    image = Image.open(io.BytesIO(data))
    image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    results = []
    for width in RENDITION_WIDTHS:
        if width >= image.width:
            break
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, format="WEBP", quality=80)
        results.append((width, height, out.getvalue()))
    return results
