"""SITE_URL must be said in production: every absolute link is built from it.

Without it, the development default (http://127.0.0.1:8000) would be written into emails,
feeds, calendar files and search-engine data. The web and worker processes call
`require_site_url()` when they start with DEBUG off; `manage.py check --deploy` reports it
too. Management commands and the tests run without it (collectstatic in the image build).
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MESSAGE = (
    "SITE_URL must be set when DEBUG is off: the public address of the site "
    "(e.g. https://valita.example.org) that links in pages, emails, feeds, calendar "
    "files and structured data point to."
)


def require_site_url() -> None:
    if not settings.DEBUG and not settings.SITE_URL_SET:
        raise ImproperlyConfigured(MESSAGE)


@checks.register(checks.Tags.security, deploy=True)
def check_site_url(app_configs, **kwargs):
    if settings.SITE_URL_SET:
        return []
    return [checks.Error(MESSAGE, id="valita.E001")]
