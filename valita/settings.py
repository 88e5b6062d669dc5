"""Settings for the Välitä! – Visa omtanke! portal.

Everything comes from the environment, with defaults that run without any
service (SQLite, local-memory cache, eager Celery, console mail). See
.env.example for every variable.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """A value from NAME, or from the file named by NAME_FILE (Docker secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEFAULT_SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY and not env_bool("VALITA_ALLOW_DEV_KEY"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set when DEBUG is off: the development key is public."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# The public address every absolute link starts with (pages, emails, feeds, JSON-LD, .ics).
# In development the address of the port served (`make run` and `make serve` pass it; PORT
# otherwise); a production process refuses to start without it (core/site_url.py).
SITE_URL_SET = bool(env_str("SITE_URL").strip())
DEVELOPMENT_SITE_URL = f"http://127.0.0.1:{env_int('PORT', 8000)}"
SITE_URL = (env_str("SITE_URL").strip() or DEVELOPMENT_SITE_URL).rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # before admin, so that the admin sees the FI/SV fields
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_prose_editor",
    "django_guid",
    "core",  # the infrastructure (app label "valita")
    "reversion",  # the history of events, posts, practices and projects (core/versions.py)
    "accounts",
    "projects",
    "practices",
    "events",
    "blog",
    "surveys",
    "reports",
    "search",
    "workspace",
    "valita",  # the site that composes the apps: last
]

MIDDLEWARE = [
    # Probes and metrics first: they answer whatever the Host header (core/health.py).
    "core.health.HealthCheckMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    # A request id for every log line of the request and of the tasks it starts.
    "django_guid.middleware.guid_middleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.input_guard.InvalidInputMiddleware",
    "core.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.RequireMFAMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "valita.urls"
WSGI_APPLICATION = "valita.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "core.context_processors.fragment_cache",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
USING_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests on SQLite get a file, not Django's default in-memory database: the browser
    # tests' live server answers in threads, and with an in-memory database they would all
    # share the test's one connection, whose cursors interleave when a page loads several
    # images at once (a cover answered 404 or 500 now and then). WAL lets those threads
    # read while one writes.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"
    )
if USING_POSTGRES:
    # No JIT compilation: once the tables are analysed, the report queries' cost estimates
    # pass jit_above_cost and PostgreSQL spent ~0.5 s compiling a query that returns
    # nothing (bench/results.md). Short OLTP queries never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set.
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to misses while Redis is down (core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "valita"),
            "OPTIONS": {
                "socket_connect_timeout": 1,
                "socket_timeout": 1,
                "retry_after": env_int("CACHE_RETRY_AFTER", 5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# `{% cache %}` fragments stay in each process's memory: their keys name the generations of
# the content they show (core.content_cache, read from Redis), so no process serves a stale
# one, and a fragment costs no network round trip. Each process renders a fragment once per
# generation.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ITEMS", 2000)},
}
# …and the `{% cache %}` of a rendering that is nobody else's (a signed-in user's, a
# respondent's with their answers) goes here: nothing is read or kept.
CACHES["no_fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# Whole anonymous pages are cached this many seconds (0 turns it off); any
# content save bumps a generation number, so edits show at once.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Each process checks the shared generation at most this often (core/content_cache.py):
# an edit shows at once in the process that saved it, in the others within this time.
PAGE_CACHE_GENERATION_CHECK_SECONDS = env_int("PAGE_CACHE_GENERATION_CHECK_SECONDS", 1)
# Cached pages each process also keeps in its own memory.
PAGE_CACHE_LOCAL_ITEMS = env_int("PAGE_CACHE_LOCAL_ITEMS", 300)

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "workspace:home"

# allauth: email login, no usernames, no public sign-up (staff invite users).
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# The reset mail is queued in the outbox and written by a worker (accounts/forms.py); its
# links end when the account is closed, even after a reactivation (accounts/tokens.py).
ACCOUNT_FORMS = {"reset_password": "accounts.forms.ResetPasswordForm"}
ACCOUNT_PASSWORD_RESET_TOKEN_GENERATOR = "accounts.tokens.PasswordResetTokenGenerator"  # noqa: S105
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A reset asked for an unknown address sends nothing (allauth's mail would offer sign-up).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Välitä!] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Välitä! – Visa omtanke!"
# Network coordinators and superusers must sign in with an authenticator app.
VALITA_REQUIRE_MFA = env_bool("VALITA_REQUIRE_MFA", not DEBUG)
INVITATION_VALID_DAYS = env_int("INVITATION_VALID_DAYS", 7)

# Languages: Finnish first; message ids are written in Finnish and the
# Swedish catalogue translates them.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_LANGUAGES = ("fi", "sv")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fi",), "fi": ("sv",)}

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploaded media: the local MEDIA_ROOT volume by default; an S3-compatible object store
# (django-storages) when AWS_STORAGE_BUCKET_NAME is set, for more than one machine.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY", "") or None,
            "location": env_str("AWS_LOCATION", "media"),
            # Objects are private; the portal hands out short-lived signed URLs.
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
    # The private files in their own prefix of the bucket: signed URLs are never handed
    # out for them, the checked views stream them (core.files.file_response).
    _PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_MEDIA_STORAGE["OPTIONS"],
            "location": env_str("AWS_PRIVATE_LOCATION", "private"),
        },
    }
else:
    _MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _PRIVATE_STORAGE = {"BACKEND": "core.files.PrivateFileStorage"}
STORAGES = {
    "default": _MEDIA_STORAGE,
    # Staff-only and not-yet-public files: no URL, handed out by views (core/files.py).
    "private": _PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "core.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Outside MEDIA_ROOT, so that no /media/ URL (Django's or the proxy's) can reach it.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private")))
