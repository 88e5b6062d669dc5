"""The web server's access log keeps no secret and no identifier (core/gunicorn_logging.py,
loaded by gunicorn.conf.py): every URL that carries a token, a signature or a key is logged
with that part replaced, query strings never, the client address shortened, and no
referrer or user agent whatever the log format asks for."""

import datetime
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from gunicorn.config import Config

from core.gunicorn_logging import PrivateAccessLogger
from core.log_privacy import REDACTED, SECRET_URL_KWARGS, redact_path, shorten_address

ROOT = Path(settings.BASE_DIR)
TOKEN = "Xq3vN8pZr2LmK7tYw9BcD4fGh6JkS1aE"  # the shape of secrets.token_urlsafe(24)
SIGNED = "MTI3:1vAbCd:Xy9ZqWvUtSrQpOnMlKjIhGfEdCbA"  # the shape of django.core.signing


class _Response:
    status = "200 OK"
    sent = 1234
    headers = [("Content-Type", "text/html")]


class _Request:
    headers = [("REFERER", "https://example.org/")]


def log_line(tmp_path, path, *, query="", method="GET", extra=None, log_format=None):
    """The line gunicorn writes for one request, with the settings of gunicorn.conf.py."""
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["logger_class"] == "core.gunicorn_logging.PrivateAccessLogger"
    cfg = Config()
    cfg.set("accesslog", str(tmp_path / "access.log"))
    cfg.set("access_log_format", log_format or conf["access_log_format"])
    logger = PrivateAccessLogger(cfg)
    environ = {
        "REQUEST_METHOD": method,
        "RAW_URI": path + (f"?{query}" if query else ""),
        "PATH_INFO": path.encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "192.0.2.57",
        "HTTP_REFERER": f"https://valita.example.org/fi/kyselyt/kutsu/{TOKEN}/",
        "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
        "HTTP_X_FORWARDED_FOR": "198.51.100.23",
        **(extra or {}),
    }
    logger.access(_Response(), _Request(), environ, datetime.timedelta(microseconds=4500))
    for handler in logger.access_log.handlers:
        handler.flush()
    return (tmp_path / "access.log").read_text()


def _secret_paths():
    with translation.override("fi"):
        fi = [
            reverse("surveys:invitation_answer", kwargs={"token": TOKEN}),
            reverse("surveys:collector_answer", kwargs={"slug": "kysely", "token": TOKEN}),
            reverse("surveys:collector_embed", kwargs={"slug": "kysely", "token": TOKEN}),
            reverse("events:registration_manage", kwargs={"signed": SIGNED}),
            reverse("practices:followup_answer", kwargs={"signed": SIGNED}),
            reverse("accounts:invitation_accept", kwargs={"token": SIGNED}),
            reverse("account_confirm_email", kwargs={"key": SIGNED}),
            reverse("account_reset_password_from_key", kwargs={"uidb36": "3f", "key": TOKEN}),
            reverse("blog:post_preview", kwargs={"token": SIGNED}),
        ]
    with translation.override("sv"):
        sv = [
            reverse("surveys:invitation_answer", kwargs={"token": TOKEN}),
            reverse("events:registration_manage", kwargs={"signed": SIGNED}),
            reverse("practices:followup_answer", kwargs={"signed": SIGNED}),
        ]
    return fi + sv


# URL arguments that name no secret: slugs, primary keys, formats, the admin's own.
PUBLIC_URL_KWARGS = {
    "app_label",
    "collector_pk",
    "condition_pk",
    "content_type_id",
    "fmt",
    "id",
    "image_id",  # an image inside a post (/post-images/<image_id>)
    "kind",  # the kind of object asked to be translated (event, post, practice, project)
    "language",  # the language of a workspace preview (fi, sv)
    "material_pk",
    "name",  # a cover's file name (/covers/<post_id>/<name>)
    "object_id",
    "page_pk",
    "path",
    "pk",
    "post_id",
    "question_pk",
    "registration_pk",
    "reminder_pk",
    "slug",
    "table",
    "url",
    "version_id",  # an earlier version in an object's history
}


def test_every_url_argument_is_known_to_be_secret_or_public():
    # A new URL argument (a new kind of link) must be classified: if it carries a secret,
    # name it in SECRET_URL_KWARGS so that the logs redact it.
    from django.urls import URLResolver, get_resolver

    def names(patterns):
        for pattern in patterns:
            yield from pattern.pattern.regex.groupindex
            if isinstance(pattern, URLResolver):
                yield from names(pattern.url_patterns)

    assert set(names(get_resolver().url_patterns)) <= SECRET_URL_KWARGS | PUBLIC_URL_KWARGS


