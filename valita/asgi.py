import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valita.settings")
application = get_asgi_application()

from core.site_url import require_site_url  # noqa: E402 - needs the settings

require_site_url()
