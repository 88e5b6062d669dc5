"""Media on the local volume by default, on an S3-compatible bucket when one is configured."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.files.storage import FileSystemStorage, default_storage

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.core.files.storage import storages
from core.backup import storage_roots
roots, external = storage_roots()
print(json.dumps({
    "class": type(storages["default"]).__name__,
    "bucket": storages["default"].bucket_name,
    "endpoint": storages["default"].endpoint_url,
    "location": storages["default"].location,
    "signed": storages["default"].querystring_auth,
    "backed_up_locally": "default" in roots,
    "external": external,
}))
"""


def test_media_defaults_to_the_local_volume():
    assert isinstance(default_storage, FileSystemStorage)


def test_a_bucket_moves_media_to_the_object_store():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "valita.settings",
        "AWS_STORAGE_BUCKET_NAME": "valita-media",
        "AWS_S3_ENDPOINT_URL": "https://a3s.fi",
        "AWS_ACCESS_KEY_ID": "id",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe == {
        "class": "S3Storage",
        "bucket": "valita-media",
        "endpoint": "https://a3s.fi",
        "location": "media",
        "signed": True,
        "backed_up_locally": False,
        "external": ["default", "private"],  # the private files in their own prefix
    }
