"""The one path of every uploaded image: checked, re-encoded without metadata, resized.

Every image field of the portal is an `ImageUploadField` (blog covers, project
logos, anything later), so every upload goes the same way:

1. The type is sniffed from the content with Pillow, never taken from the name: a
   web page named kuva.jpg is refused. JPEG, PNG and WebP are accepted.
2. Size and pixel limits (IMAGE_UPLOAD_MAX_BYTES, IMAGE_UPLOAD_MAX_PIXELS) are
   checked before any pixel is decoded, so a decompression bomb (a small file that
   expands to a huge image) is refused before it can take the memory.
3. The image is decoded, turned upright by its EXIF orientation and re-encoded:
   every metadata block (EXIF with GPS, XMP, comments, PNG text) is dropped. A field
   may also shrink it to `max_side` (logos).
4. `renditions_save` makes smaller WebP copies for srcset (blog covers), as a plain
   function that a task or an outbox message can call.

A refused file raises ValidationError with a message in the uploader's language;
forms show it beside the field and nothing is stored.
"""

import contextlib
import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from .files import PrivateFileStorage, PrivateImageFieldFile

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ACCEPT = "image/jpeg,image/png,image/webp"
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
ENCODE_OPTIONS = {
    "JPEG": {"quality": 88, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}


def max_bytes() -> int:
    return settings.IMAGE_UPLOAD_MAX_BYTES


def max_pixels() -> int:
    return settings.IMAGE_UPLOAD_MAX_PIXELS


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    width: int
    height: int


def _too_large() -> ValidationError:
    return ValidationError(
        _("Kuvatiedosto on liian suuri. Suurin sallittu koko on %(size)s Mt."),
        code="too_large",
        params={"size": max_bytes() // (1024 * 1024)},
    )


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        ngettext_lazy(
            "Kuvassa on liian monta pikseliä. Suurin sallittu koko on %(mp)s megapikseli.",
            "Kuvassa on liian monta pikseliä. Suurin sallittu koko on %(mp)s megapikseliä.",
            "mp",
        ),
        code="too_many_pixels",
        params={"mp": max_pixels() // 1_000_000},
    )


def _open_checked(data: bytes, *, min_side: int) -> tuple[Image.Image, str]:
    """The fully decoded image and its format, or a ValidationError saying what is wrong."""
    if len(data) > max_bytes():
        raise _too_large()
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its own limit refuses) on huge images: refuse both.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            width, height = image.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Kuvan pitää olla JPEG-, PNG- tai WebP-kuva."), code="format"
                )
            if width * height > max_pixels():
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
    if min(width, height) < min_side:
        raise ValidationError(
            ngettext_lazy(
                "Kuva on liian pieni. Kummankin sivun pitää olla vähintään %(min)s pikseli.",
                "Kuva on liian pieni. Kummankin sivun pitää olla vähintään %(min)s pikseliä.",
                "min",
            ),
            code="too_small",
            params={"min": min_side},
        )
    return image, image_format


def _read(upload) -> bytes:
    # Refuse a huge upload by its size before reading it into memory.
    if (getattr(upload, "size", None) or 0) > max_bytes():
        raise _too_large()
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_image(upload, *, min_side: int = 1, max_side: int | None = None) -> CleanImage:
    """The upload re-encoded without metadata, upright, at most `max_side` pixels wide/high.

    The result is kept on the upload, so that the form's check, the model's
    validation and the save decode the image once.
    """
    key = (min_side, max_side)
    # A model's FieldFile wraps the form's upload: either may hold the earlier result.
    holders = [upload, getattr(upload, "_file", None)]
    for holder in holders:
        cached = getattr(holder, "_valita_clean", None)
        if cached is not None and cached[0] == key:
            return cached[1]
    image, image_format = _open_checked(_read(upload), min_side=min_side)
    upright = ImageOps.exif_transpose(image)
    if max_side and max(upright.size) > max_side:
        upright.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    if image_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    out = io.BytesIO()
    # No exif=, icc_profile=, pnginfo= or xmp=: nothing of the original's metadata is written.
    upright.save(out, format=image_format, **ENCODE_OPTIONS[image_format])
    stem = PurePosixPath(getattr(upload, "name", "") or "kuva").stem[:80] or "kuva"
    name = f"{stem}.{ALLOWED_FORMATS[image_format]}"
    cleaned = CleanImage(ContentFile(out.getvalue(), name=name), upright.width, upright.height)
    for holder in holders:
        if holder is not None:
            # An object that takes no attributes is simply checked again next time.
            with contextlib.suppress(AttributeError):
                holder._valita_clean = (key, cleaned)
    return cleaned


def make_renditions(data: bytes, widths) -> list[tuple[int, int, bytes]]:
    """(width, height, WebP bytes) for each of `widths` smaller than the image."""
    image = Image.open(io.BytesIO(data))
    image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    results = []
    for width in sorted(widths):
        if width >= image.width:
            break
        height = round(image.height * width / image.width)
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, format="WEBP", quality=80)
        results.append((width, height, out.getvalue()))
    return results


def renditions_save(fieldfile, *, folder: str, widths) -> list[dict]:
    """Smaller WebP copies of a stored image in the same storage, smallest first.

    Returns [{"name", "width", "height"}, ...]. A copy left by an earlier run for the
    same file is replaced, so running twice gives the same names.
    """
    storage = fieldfile.storage
    with fieldfile.open("rb") as f:
        data = f.read()
    stem = PurePosixPath(fieldfile.name).stem
    items = []
    for width, height, content in make_renditions(data, widths):
        name = f"{folder}/{stem}-{width}.webp"
        if storage.exists(name):
            storage.delete(name)
        name = storage.save(name, ContentFile(content))
        items.append({"name": name, "width": width, "height": height})
    return items


class ImageUploadFormField(forms.FileField):
    """The form side: our checks and messages instead of Django's generic image check."""

    def __init__(self, *args, min_side: int = 1, max_side: int | None = None, **kwargs):
        self.min_side, self.max_side = min_side, max_side
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ACCEPT}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            clean_image(upload, min_side=self.min_side, max_side=self.max_side)
        return upload


class ImageUploadField(models.ImageField):
    """An ImageField whose new files are checked and stored re-encoded (see the module).

    Validation gives forms (the admin's too) a message beside the field; pre_save makes
    sure that code without a form (the demo, services) stores a clean file as well.
    """

    def __init__(self, *args, min_side: int = 1, max_side: int | None = None, **kwargs):
        self.min_side, self.max_side = min_side, max_side
        super().__init__(*args, **kwargs)
        if isinstance(self.storage, PrivateFileStorage):
            self.attr_class = PrivateImageFieldFile  # .url: the model's checked view

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.min_side != 1:
            kwargs["min_side"] = self.min_side
        if self.max_side is not None:
            kwargs["max_side"] = self.max_side
        return name, path, args, kwargs

    def _clean(self, file) -> CleanImage:
        return clean_image(file, min_side=self.min_side, max_side=self.max_side)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value and not getattr(value, "_committed", True):
            self._clean(value)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            cleaned = self._clean(file)
            # Saving sets the field again, which updates width_field/height_field.
            file.save(cleaned.content.name, cleaned.content, save=False)
        return file

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": ImageUploadFormField,
                "min_side": self.min_side,
                "max_side": self.max_side,
                **kwargs,
            }
        )
