"""No Docker engine runs here: the compose file, Dockerfile and .dockerignore are checked
statically, the compose file against the Compose specification's JSON schema (vendored in
check-jsonschema, nothing fetched), and against the rules that make the stack start healthy."""

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("migrate", "web", "worker", "beat")


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _services() -> dict:
    return _compose()["services"]


def _compose_schema() -> dict:
    vendor = resources.files("check_jsonschema.builtin_schemas.vendor")
    return json.loads((vendor / "compose-spec.json").read_text())


def _redis_options(command: list[str]) -> dict[str, str]:
    assert command[0] == "redis-server"
    flags = command[1:]
    return {flags[i].removeprefix("--"): flags[i + 1] for i in range(0, len(flags), 2)}


def test_compose_file_follows_the_compose_specification():
    jsonschema.validate(_compose(), _compose_schema())


def test_the_schema_check_bites():
    broken = _compose()
    broken["services"]["web"]["ports"] = ["127.0.0.1:8000-8009:8000:9"]
    broken["services"]["web"]["depends_on"]["migrate"]["condition"] = "service_finished"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, _compose_schema())


def test_compose_describes_every_process():
    services = _services()
    assert {*APP_SERVICES, "db", "cache", "broker", "proxy"} <= set(services)
    assert services["web"]["command"] == ["gunicorn", "valita.wsgi:application"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "valita", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "valita", "beat"]


def test_long_running_services_have_health_checks():
    services = _services()
    for name in ("web", "worker", "beat", "db", "cache", "broker"):
        assert services[name]["healthcheck"]["test"], name


def test_web_health_check_is_answered_whatever_the_host():
    # The check calls 127.0.0.1:8000, which ALLOWED_HOSTS refuses: the health middleware
    # must answer before SecurityMiddleware and CommonMiddleware look at the host.
    test = _services()["web"]["healthcheck"]["test"]
    assert "http://127.0.0.1:8000/healthz/ready" in test
    assert settings.MIDDLEWARE[0] == "core.health.HealthCheckMiddleware"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "curl -fsS http://127.0.0.1:8000/healthz/ready" in dockerfile


def test_beat_is_checked_by_its_heartbeat_in_its_own_schedule_file():
    beat = _services()["beat"]
    schedule = beat["command"][beat["command"].index("--schedule") + 1]
    test = beat["healthcheck"]["test"]
    assert test[:4] == ["CMD", "python", "manage.py", "beat_health"]
    assert test[test.index("--schedule") + 1] == schedule
    assert "pgrep" not in json.dumps(beat)  # not in the slim image, matches its own shell
    # Before its first heartbeat (BEAT_HEARTBEAT_SECONDS) the check may fail harmlessly.
    start = int(beat["healthcheck"]["start_period"].removesuffix("s"))
    assert start > settings.BEAT_HEARTBEAT_SECONDS


def test_app_processes_start_after_the_migrations_completed():
    services = _services()
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        for service in ("db", "cache", "broker"):
            assert depends[service]["condition"] == "service_healthy", (name, service)
    assert services["migrate"]["restart"] == "no"
    assert set(services["migrate"]["depends_on"]) == {"db"}  # not on itself (a cycle)


def test_cache_redis_is_bounded_and_forgets_broker_redis_never_evicts():
    services = _services()
    cache = _redis_options(services["cache"]["command"])
    assert cache["maxmemory"]
    assert cache["maxmemory-policy"] == "allkeys-lru"
    assert cache["appendonly"] == "no" and cache["save"] == ""
    assert "volumes" not in services["cache"]
    broker = _redis_options(services["broker"]["command"])
    assert broker["maxmemory-policy"] == "noeviction"
    assert broker["appendonly"] == "yes"
    assert any(v.endswith(":/data") for v in services["broker"]["volumes"])
    for name in APP_SERVICES:
        env = services[name]["environment"]
        assert env["REDIS_URL"].startswith("redis://cache:"), name
        assert env["CELERY_BROKER_URL"].startswith("redis://broker:"), name
        assert env["CELERY_RESULT_BACKEND"].startswith("redis://broker:"), name


def test_readme_says_what_compose_does_with_redis():
    readme = (ROOT / "README.md").read_text()
    assert "allkeys-lru" in readme and "noeviction" in readme
    assert "Redis keeps nothing on disk" not in readme  # the broker does


def test_only_the_proxy_is_published_and_gunicorn_trusts_only_the_project_network():
    compose = _compose()
    services = compose["services"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    subnet = compose["networks"]["default"]["ipam"]["config"][0]["subnet"]
    web_env = services["web"]["environment"]
    assert web_env["FORWARDED_ALLOW_IPS"] == subnet  # gunicorn reads it from the environment
    assert web_env["TRUSTED_PROXY_COUNT"] == "1"
    assert web_env["METRICS_ALLOWED_NETWORKS"] == subnet
    assert re.search(r"^TRUSTED_PROXY_COUNT=1$", (ROOT / ".env.example").read_text(), re.M)
    caddyfile = (ROOT / "deploy/compose/Caddyfile").read_text()
    assert "name web" in caddyfile and "port 8000" in caddyfile
    assert "respond /metrics 404" in caddyfile
    proxy_files = [v.split(":")[0] for v in services["proxy"]["volumes"]]
    assert "./deploy/compose/Caddyfile" in proxy_files


def test_database_broker_and_media_live_in_named_volumes():
    compose = _compose()
    assert {"pgdata", "media", "private", "brokerdata"} <= set(compose["volumes"])
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    for name in APP_SERVICES:
        assert "media:/app/media" in compose["services"][name]["volumes"]
        assert "private:/app/private" in compose["services"][name]["volumes"]
        assert compose["services"][name]["environment"]["PRIVATE_MEDIA_ROOT"] == "/app/private"


def test_app_services_get_their_configuration_from_the_environment():
    services = _services()
    for name in APP_SERVICES:
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["env_file"] == ".env"


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "valita/settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert read - documented - {"VALITA_ALLOW_DEV_KEY", "CELERY_TASK_ALWAYS_EAGER"} == set()


def test_dockerignore_keeps_secrets_and_local_state_out_of_the_image():
    ignored = {
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert {".env", ".git", ".venv", "db.sqlite3", "media", "staticfiles"} <= ignored
    assert "COPY . ." in (ROOT / "Dockerfile").read_text()


def test_dockerfile_runs_as_an_unprivileged_user_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --frozen --no-dev" in dockerfile
    # Numeric, so that Kubernetes' runAsNonRoot can verify it; group 0 for OpenShift.
    assert re.search(r"^USER 10001$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile
    assert "collectstatic" in dockerfile and "compilemessages" in dockerfile
    assert "postgresql-client" in dockerfile  # manage.py backup and restore
