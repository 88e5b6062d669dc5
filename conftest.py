"""The fixed cast of every test: visitor, two project coordinators, network coordinator, OPH."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from core.content_cache import NEXT_CHANGE_KEY, forget_local
from core.roles import NETWORK_COORDINATOR_GROUP, OPH_GROUP
from projects.tests.factories import MembershipFactory, ProjectFactory, UserFactory


def pytest_runtest_setup(item):
    # `@pytest.mark.requires_postgresql`: row locks between real threads, full-text search
    # and the like. SQLite (`make test` without DATABASE_URL) skips them and says why; CI,
    # on PostgreSQL, runs them.
    marker = item.get_closest_marker("requires_postgresql")
    if marker is not None and connection.vendor != "postgresql":
        reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
        pytest.skip(f"needs PostgreSQL (set DATABASE_URL){': ' + reason if reason else ''}")


@pytest.fixture(autouse=True)
def _clear_cache():
    # Rate limits and cached pages live in the cache; on Redis they outlive a test.
    cache.clear()
    forget_local()
    # Nothing scheduled yet, as the reschedule at each commit would leave it (a test's own
    # transaction never commits): a page's queries are then its own.
    cache.set(NEXT_CHANGE_KEY, {}, timeout=None)
    yield
    cache.clear()
    forget_local()


@pytest.fixture(autouse=True)
def _default_language():
    # A test that activates Swedish (a request through the test client does too) must not
    # leave it active for the next one.
    from django.utils import translation

    translation.activate("fi")
    yield
    translation.activate("fi")


@pytest.fixture(autouse=True)
def _generation_checked_every_time(settings):
    # Content changed by another process (a Celery worker) shows at once in tests.
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 0


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def project(db):
    return ProjectFactory()


@pytest.fixture
def other_project(db):
    return ProjectFactory()


@pytest.fixture
def visitor(db):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def coordinator(project):
    """Coordinator of `project`."""
    return MembershipFactory(project=project).user


@pytest.fixture
def other_coordinator(other_project):
    """Coordinator of `other_project` only."""
    return MembershipFactory(project=other_project).user


@pytest.fixture
def network_coordinator(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)[0])
    return user


@pytest.fixture
def oph_viewer(db):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=OPH_GROUP)[0])
    return user


@pytest.fixture
def cast(visitor, coordinator, other_coordinator, network_coordinator, oph_viewer):
    return {
        "visitor": visitor,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "network_coordinator": network_coordinator,
        "oph": oph_viewer,
    }


@pytest.fixture
def clock(monkeypatch):
    """The wall clock moved forward at will, instead of waiting for it: `time.time()` (the
    page cache's schedule) and `timezone.now()` (what is published) move together."""

    class Clock:
        offset = 0.0

        def advance(self, seconds: float) -> None:
            self.offset += seconds

    moved = Clock()
    real_time, real_now = time.time, timezone.now
    monkeypatch.setattr(time, "time", lambda: real_time() + moved.offset)
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=moved.offset))
    return moved