if PRIVATE_MEDIA_ROOT.resolve().is_relative_to(MEDIA_ROOT.resolve()):
    raise ImproperlyConfigured("PRIVATE_MEDIA_ROOT must not lie inside MEDIA_ROOT.")
# How private files are handed out after the permission check: "django" streams them
# (FileResponse); "x-accel-redirect" lets the proxy send them from an internal location
# that maps PRIVATE_MEDIA_ACCEL_PREFIX to PRIVATE_MEDIA_ROOT (README, "Files").
PRIVATE_MEDIA_SERVE = env_str("PRIVATE_MEDIA_SERVE", "django")
if PRIVATE_MEDIA_SERVE not in ("django", "x-accel-redirect"):
    raise ImproperlyConfigured(
        f"PRIVATE_MEDIA_SERVE must be 'django' or 'x-accel-redirect', not {PRIVATE_MEDIA_SERVE!r}."
    )
PRIVATE_MEDIA_ACCEL_PREFIX = env_str("PRIVATE_MEDIA_ACCEL_PREFIX", "/_private/")
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Every uploaded image (core/images.py): the largest file and the most pixels accepted.
IMAGE_UPLOAD_MAX_BYTES = env_int("IMAGE_UPLOAD_MAX_BYTES", 8 * 1024 * 1024)
IMAGE_UPLOAD_MAX_PIXELS = env_int("IMAGE_UPLOAD_MAX_PIXELS", 24_000_000)  # e.g. 6000 × 4000
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Mail (Django 6.1 MAILERS): console unless EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Välitä! <noreply@valita.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_SMTP_HOST = env_str("EMAIL_HOST", "")
if _SMTP_HOST:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _SMTP_HOST,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Celery: eager without a broker. The broker is CELERY_BROKER_URL (in production a Redis
# that never evicts), else the cache's REDIS_URL. All work goes through the outbox
# (core/outbox.py), which hands a message over once with these bounded timeouts: a
# broker that is down costs a request a few seconds at most, never an error.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL.startswith("memory://")
)
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
# A task killed with its worker is delivered again (acks late, rejected on worker loss);
# Redis hands an unacknowledged task to another worker after the visibility timeout, which
# must exceed the longest task and countdown (use beat, not long countdowns).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
    "socket_connect_timeout": 2,
}
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Beat writes its schedule file after every task it sends, so the file shows it is alive.
CELERY_BEAT_SYNC_EVERY = 1

