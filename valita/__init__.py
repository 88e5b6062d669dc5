"""The top floor: the site, which composes the apps by plain imports (README, "Layout").

Settings, URLs, the Celery app, the home, theme and project pages, the sitemap and the
demo loader. No app imports this package; the apps below reach the settings only through
django.conf.settings.
"""

from .celery import app as celery_app

__all__ = ["celery_app"]
