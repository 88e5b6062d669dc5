import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valita.settings")
application = get_wsgi_application()

from core.site_url import require_site_url  # noqa: E402 - needs the settings

require_site_url()