@pytest.mark.parametrize("path", _secret_paths())
def test_no_secret_url_part_reaches_the_access_log(tmp_path, path):
    line = log_line(tmp_path, path, method="POST")
    assert TOKEN not in line and SIGNED not in line and "3f-" not in line
    assert f"{REDACTED}/" in line
    assert line.startswith("192.0.2.0 [")  # the client's network, not the client
    assert '"POST /fi/' in line or '"POST /sv/' in line


def test_query_strings_are_never_logged(tmp_path):
    line = log_line(tmp_path, "/fi/kyselyt/verkostokysely/", query=f"jatka={TOKEN}")
    assert TOKEN not in line
    assert f'"GET /fi/kyselyt/verkostokysely/?{REDACTED} HTTP/1.1" 200 1234 4ms' in line


def test_an_ordinary_page_is_logged_as_it_is(tmp_path):
    line = log_line(tmp_path, "/fi/tapahtumat/kestavan-kehityksen-verkostopaiva/")
    assert '"GET /fi/tapahtumat/kestavan-kehityksen-verkostopaiva/ HTTP/1.1" 200' in line


@pytest.mark.parametrize(
    "path",
    [
        f"/fi/kyselyt/kutsu/{TOKEN}",  # before the redirect that appends the slash
        f"/fi/olematon/{TOKEN}/",  # a 404 may still carry a token
    ],
)
def test_a_path_that_does_not_resolve_loses_its_long_segments(tmp_path, path):
    line = log_line(tmp_path, path)
    assert TOKEN not in line
    assert REDACTED in line


def test_no_format_can_ask_for_the_referrer_user_agent_headers_or_environment(tmp_path):
    wanted = (
        '%(h)s "%(f)s" "%(a)s" %({referer}i)s %({user-agent}i)s %({x-forwarded-for}i)s '
        "%({remote_addr}e)s %({http_user_agent}e)s %({raw_uri}e)s %(u)s"
    )
    line = log_line(tmp_path, f"/fi/kyselyt/kutsu/{TOKEN}/", log_format=wanted)
    for leak in (TOKEN, "Firefox", "192.0.2.57", "198.51.100.23", "example.org"):
        assert leak not in line
    assert line.split() == ["192.0.2.0", '"-"', '"-"'] + ["-"] * 7


def test_control_characters_cannot_forge_a_log_line(tmp_path):
    line = log_line(tmp_path, "/fi/haku/\n127.0.0.1 fake line")
    assert line.count("\n") == 1


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("192.0.2.57", "192.0.2.0"),
        ("2001:db8:1234:5678::1", "2001:db8:1234::"),
        ("", "-"),
        ("not-an-address", "-"),
    ],
)
def test_client_addresses_are_shortened_to_their_network(address, shown):
    assert shorten_address(address) == shown


def test_gunicorn_reads_the_private_logger_from_the_working_directory():
    # make serve and the image's gunicorn both start in the repository root (WORKDIR /app,
    # COPY . .), where gunicorn loads ./gunicorn.conf.py by default.
    cfg = Config()
    for name, value in runpy.run_path(str(ROOT / "gunicorn.conf.py")).items():
        if name in cfg.settings:
            cfg.set(name, value)
    assert cfg.logger_class is PrivateAccessLogger
    assert "WORKDIR /app" in (ROOT / "Dockerfile").read_text()
    assert redact_path("/fi/") == "/fi/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "promise"),
    [
        ("/fi/tietosuojaseloste/", "ja ne poistetaan 14 päivän kuluttua."),
        ("/sv/dataskyddsbeskrivning/", "och de raderas efter 14 dagar."),
    ],
)
def test_privacy_notice_says_what_the_log_keeps_and_for_how_long(client, path, promise):
    page = client.get(path)
    assert page.status_code == 200
    text = page.content.decode()
    assert promise in text
    assert "IPv4" in text


@pytest.mark.django_db
def test_djangos_not_found_log_line_keeps_no_token(client):
    import io
    import logging

    from core.log_privacy import RedactRequestPaths

    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactRequestPaths) for f in h.filters)
    ]
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        assert client.get(f"/fi/kyselyt/kutsu/{TOKEN}/").status_code == 404
    finally:
        handler.setStream(old)
    assert f"Not Found: /fi/kyselyt/kutsu/{REDACTED}/" in stream.getvalue()
    assert TOKEN not in stream.getvalue()
