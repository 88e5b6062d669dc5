"""`make bench`: load the production-like server with wrk and write bench/results.md.

    python -m bench.run [--scale 1] [--seconds 5] [--connections 64] [--threads 2]

1. installs wrk when missing (apt, as root); starts a throwaway Redis (or --redis-url);
2. (re)creates the bench database (DATABASE_URL, default valita_bench_run), migrates,
   generates data at --scale (bench/generate.py; absent apps are reported as waiting);
3. counts SQL queries and HTML bytes per page with the test client;
4. starts gunicorn with DEBUG off and bench/settings.py (production's settings, plus the
   hello-world baseline /bench/hello and the X-Bench-No-Cache and X-Bench-No-Fragments
   request headers), like `make serve`;
5. runs wrk on the baseline and every page of bench/pages.py: cached (anonymous),
   uncached (page cache skipped, shared fragments kept) and whole rendering (nothing
   cached); then the submission and aggregation benches;
6. grows the data tenfold and counts the queries again;
7. writes bench/results.md with every figure and the missed targets.
"""

import argparse
import cProfile
import io
import os
import platform
import pstats
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.md"
TARGET_CACHED, TARGET_UNCACHED, TARGET_WHOLE, TARGET_P99_MS = 0.9, 0.3, 0.1, 100.0
TARGET_AGGREGATION = 1.5
# Headers honoured only under bench/settings.py: skip the whole-page cache; skip the
# `{% cache %}` fragments too (bench/middleware.py).
NO_PAGE_CACHE = ("X-Bench-No-Cache: 1",)
WHOLE_RENDERING = (*NO_PAGE_CACHE, "X-Bench-No-Fragments: 1")
WHOLE_RENDERING_META = {"HTTP_X_BENCH_NO_CACHE": "1", "HTTP_X_BENCH_NO_FRAGMENTS": "1"}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1 = nine projects, 2,000 events…")
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 4)))
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL")
        or "postgres://postgres@127.0.0.1:5432/valita_bench_run",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", ""),
        help="default: a throwaway redis-server on 16379-16389",
    )
    parser.add_argument("--output", default=str(RESULTS))
    parser.add_argument("--no-growth", action="store_true", help="skip the tenfold query count")
    return parser.parse_args(argv)


def log(message: str) -> None:
    print(message, flush=True)


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: apt-get install wrk (as root), then run make bench again.")
    log("installing wrk (apt)…")
    subprocess.run(["apt-get", "update", "-qq"], check=True)  # noqa: S607
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S607


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("valita_bench"):
        sys.exit(f"refusing to drop {name!r}: the bench database name must start with valita_bench")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def server_env(args, redis_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=args.database_url,
        REDIS_URL=redis_url,
        DEBUG="0",
        SITE_URL=env.get("SITE_URL", "http://127.0.0.1"),  # production requires one
        VALITA_ALLOW_DEV_KEY="1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        SECURE_HSTS_SECONDS="0",
        VALITA_REQUIRE_MFA="0",
        DJANGO_SETTINGS_MODULE="bench.settings",
        LOG_LEVEL="WARNING",
        # Every simulated respondent comes from 127.0.0.1: the per-address limit of
        # survey submissions (300 in five minutes) would refuse most of them.
        SURVEYS_SUBMISSIONS_PER_5MIN="1000000",
        EVENTS_REGISTRATIONS_PER_HOUR="1000000",  # the mixed run registers from one address
    )
    return env


