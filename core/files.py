"""Uploaded and generated files: where they are stored and how they are handed out.

Two storages (settings.STORAGES):

- "default": MEDIA_ROOT, served at /media/ (`serve_media`). Only what anybody may
  read and what cannot run as a page lives there: images re-encoded by
  core.images (project logos). Every answer carries `download_headers`.
- "private": PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, which no URL maps. Staff-only
  files (survey exports) and files whose visibility depends on their object (blog
  covers, event materials, practice attachments) live there. A view of the owning
  app checks the model's permission helper, writes the access log where the data
  are personal, and answers with `file_response`; such a file's `.url`
  (`PrivateFileField`) is the address of that view.

`file_response` streams the file from Django (FileResponse) by default; with
PRIVATE_MEDIA_SERVE = "x-accel-redirect" it answers with an empty response whose
X-Accel-Redirect header tells the proxy (nginx) to send the file from an internal
location (README, "Files"), so no worker is held by a large download.
"""

import mimetypes
import os
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header
from django.views.static import serve

# An uploaded HTML or SVG file opened directly must never run as one of the site's pages:
# the browser neither guesses another type nor runs script, plugins or forms in it.
SANDBOX_CSP = "sandbox; default-src 'none'"


class PrivateFileStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT. They have no URL: a view hands each one out."""

    def __init__(self, location=None, **kwargs):
        super().__init__(location=location, base_url=None, **kwargs)

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(f"A private file has no URL: {name!r} is handed out by a view.")


def private_storage():
    """The storage of staff-only and not-yet-public files (a FileField's `storage=`)."""
    return storages["private"]


class PrivateURLMixin:
    """A private file's `.url` is the address of its model's checked view, so that the
    admin's "currently: …" link and templates work without a public address."""

    @property
    def url(self):
        self._require_file()
        return self.instance.private_file_url(self.field.name)


class PrivateFieldFile(PrivateURLMixin, FieldFile):
    pass


class PrivateImageFieldFile(PrivateURLMixin, ImageFieldFile):
    pass


class PrivateFileField(models.FileField):
    """A FileField in the private storage. The model defines `private_file_url(field_name)`:
    the view that checks the permission before it hands the file out."""

    attr_class = PrivateFieldFile

    def __init__(self, *args, **kwargs):
        kwargs["storage"] = private_storage
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("storage", None)  # always the private storage
        return name, path, args, kwargs


def download_headers(response, *, cache: str = "private") -> HttpResponse:
    """The headers every answer carrying an uploaded file gets."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX_CSP
    if cache == "private":
        # Not for shared caches, nor for the anonymous page cache (core.middleware).
        patch_cache_control(response, private=True)
    return response


def file_response(
    fieldfile,
    *,
    filename: str,
    content_type: str | None = None,
    as_attachment: bool = True,
    cache: str = "private",
) -> HttpResponse:
    """The stored file of `fieldfile` as a download (or inline, for our own images).

    The caller has checked the permission. A file missing from the storage is a 404.
    """
    name = fieldfile.name
    if not name or not fieldfile.storage.exists(name):
        raise Http404
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if settings.PRIVATE_MEDIA_SERVE == "x-accel-redirect" and isinstance(
        fieldfile.storage, PrivateFileStorage
    ):
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_ACCEL_PREFIX + quote(name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        response = FileResponse(
            fieldfile.storage.open(name, "rb"),
            as_attachment=as_attachment,
            filename=filename,
            content_type=content_type,
        )
    return download_headers(response, cache=cache)


def serve_media(request, path):
    """/media/ served by Django (SERVE_MEDIA): every file as a download, never as a page.

    An <img> shows an image answered as an attachment all the same.
    """
    try:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    except SuspiciousFileOperation:
        raise Http404 from None  # a path out of MEDIA_ROOT: nothing there to be found
    if response.status_code == 200:
        name = posixpath.basename(path)
        response["Content-Disposition"] = content_disposition_header(True, name)
    return download_headers(response, cache="public")


def files_under(storage, folder: str) -> list[str]:
    """Every file name below `folder` of a storage (empty when the folder is missing)."""
    if not storage.exists(folder):
        return []
    folders, files = storage.listdir(folder)
    names = [posixpath.join(folder, name) for name in files]
    for sub in folders:
        names += files_under(storage, posixpath.join(folder, sub))
    return names


def move_to_private(names, *, public=None, private=None) -> int:
    """Move the named files from the public media folder into the private storage.

    Idempotent, for data migrations: a file already moved is left alone, a file in
    both places (an interrupted earlier run) is removed from the public folder only
    once the private copy has the same size, and a missing file is skipped.
    Returns how many files were moved now.
    """
    public = public or storages["default"]
    private = private or storages["private"]
    moved = 0
    for name in names:
        if not name or not public.exists(name):
            continue
        if not private.exists(name) or private.size(name) != public.size(name):
            if private.exists(name):
                private.delete(name)
            with public.open(name, "rb") as source:
                saved = private.save(name, source)
            if saved != name:  # the storage renamed it: do not lose track of the original
                private.delete(saved)
                raise RuntimeError(f"Could not move {name!r} into the private storage.")
        public.delete(name)
        moved += 1
    return moved
