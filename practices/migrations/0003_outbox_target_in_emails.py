"""The follow-up email's outbox target moved from practices.tasks to practices.emails: the
messages not yet done name the new path."""

from django.db import migrations

TASKS = {
    "practices.tasks.send_followup_email": "practices.emails.send_followup_email",
}


def _rename(apps, tasks: dict[str, str]) -> None:
    OutboxMessage = apps.get_model("valita", "OutboxMessage")
    for old, new in tasks.items():
        OutboxMessage.objects.filter(task=old, done_at__isnull=True).update(task=new)


def forwards(apps, schema_editor):
    _rename(apps, TASKS)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0002_relabel_content_types_and_outbox"),
        ("valita", "0004_remove_task_effect"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
