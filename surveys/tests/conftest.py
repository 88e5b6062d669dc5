import pytest

from valita.celery import app as celery_app


@pytest.fixture(autouse=True)
def _eager_celery(settings):
    # Tasks run in the test's own process; with REDIS_URL set they would go to the broker.
    old = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    settings.PAGE_CACHE_SECONDS = 0
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = old


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The cast's passwords are hashed on creation; the real hasher costs seconds per test here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _finnish_by_default():
    # A request in Swedish leaves Swedish active in this thread; tests start in Finnish.
    from django.utils import translation

    translation.activate("fi")
    yield
    translation.deactivate()


@pytest.fixture
def nc_client(client, network_coordinator):
    """The test client signed in as a network coordinator (who builds every survey)."""
    client.force_login(network_coordinator)
    return client
