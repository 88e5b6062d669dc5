"""Attachments are checked by their content: real bad files are refused with a clear message."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.attachments import attachment_kind

pytestmark = pytest.mark.django_db

# The first bytes of a Windows executable (DOS stub) and of a Linux ELF binary.
WINDOWS_EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + (b"This program cannot be run in DOS mode.\r\r\n$" + b"\x00" * 200)
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120


def pdf_bytes() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def package(members: dict[str, bytes], first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if first:
            archive.writestr(first, members.pop(first), compress_type=zipfile.ZIP_STORED)
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return package({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})


def pptx_bytes() -> bytes:
    return package({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"})


def odt_bytes() -> bytes:
    return package(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"},
        first="mimetype",
    )


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("opas.pdf", pdf_bytes(), "pdf"),
        ("opas.DOCX", docx_bytes(), "docx"),
        ("diat.pptx", pptx_bytes(), "pptx"),
        ("ohje.odt", odt_bytes(), "odt"),
    ],
)
def test_valid_files_are_accepted_by_content(name, content, kind):
    assert attachment_kind(upload(name, content)) == kind


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("opas.pdf", WINDOWS_EXE),  # an executable renamed .pdf
        ("opas.pdf", ELF),
        ("opas.pdf", b"<html><script>alert(1)</script></html>"),
        ("opas.docx", pdf_bytes()),  # a PDF renamed .docx
        ("opas.docx", pptx_bytes()),  # a presentation renamed .docx
        ("diat.pptx", package({"hello.txt": b"hi"})),  # a zip that is no presentation
        ("ohje.odt", docx_bytes()),
        ("ohje.odt", b"PK\x03\x04 broken zip"),
    ],
)
def test_files_whose_content_does_not_match_are_refused(name, content):
    with pytest.raises(ValidationError) as error:
        attachment_kind(upload(name, content))
    assert error.value.code == "content"
    assert "Tiedoston sisältö ei vastaa sen päätettä" in error.value.messages[0]


def test_other_kinds_are_refused_by_extension():
    with pytest.raises(ValidationError) as error:
        attachment_kind(upload("ohjelma.exe", WINDOWS_EXE))
    assert error.value.code == "extension"


def test_oversized_file_is_refused_in_both_languages(settings):
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = upload("iso.pdf", pdf_bytes() + b"0" * 2048)
    with pytest.raises(ValidationError) as error:
        attachment_kind(big)
    assert error.value.code == "too_large"
    assert "Tiedosto on liian suuri" in error.value.messages[0]
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        attachment_kind(big)
    assert "Filen är för stor" in error.value.messages[0]


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr("core.attachments.MAX_UNPACKED_BYTES", 10_000)
    content = package({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"0" * 50_000})
    with pytest.raises(ValidationError):
        attachment_kind(upload("pommi.docx", content))
