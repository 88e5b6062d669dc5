"""The portal's settings with email written to files (FAULT_MAIL_DIR), for the fault tests."""

import os

from valita.settings import *  # noqa: F403

if os.environ.get("FAULT_MAIL_DIR"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "OPTIONS": {"file_path": os.environ["FAULT_MAIL_DIR"]},
        }
    }
