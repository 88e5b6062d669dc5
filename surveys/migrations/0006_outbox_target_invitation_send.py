"""The invitations' outbox target is surveys.services.invitation_send itself (the two
wrappers in surveys.tasks are gone): the messages not yet done name it."""

from django.db import migrations

SEND = "surveys.tasks.invitation_send"
REMIND = "surveys.tasks.invitation_remind"
TARGET = "surveys.services.invitation_send"


def forwards(apps, schema_editor):
    OutboxMessage = apps.get_model("valita", "OutboxMessage")
    pending = OutboxMessage.objects.filter(done_at__isnull=True)
    pending.filter(task=SEND).update(task=TARGET)
    pending.filter(task=REMIND).update(task=TARGET, kwargs={"reminder": True})


def backwards(apps, schema_editor):
    OutboxMessage = apps.get_model("valita", "OutboxMessage")
    pending = OutboxMessage.objects.filter(done_at__isnull=True, task=TARGET)
    for message in pending:
        message.task = REMIND if message.kwargs.get("reminder") else SEND
        message.kwargs = {}
        message.save(update_fields=["task", "kwargs"])


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0005_event_responses_to_event_projects"),
        ("valita", "0004_remove_task_effect"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
