import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def project(db):
    """A project whose every text has its Swedish (the factory leaves some out)."""
    from projects.tests.factories import ProjectFactory

    return ProjectFactory(short_name_sv="P", description_sv="<p>Beskrivning.</p>")


@pytest.fixture
def other_project(db):
    from projects.tests.factories import ProjectFactory

    return ProjectFactory(short_name_sv="A", description_sv="<p>Beskrivning.</p>")
