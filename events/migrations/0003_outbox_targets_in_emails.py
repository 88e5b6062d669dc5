"""The registration emails' outbox targets moved from events.tasks to events.emails: the
messages not yet done name the new path."""

from django.db import migrations

TASKS = {
    "events.tasks.send_registration_email": "events.emails.send_registration_email",
    "events.tasks.send_bulk_email": "events.emails.send_bulk_email",
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
        ("events", "0002_material_file_private"),
        ("valita", "0004_remove_task_effect"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