# Security headers. The CSP allows only the site's own scripts and styles. Public
# pages have no inline script, so no per-response nonce prevents caching them
# whole. CSP.NONCE appears in the header only on pages that used the nonce: the
# signed-in admin, whose form media (the editor's import map) carry it.
PROSE_EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash is the one <style> django-prose-editor 0.28 injects (pinned for it).
    "style-src": [CSP.SELF, CSP.NONCE, PROSE_EDITOR_STYLE_HASH],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of our own stand in front of the web servers (1 behind the TLS
# proxy): the client's address is read that many entries from the right of
# X-Forwarded-For (core/client_address.py), for the portal's rate limits and
# allauth's. 0: no proxy, the header is ignored (a client could write anything in it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT  # the same number for allauth's own reads
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)

# Logs: one JSON object per line (LOG_FORMAT=json, the default with DEBUG off), each
# with the request id (django-guid) that the request's Celery tasks carry on.
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "django_guid.log_filters.CorrelationId"},
        # Django's "Not Found: <path>" and the like, without the secrets paths carry.
        "private_paths": {"()": "core.log_privacy.RedactRequestPaths"},
    },
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(correlation_id)s",
            "timestamp": "time",  # ISO 8601, UTC
            "rename_fields": {
                "levelname": "level",
                "name": "logger",
                "correlation_id": "request_id",
            },
        },
        "text": {"format": "%(asctime)s %(levelname)s [%(correlation_id)s] %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "private_paths"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.security.csrf": {"level": "WARNING"},
        "django_guid": {"level": "WARNING"},  # a line per id set and cleared otherwise
    },
}
DJANGO_GUID = {
    # Behind a proxy that sets X-Request-ID the proxy's id is kept, so both logs agree.
    "GUID_HEADER_NAME": "X-Request-ID",
    "RETURN_HEADER": True,
    "INTEGRATIONS": [],
    "UUID_LENGTH": 32,
}
if not CELERY_TASK_ALWAYS_EAGER:
    from django_guid.integrations import CeleryIntegration

    DJANGO_GUID["INTEGRATIONS"] = [CeleryIntegration(use_django_logging=True)]

# Prometheus metrics at /metrics, only to clients in these networks that reach a process
# directly (not through the public proxy): the cluster's pod network in Kubernetes.
try:
    METRICS_ALLOWED_NETWORKS = [
        ipaddress.ip_network(value, strict=False)
        for value in env_list("METRICS_ALLOWED_NETWORKS", ["127.0.0.1/32", "::1/128"])
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {error}") from None

# Each beat run writes a heartbeat; `manage.py beat_health` reads it back (health check).
BEAT_HEARTBEAT_SECONDS = env_int("BEAT_HEARTBEAT_SECONDS", 60)

# Public uploads (/media/) are served by Django (core.files.serve_media) unless a proxy
# in front serves /media/ itself, with the same headers (README, "Files").
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Events: how long a waiting-list offer stays open, and how many days after an
# event its registrations' personal data are removed (counts are kept).
EVENTS_OFFER_HOURS = env_int("EVENTS_OFFER_HOURS", 48)
EVENTS_PERSONAL_DATA_DAYS = env_int("EVENTS_PERSONAL_DATA_DAYS", 30)
# How long the web server's access log is kept, as the privacy notice promises; the
# deployment's log rotation must delete older lines (README, "Web server log").
WEB_LOG_RETENTION_DAYS = env_int("WEB_LOG_RETENTION_DAYS", 14)
# Surveys: days a "continue later" draft is kept after it was last saved, as the privacy
# notice promises (deleted daily by the beat; a sent response's draft goes at once).
SURVEYS_DRAFT_RETENTION_DAYS = env_int("SURVEYS_DRAFT_RETENTION_DAYS", 60)
# Registrations one client address may send in an hour (core/ratelimit.py).
EVENTS_REGISTRATIONS_PER_HOUR = env_int("EVENTS_REGISTRATIONS_PER_HOUR", 20)
# Survey pages one client address may submit in five minutes (core/ratelimit.py).
SURVEYS_SUBMISSIONS_PER_5MIN = env_int("SURVEYS_SUBMISSIONS_PER_5MIN", 300)

# The largest attachment accepted: practice files and event materials (core/attachments.py).
ATTACHMENT_MAX_BYTES = env_int("ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
