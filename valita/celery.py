import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valita.settings")

app = Celery("valita")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic work; each app's tasks are idempotent, so a late or doubled beat is harmless.
app.conf.beat_schedule = {
    # Tasks whose broker hand-over failed (or got lost) are handed over again.
    "valita-outbox-redispatch": {"task": "valita.outbox.redispatch", "schedule": 60.0},
}
