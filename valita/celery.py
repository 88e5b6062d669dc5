import os

from celery import Celery
from celery.signals import worker_init
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "valita.settings")

app = Celery("valita")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def require_site_url(**kwargs):
    """A worker writes links into emails: it needs the public address (core/site_url.py)."""
    from core.site_url import require_site_url

    require_site_url()


# Periodic work; each app's tasks are idempotent, so a late or doubled beat is harmless.
app.conf.beat_schedule = {
    # Tasks whose broker hand-over failed (or got lost) are handed over again.
    "valita-outbox-redispatch": {"task": "valita.outbox.redispatch", "schedule": 60.0},
    # Events: offers not confirmed in time pass on, reminders go out the day
    # before, registrations' personal data are removed after the retention time.
    "events-expire-offers": {"task": "events.tasks.expire_offers", "schedule": 600.0},
    "events-send-reminders": {"task": "events.tasks.send_reminders", "schedule": 3600.0},
    "events-remove-personal-data": {
        "task": "events.tasks.remove_personal_data",
        "schedule": 24 * 3600.0,
    },
    # Practices: one reminder to follow-up contacts who have not answered.
    "practices-followup-reminders": {
        "task": "practices.tasks.send_followup_reminders",
        "schedule": 6 * 3600.0,
    },
    # Blog: scheduled posts enter the site search when their time comes.
    "blog-index-due-posts": {"task": "blog.tasks.index_due_posts", "schedule": 600.0},
    # Events: scheduled events enter the site search when their publish time comes.
    "events-index-due-events": {"task": "events.tasks.index_due_events", "schedule": 600.0},
    # Surveys: participants of ended events get their feedback survey; invitees who have
    # not answered a week after the invitation get a reminder.
    "surveys-invite-and-remind": {"task": "surveys.tasks.invite_and_remind", "schedule": 3600.0},
    # Surveys: "continue later" drafts are deleted after SURVEYS_DRAFT_RETENTION_DAYS.
    "surveys-purge-saved-drafts": {
        "task": "surveys.tasks.purge_saved_drafts",
        "schedule": 24 * 3600.0,
    },
    # Workspace: once a day (the first run from 7:00 on), network coordinators are told
    # what waits for a Swedish translation; the day is claimed per recipient.
    "workspace-translation-digest": {
        "task": "workspace.tasks.send_translation_digests",
        "schedule": 3600.0,
    },
}


@app.on_after_configure.connect
def add_beat_heartbeat(sender, **kwargs):
    # Beat's own pulse: `manage.py beat_health` reads when beat last sent it (health check).
    # Added once the settings are read (they are not while this module is imported).
    sender.conf.beat_schedule["valita-beat-heartbeat"] = {
        "task": "valita.beat_heartbeat",
        "schedule": float(settings.BEAT_HEARTBEAT_SECONDS),
    }
