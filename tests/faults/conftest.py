import shutil
import tempfile
from pathlib import Path

import pytest
from django.db import connection

from .servers import postgres_bin

pytestmark = pytest.mark.faults


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/faults/" in str(item.fspath):
            item.add_marker(pytest.mark.faults)


@pytest.fixture
def fault_tmp():
    # Short path (unix socket names are limited) that the postgres user can enter.
    path = Path(tempfile.mkdtemp(prefix="valita-fault-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def test_database_url(transactional_db):
    """The pytest database as a URL for the server processes (data must be committed)."""
    s = connection.settings_dict
    if not s["ENGINE"].endswith("postgresql"):
        pytest.skip("the fault tests need PostgreSQL (DATABASE_URL)")
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    host = f"{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"
    return f"postgres://{s['USER']}{password}@{host}/{s['NAME']}"


@pytest.fixture
def need_redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (apt-get install redis-server)")


@pytest.fixture
def need_postgres_server():
    if not postgres_bin("initdb") or not postgres_bin("pg_ctl"):
        pytest.skip("PostgreSQL server binaries are not installed")
