"""PostgreSQL restarted under a running gunicorn: the next requests succeed, no web restart."""

import pytest

from .servers import Gunicorn, PostgresServer, app_env, manage

pytestmark = pytest.mark.faults


def test_requests_succeed_after_postgres_restarts(fault_tmp, need_postgres_server):
    postgres = PostgresServer(fault_tmp).init().start()
    web = None
    try:
        postgres.createdb()
        # No page cache and no Redis: every page below reads the database.
        env = app_env(
            DATABASE_URL=postgres.url, REDIS_URL="", PAGE_CACHE_SECONDS=0, DB_CONN_MAX_AGE=600
        )
        manage("migrate", "--noinput", "-v0", env=env, timeout=300)
        manage("shell", "-c", CREATE_PROJECT, env=env)
        web = Gunicorn(fault_tmp, env, workers=2).start()
        for _ in range(6):  # both workers hold a persistent connection now
            status, _headers, body = web.get("/fi/hankkeet/")
            assert status == 200
            assert "Uudelleenkäynnistyksen kestävä hanke" in body

        postgres.stop("fast")  # terminates the server side of those connections
        postgres.start()

        statuses = [web.get("/fi/hankkeet/")[0] for _ in range(8)]
        assert statuses == [200] * 8, web.output()[-3000:]
        assert web.get("/healthz")[0] == 200
    finally:
        if web:
            web.stop()
        postgres.stop("immediate")


CREATE_PROJECT = """
from projects.models import Project
Project.objects.create(name="Uudelleenkäynnistyksen kestävä hanke", short_name="UK",
                       slug="uk", summary="Tiivistelmä.")
"""
