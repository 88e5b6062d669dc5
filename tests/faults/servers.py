"""Throwaway Redis, PostgreSQL, gunicorn and Celery processes for the fault tests.

Real servers from the machine's packages on the ports of this test range, with
their data in a temporary directory; every one is stopped when its test ends.
"""

import glob
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
REDIS_PORTS = range(16379, 16390)
POSTGRES_PORTS = range(15432, 15440)
WEB_PORTS = range(8150, 8160)


def free_port(ports: range) -> int:
    for port in ports:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {ports}")


def wait_for(predicate, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what}")


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def app_env(**extra) -> dict:
    """The environment of a production-like process of the portal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_ALLOW"))}
    env.update(
        DEBUG="0",
        SECRET_KEY=env.get("SECRET_KEY", "fault-test-secret-key-0123456789abcdefghijklmnop"),
        SITE_URL=env.get("SITE_URL", "http://127.0.0.1"),  # production requires one
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        VALITA_REQUIRE_MFA="0",
        DJANGO_SETTINGS_MODULE="tests.faults.settings",
        PYTHONUNBUFFERED="1",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(*args, env: dict, timeout: float = 120) -> str:
    result = subprocess.run(  # noqa: S603 - our own fixed commands
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {args} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


class Process:
    """A child process with its output in a log file, killed when stopped."""

    def __init__(self, args: list[str], env: dict, log: Path):
        self.args, self.env, self.log = args, env, log
        self.proc: subprocess.Popen | None = None

    def start(self):
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(  # noqa: S603
                self.args,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def stop(self, sig=signal.SIGTERM, timeout: float = 15):
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, sig)
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class RedisServer(Process):
    def __init__(self, tmp: Path):
        self.port = free_port(REDIS_PORTS)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        args = [
            shutil.which("redis-server") or "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp),
        ]
        super().__init__(args, os.environ.copy(), tmp / f"redis-{self.port}.log")

    def start(self):
        super().start()
        wait_for(lambda: port_open(self.port), 15, "redis")
        return self

    def stop(self, sig=signal.SIGTERM, timeout: float = 15):
        super().stop(sig, timeout)
        wait_for(lambda: not port_open(self.port), 10, "redis to stop")


def postgres_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


class PostgresServer:
    """initdb + pg_ctl in a temporary directory; run as `postgres` when we are root."""

    def __init__(self, tmp: Path):
        self.port = free_port(POSTGRES_PORTS)
        self.dir = tmp / "pg"
        self.dir.mkdir(mode=0o700)
        self.log = tmp / "pg.log"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(tmp, "postgres")
            shutil.chown(self.dir, "postgres")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/valita_fault"

    def _run(self, *args, check=True):
        command = list(args)
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=check, timeout=120
        )

    def init(self):
        self._run(
            postgres_bin("initdb"),
            "-D",
            str(self.dir),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        return self

    def start(self):
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            postgres_bin("pg_ctl"),
            "-D",
            str(self.dir),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        return self

    def stop(self, mode: str = "fast"):
        self._run(
            postgres_bin("pg_ctl"), "-D", str(self.dir), "-m", mode, "-w", "stop", check=False
        )

    def createdb(self, name: str = "valita_fault"):
        self._run(
            postgres_bin("createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            name,
        )


class Gunicorn(Process):
    """`make serve` without make: gunicorn, DEBUG off."""

    def __init__(self, tmp: Path, env: dict, workers: int = 2):
        self.port = free_port(WEB_PORTS)
        self.base = f"http://127.0.0.1:{self.port}"
        args = [
            str(Path(PYTHON).parent / "gunicorn"),
            "valita.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--timeout",
            "30",
        ]
        super().__init__(args, env, tmp / f"gunicorn-{self.port}.log")

    def start(self):
        super().start()
        wait_for(lambda: port_open(self.port), 60, "gunicorn", interval=0.2)
        wait_for(self._answers, 90, "gunicorn's first answer", interval=0.5)
        return self

    def _answers(self) -> bool:
        if self.proc.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{self.output()[-3000:]}")
        try:
            return self.get("/robots.txt", timeout=30)[0] > 0
        except OSError:
            return False

    def get(self, path: str, timeout: float = 10) -> tuple[int, dict, str]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:  # noqa: S310
                return response.status, dict(response.headers), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode(errors="replace")


class CeleryWorker(Process):
    def __init__(self, tmp: Path, env: dict, pool: str = "prefork", log_name: str = "worker.log"):
        args = [
            str(Path(PYTHON).parent / "celery"),
            "-A",
            "valita",
            "worker",
            "-P",
            pool,
            "-c",
            "1",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"fault-{os.getpid()}@%h",
            "--loglevel",
            "INFO",
        ]
        super().__init__(args, env, tmp / log_name)

    def start(self):
        super().start()
        wait_for(lambda: "ready." in self.output(), 60, "the celery worker", interval=0.2)
        return self


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test looks at the redirect itself


class Visitor:
    """A browser-like client of one server: keeps its cookies, sends the CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )
        self.csrf_token = ""

    def _open(self, request, timeout: float) -> tuple[int, dict, str]:
        try:
            with self.opener.open(request, timeout=timeout) as response:
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        text = body.decode(errors="replace")
        if found := re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text):
            self.csrf_token = found.group(1)
        return status, dict(headers), text

    def get(self, path: str, timeout: float = 10) -> tuple[int, dict, str]:
        return self._open(urllib.request.Request(self.base + path), timeout)  # noqa: S310

    def post(self, path: str, data: dict, timeout: float = 10) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.csrf_token, **data})
        request = urllib.request.Request(  # noqa: S310 - our own test server
            self.base + path, data=body.encode(), method="POST"
        )
        return self._open(request, timeout)
