import pytest


@pytest.fixture
def demo_survey(db):
    """The 2025 network survey of the demo (101 responses over nine projects)."""
    from surveys.models import Survey
    from valita import demo

    demo.load("projects", "surveys")
    return Survey.objects.get(slug_fi="verkostokysely-2025")


@pytest.fixture(autouse=True)
def _reset_language():
    # A request to /sv/ leaves Swedish active in the thread; later tests reverse() in Finnish.
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
