"""Document attachments (a practice's files, an event's materials): checked by what the file
is, not by what it is called.

A PDF starts with "%PDF-"; DOCX and PPTX are ZIP packages holding their main
part; ODT is a ZIP whose first member "mimetype" names the OpenDocument text
type. Anything else (an executable renamed .pdf, a web page renamed .docx)
is refused with a message in the uploader's language. ZIP packages are also
checked for their unpacked size, so a small "zip bomb" is refused too.
"""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
}
OOXML_MAIN_PART = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5000


def max_bytes() -> int:
    return settings.ATTACHMENT_MAX_BYTES


def extension_of(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def attachment_kind(file) -> str:
    """The kind ("pdf", "docx", "pptx", "odt") of a valid file; ValidationError otherwise."""
    if file.size > max_bytes():
        raise ValidationError(
            _("Tiedosto on liian suuri (%(size)s). Suurin sallittu koko on %(max)s.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(max_bytes())},
            code="too_large",
        )
    kind = extension_of(file.name)
    if kind not in CONTENT_TYPES:
        raise ValidationError(
            _("Liitteen pitää olla PDF-, DOCX-, PPTX- tai ODT-tiedosto."), code="extension"
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        valid = _pdf_ok(file) if kind == "pdf" else _package_ok(file, kind)
    finally:
        file.seek(position)
    if not valid:
        raise ValidationError(
            _(
                "Tiedoston sisältö ei vastaa sen päätettä %(extension)s. "
                "Tallenna tiedosto uudelleen oikeassa muodossa."
            )
            % {"extension": kind.upper()},
            code="content",
        )
    return kind


def validate_attachment(file) -> None:
    attachment_kind(file)


def _pdf_ok(file) -> bool:
    head = file.read(1024)
    # The header may follow a few bytes of junk; readers accept it within the first 1 KB.
    return b"%PDF-" in head[:1024] and not head.startswith((b"MZ", b"\x7fELF"))


def _package_ok(file, kind: str) -> bool:
    try:
        with zipfile.ZipFile(file) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                return False
            if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
                return False
            names = {member.filename for member in members}
            if kind == "odt":
                first = members[0] if members else None
                return (
                    first is not None
                    and first.filename == "mimetype"
                    and package.read(first).strip() == ODT_MIMETYPE
                )
            return "[Content_Types].xml" in names and OOXML_MAIN_PART[kind] in names
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError):
        return False