def bench_session_cookie() -> str:
    """A signed-in OPH viewer for the pages that need one (the dashboard)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from core.roles import OPH_GROUP

    user, _ = get_user_model().objects.get_or_create(email="bench-oph@example.org")
    user.groups.add(Group.objects.get_or_create(name=OPH_GROUP)[0])
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def resolve_pages(log_fn=log) -> tuple[list, dict]:
    from bench.pages import PAGES, Waiting

    ready, waiting = [], {}
    for page in PAGES:
        try:
            ready.append((page, page.resolve()))
        except Waiting as reason:
            waiting[page.name] = str(reason)
            log_fn(f"  page: {page.name}: WAITING - {reason}")
    return ready, waiting


def settle_database() -> None:
    """VACUUM ANALYZE the freshly generated data now: left to autovacuum, it runs during
    the first pages' load and takes their CPU (seen as a slow first page and baseline)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def count_queries(ready: list, cookie: str) -> dict:
    """{page name: (queries, html bytes)} of one whole rendering each (no page cache, no
    shared fragments): what a page costs when nothing of it is cached."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page, path in ready:
        client = Client(SERVER_NAME="127.0.0.1", **WHOLE_RENDERING_META)
        if not page.public:
            client.cookies.load(cookie)
        client.get(path)  # warm per-process caches (translations, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{page.name} {path} answered {response.status_code}")
        counts[page.name] = (len(queries), len(response.content))
    return counts


def profile_page(path: str, public: bool, cookie: str, requests: int = 30) -> str:
    from django.test import Client

    client = Client(SERVER_NAME="127.0.0.1", **WHOLE_RENDERING_META)
    if not public:
        client.cookies.load(cookie)
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()

    def top(sort: str, *restrictions) -> str:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats(*restrictions, 8)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        return "\n".join(lines[start : start + 9])

    # By own time over everything; by cumulative time over the portal's own code.
    own_code = rf"^{re.escape(str(ROOT))}/(?!\.venv)"
    return top("tottime") + "\n\n" + top("cumulative", own_code)


def main(argv=None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    ensure_wrk()

    from tests.faults.servers import Gunicorn, RedisServer

    tmp = Path(__import__("tempfile").mkdtemp(prefix="valita-bench-"))
    redis = None
    redis_url = args.redis_url
    if not redis_url:
        redis = RedisServer(tmp).start()
        redis_url = redis.url
    web = None
    try:
        log(f"bench database {args.database_url} (recreated), redis {redis_url}")
        recreate_database(args.database_url)
        env = server_env(args, redis_url)
        os.environ.update(env)
        import django

        django.setup()
        from django.core.cache import cache
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        log(f"generating data at scale {args.scale}…")
        t0 = time.monotonic()
        from bench.generate import generate

        data = generate(args.scale, log)
        generate_seconds = time.monotonic() - t0
        settle_database()
        cookie = bench_session_cookie()
        ready, waiting = resolve_pages()
        queries = count_queries(ready, cookie)
        cache.clear()

        from django.db import connections

        connections.close_all()
        web = Gunicorn(tmp, env, workers=args.workers).start()
        base = web.base
        from bench.pages import BASELINE_PATH

        # Warm-up: every page answers 200 (and the public ones fill the cache).
        for name, path in [("baseline", BASELINE_PATH)] + [
            (p.name, u) for p, u in ready if p.public
        ]:
            status = web.get(path)[0]
            if status != 200:
                raise SystemExit(f"{name} {path} answered {status}")

        from bench import wrk

        def settle() -> None:
            """Let the server drain what the last run left queued (a slow page leaves up
            to one request per connection), so it does not count against the next page."""
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                started = time.monotonic()
                web.get(BASELINE_PATH, timeout=60)
                if time.monotonic() - started < 0.05:
                    return
                time.sleep(0.5)

        def load(path: str, headers=()) -> "wrk.WrkResult":
            settle()
            return wrk.run(
                base + path,
                seconds=args.seconds,
                connections=args.connections,
                threads=args.threads,
                headers=headers,
            )

        log("wrk: baseline…")
        load(BASELINE_PATH)  # warm-up, not counted: the workers' first requests are slow
        baseline = [load(BASELINE_PATH)]
        rows = []
        for page, path in ready:
            auth = () if page.public else (f"Cookie: {cookie}",)
            cached = load(path, auth) if page.public and page.whole_page_cached else None
            uncached = load(path, (*auth, *NO_PAGE_CACHE))
            whole = load(path, (*auth, *WHOLE_RENDERING))
            rows.append((page, path, cached, uncached, whole))
            log(
                f"wrk: {page.name}: cached {cached.rps if cached else '-'} rps, "
                f"uncached {uncached.rps} rps, whole rendering {whole.rps} rps"
            )
        baseline.append(load(BASELINE_PATH))
        # The ratios use the better of the baselines before and after the pages: the
        # stricter measure (a busy moment of the shared machine lowers one of them).
        base_rps = max(result.rps for result in baseline)

        from bench import aggregation, mixed, submissions
        from bench.pages import Waiting

        mixed_paths = [path for page, path in ready if page.public and page.whole_page_cached]
        mixed_runs = {}
        for label, refused in (("control", True), ("registrations", False)):
            settle()
            for path in mixed_paths:  # every page cached before the run starts
                web.get(path)
            mixed_runs[label] = mixed.run(
                base,
                mixed_paths,
                seconds=max(args.seconds, 10),
                connections=args.connections,
                threads=args.threads,
                refused=refused,
            )
            log(f"wrk: mixed load, {label}: {mixed_runs[label]}")

        extra = {}
        for name, fn in [
            ("survey submissions", lambda: submissions.run(base)),
            ("dashboard aggregation", aggregation.run),
        ]:
            try:
                extra[name] = fn()
            except Waiting as reason:
                extra[name] = f"WAITING: {reason}"
                log(f"  {name}: WAITING - {reason}")

        profiles = {}
        # Where the time goes: the pages that missed a load target, else the two
        # slowest whole renderings.
        missing = [row for row in rows if load_misses(row[0], row[2], row[3], base_rps)]
        slowest = sorted(rows, key=lambda row: row[-1].rps)
        for page, path, *_ in (missing or slowest)[:3]:
            profiles[page.name] = profile_page(path, page.public, cookie)

        grown = {}
        if not args.no_growth:
            log(f"growing the data tenfold (scale {args.scale * 10}) for the query counts…")
            grown_data = generate(args.scale * 10, log)
            grown = count_queries(resolve_pages(lambda _m: None)[0], cookie)
            data = {
                k: v if v.startswith("WAITING") else f"{v}; ×10: {grown_data[k]}"
                for k, v in data.items()
            }

        elapsed = time.monotonic() - started
        report = render(
            args,
            base_rps,
            baseline,
            rows,
            queries,
            grown,
            waiting,
            data,
            extra,
            profiles,
            elapsed,
            generate_seconds,
            mixed_runs,
        )
        Path(args.output).write_text(report)
        log(report)
        log(f"written {args.output} in {elapsed:.0f} s")
        return 0
    finally:
        if web:
            web.stop()
        if redis:
            redis.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def load_misses(page, cached, uncached, base_rps, whole=None) -> list[str]:
    """The load targets a page missed, each saying by how much."""
    missed = []
    if cached and cached.rps < TARGET_CACHED * base_rps:
        short = TARGET_CACHED * base_rps - cached.rps
        missed.append(
            f"{page.name} cached: {cached.rps / base_rps:.2f} × baseline "
            f"(target {TARGET_CACHED}; short by {short:.0f} rps)"
        )
    if page.public and uncached.rps < TARGET_UNCACHED * base_rps:
        short = TARGET_UNCACHED * base_rps - uncached.rps
        missed.append(
            f"{page.name} uncached: {uncached.rps / base_rps:.2f} × baseline "
            f"(target {TARGET_UNCACHED}; short by {short:.0f} rps)"
        )
    if whole and page.public and whole.rps < TARGET_WHOLE * base_rps:
        missed.append(
            f"{page.name} whole rendering: {whole.rps / base_rps:.2f} × baseline "
            f"(target {TARGET_WHOLE}; short by {TARGET_WHOLE * base_rps - whole.rps:.0f} rps)"
        )
    if whole and page.public and whole.errors:
        missed.append(f"{page.name} whole rendering: {whole.errors} errors (target 0)")
    for label, result in (("cached", cached), ("uncached", uncached)):
        if result and result.p99_ms >= TARGET_P99_MS:
            missed.append(
                f"{page.name} {label}: p99 {result.p99_ms:.0f} ms (target < 100 ms, "
                f"over by {result.p99_ms - TARGET_P99_MS:.0f} ms)"
            )
        if result and result.errors:
            missed.append(f"{page.name} {label}: {result.errors} errors (target 0)")
    return missed


def mixed_lines(runs: dict, missed: list) -> list[str]:
    """The mixed-load section (bench/mixed.py): pages under load while registrations arrive,
    against the control run in which the same registrations are refused."""
    from bench.mixed import RATE, TARGET

    control, real = runs["control"], runs["registrations"]
    ratio = real.pages.rps / control.pages.rps if control.pages.rps else 0.0
    lines = [
        "### Mixed load: the cached public pages while registrations arrive",
        "",
        f"wrk requests the {control.page_count} public pages in turn while one visitor after "
        f"another posts a registration, about {RATE:.0f} a second. Control: the same "
        "registrations refused (consent not given), so nothing is saved and no cache is retired.",
        "",
        "| run | pages rps | p50 ms | p99 ms | errors | registrations posted | saved | answers |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for label, result in (("control (refused)", control), ("registrations saved", real)):
        pages = result.pages
        answers = ", ".join(f"{status}: {n}" for status, n in sorted(result.answers.items()))
        lines.append(
            f"| {label} | {pages.rps:.0f} | {pages.p50_ms:.1f} | {pages.p99_ms:.1f} | "
            f"{pages.errors} | {result.attempted} | {result.saved} | {answers} |"
        )
    lines += [
        "",
        f"Pages with registrations: **{ratio:.2f}** of the control (target ≥ {TARGET}).",
        "",
    ]
    if ratio < TARGET:
        missed.append(f"mixed load: {ratio:.2f} of the control (target ≥ {TARGET})")
    if real.pages.errors or control.pages.errors:
        missed.append("mixed load: errors under load (target 0)")
    return lines


def render(
    args,
    base_rps,
    baseline,
    rows,
    queries,
    grown,
    waiting,
    data,
    extra,
    profiles,
    elapsed,
    generate_seconds,
    mixed_runs=None,
) -> str:
    missed = []
    best = max(baseline, key=lambda result: result.rps)
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `make bench` (bench/run.py) in "
        f"{elapsed:.0f} s (data generation {generate_seconds:.0f} s): scale {args.scale}, "
        f"wrk {args.threads} threads, {args.connections} connections, {args.seconds} s per "
        f"page; gunicorn {args.workers} sync workers, DEBUG off; PostgreSQL + Redis on the "
        f"same machine ({os.cpu_count()} cores, {platform.machine()}, load average "
        f"{os.getloadavg()[0]:.1f} at the end; the machine is shared, so figures vary).",
        "",
        f"Baseline (hello world, same server, same run, the better of the runs before and "
        f"after the pages, after a warm-up): **{base_rps:.0f} requests/s** "
        f"(before the pages {baseline[0].rps:.0f}, after {baseline[-1].rps:.0f}; "
        f"p50 {best.p50_ms:.1f} ms, p99 {best.p99_ms:.1f} ms).",
        "",
        "| page | path | cached rps | × baseline | p50 ms | p99 ms | errors | uncached rps "
        "| × baseline | p50 ms | p99 ms | errors | queries (×1) | queries (×10) | HTML bytes |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, path, cached, uncached, whole in rows:
        q, size = queries[page.name]
        q10 = grown.get(page.name, (None, None))[0]
        c = cached
        cached_cells = (
            f"{c.rps:.0f} | {c.rps / base_rps:.2f} | {c.p50_ms:.1f} | {c.p99_ms:.1f} | {c.errors}"
            if c
            else "– | – | – | – | –"
        )
        u = uncached
        lines.append(
            f"| {page.name} | `{path}` | {cached_cells} | {u.rps:.0f} | {u.rps / base_rps:.2f} "
            f"| {u.p50_ms:.1f} | {u.p99_ms:.1f} | {u.errors} | {q} | "
            f"{q10 if q10 is not None else '–'} | {size:,} |"
        )
        missed += load_misses(page, c, u, base_rps, whole)
        if q10 is not None and q10 != q:
            missed.append(f"{page.name}: {q} queries at ×1, {q10} at ×10 (target: unchanged)")
    lines += [
        "",
        "Errors = non-2xx/3xx responses + socket errors (every page answered 200 "
        "before the load). Cached = an anonymous visitor, served from the whole-page cache. "
        "Uncached = the whole-page cache skipped (`X-Bench-No-Cache`): the page is "
        "rendered for each request, and its shared fragments (the parts that are the same "
        "for every visitor, `{% cache %}` keyed on core/content_cache.py's generations) "
        "come from the fragment cache. "
        "Queries and HTML bytes are of a whole rendering.",
        "",
        "### Whole rendering (nothing cached: no page cache, no fragments)",
        "",
        "What a signed-in coordinator, a crawler or the first visitor after an edit gets "
        "(an anonymous reader's lookup of a detail page's object is still kept per process). "
        f"Target for public pages: ≥ {TARGET_WHOLE} × baseline with 0 errors. "
        "`X-Bench-No-Cache` and `X-Bench-No-Fragments`, both honoured only under "
        "bench/settings.py.",
        "",
        "| page | rps | × baseline | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for page, _path, *_, whole in rows:
        lines.append(
            f"| {page.name} | {whole.rps:.0f} | {whole.rps / base_rps:.2f} | "
            f"{whole.p50_ms:.1f} | {whole.p99_ms:.1f} | {whole.errors} |"
        )
    lines.append("")
    if mixed_runs:
        lines += mixed_lines(mixed_runs, missed)
    submitted = extra.get("survey submissions")
    if isinstance(submitted, dict) and submitted["lost"]:
        missed.append(f"survey submissions: {submitted['lost']} accepted but lost (target 0)")
    aggregated = extra.get("dashboard aggregation")
    if isinstance(aggregated, dict) and aggregated["ratio"] > TARGET_AGGREGATION:
        missed.append(
            f"dashboard aggregation: {aggregated['ratio']:.2f} × the raw SQL "
            f"(target ≤ {TARGET_AGGREGATION})"
        )
    lines += ["## Targets", ""]
    lines += [f"- MISSED: {m}" for m in missed] or ["- all targets met for the measured pages"]
    if profiles:
        heading = "## Profiles (30 whole renderings each, by own time)"
        lines += ["", heading, ""]
        for name, text in profiles.items():
            lines += [f"{name}:", "", "```", text, "```", ""]
    lines += ["", "## Not measured yet (waiting for their apps)", ""]
    lines += [f"- page {name}: {reason}" for name, reason in waiting.items()]
    for name, value in extra.items():
        if isinstance(value, str):
            lines.append(f"- {name}: {value}")
    lines += ["", "## Other benches", ""]
    for name, value in extra.items():
        if not isinstance(value, str):
            lines.append(
                f"- {name}: "
                + ", ".join(
                    f"{k} {v:.1f}" if isinstance(v, float) else f"{k} {v}" for k, v in value.items()
                )
            )
    if all(isinstance(v, str) for v in extra.values()):
        lines.append("- none yet (see above)")
    lines += ["", "## Data", ""]
    lines += [f"- {name}: {summary}" for name, summary in data.items()]
    lines += ["", "Reproduce: `make bench`; options: `make bench BENCH_ARGS='--scale 2'`.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
