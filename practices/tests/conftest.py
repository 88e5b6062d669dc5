import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The cast's passwords are hashed on creation; the real hasher costs seconds per test here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
