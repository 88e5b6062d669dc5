"""No Docker engine runs here: the compose file and Dockerfile are checked statically."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_describes_every_process():
    services = _compose()["services"]
    assert {"web", "worker", "beat", "db", "redis", "migrate"} <= set(services)
    assert "gunicorn" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "valita", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "valita", "beat"]


def test_long_running_services_have_health_checks():
    services = _compose()["services"]
    for name in ("web", "worker", "beat", "db", "redis"):
        assert "healthcheck" in services[name], name
        assert services[name]["healthcheck"]["test"], name


def test_database_and_media_live_in_named_volumes():
    compose = _compose()
    assert {"pgdata", "media", "private"} <= set(compose["volumes"])
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    for service in ("web", "worker", "migrate"):
        # The worker writes exports and renditions, the migration moves files: all share them.
        assert "media:/app/media" in compose["services"][service]["volumes"]
        assert "private:/app/private" in compose["services"][service]["volumes"]
        assert compose["services"][service]["environment"]["PRIVATE_MEDIA_ROOT"] == "/app/private"


def test_app_services_get_their_configuration_from_the_environment():
    services = _compose()["services"]
    for name in ("web", "worker", "beat", "migrate"):
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")
        assert services[name]["env_file"] == ".env"
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_web_can_be_scaled_without_port_clashes():
    # A port range, not a single host port, so that --scale web=N works.
    ports = _compose()["services"]["web"]["ports"]
    assert all(re.match(r"^127\.0\.0\.1:\d+-\d+:8000$", p) for p in ports)


def test_env_example_lists_every_variable_the_settings_read():
    settings_source = (ROOT / "valita/settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^#?\s*([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    assert (
        read
        - documented
        - {
            "VALITA_ALLOW_DEV_KEY",
            "CELERY_BROKER_URL",
            "CELERY_RESULT_BACKEND",
            "CELERY_TASK_ALWAYS_EAGER",
            "VALITA_BENCH",
        }
        == set()
    )


def test_dockerfile_runs_as_an_unprivileged_user_with_a_health_check():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "uv sync --frozen --no-dev" in dockerfile
    assert re.search(r"^USER valita$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile
    assert "collectstatic" in dockerfile and "compilemessages" in dockerfile
