"""What named the practice models by their old app follows them into the practices app.

Content types: relabelled in place, so the permissions given to groups and users, the
admin's history and anything pointing at a content type keep pointing at the same rows.
Outbox messages not yet done that name the old task path get the new one.
"""

from django.db import migrations

MODELS = [
    "practice",
    "practiceattachment",
    "practicelink",
    "adoption",
    "followupround",
    "followuprequest",
]
TASKS = {"projects.tasks.send_followup_email": "practices.tasks.send_followup_email"}


def _relabel(apps, old: str, new: str, tasks: dict[str, str]) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old_type = ContentType.objects.filter(app_label=old, model=model).first()
        if old_type is None:
            continue  # a fresh database: post_migrate creates the types afterwards
        # A type already made under the new label (by a migrate that ran this one
        # backwards) holds only fresh default permissions; the old row carries the granted ones.
        ContentType.objects.filter(app_label=new, model=model).delete()
        old_type.app_label = new
        old_type.save(update_fields=["app_label"])
    OutboxMessage = apps.get_model("valita", "OutboxMessage")
    for old_task, new_task in tasks.items():
        OutboxMessage.objects.filter(task=old_task).update(task=new_task)


def forwards(apps, schema_editor):
    _relabel(apps, "projects", "practices", TASKS)


def backwards(apps, schema_editor):
    _relabel(apps, "practices", "projects", {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("valita", "0004_remove_task_effect"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
