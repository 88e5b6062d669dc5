"""Outbox messages queued by the release before the three floors still run after the upgrade.

Their dotted paths named events.tasks, practices.tasks and surveys.tasks, whose outbox
targets moved (events/emails.py, practices/emails.py, surveys.services.invitation_send);
the migrations rename the messages not yet done and leave the done ones as they ran.
Also: the infrastructure's own app (core, label "valita") kept its migrations and tables.
"""

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.module_loading import import_string

from core.models import AccessLog, OutboxMessage

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.requires_postgresql("the upgrade is checked on the database production runs"),
]

BEFORE = [
    ("events", "0002_material_file_private"),
    ("practices", "0002_relabel_content_types_and_outbox"),
    ("surveys", "0005_event_responses_to_event_projects"),
]
OLD = {
    "events.tasks.send_registration_email": ([1, "confirmation"], {}),
    "events.tasks.send_bulk_email": ([1, {"fi": "a"}, {"fi": "b"}], {}),
    "practices.tasks.send_followup_email": ([1, "invitation"], {}),
    "surveys.tasks.invitation_send": ([1], {}),
    "surveys.tasks.invitation_remind": ([2], {}),
}
NEW = {
    "events.tasks.send_registration_email": ("events.emails.send_registration_email", {}),
    "events.tasks.send_bulk_email": ("events.emails.send_bulk_email", {}),
    "practices.tasks.send_followup_email": ("practices.emails.send_followup_email", {}),
    "surveys.tasks.invitation_send": ("surveys.services.invitation_send", {}),
    "surveys.tasks.invitation_remind": ("surveys.services.invitation_send", {"reminder": True}),
}


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def test_queued_messages_name_the_moved_targets():
    _migrate(BEFORE)
    queued = {
        task: OutboxMessage.objects.create(task=task, args=args, kwargs=kwargs).pk
        for task, (args, kwargs) in OLD.items()
    }
    done = OutboxMessage.objects.create(
        task="events.tasks.send_bulk_email", args=[1, {}, {}], done_at=timezone.now()
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    for old, pk in queued.items():
        message = OutboxMessage.objects.get(pk=pk)
        assert (message.task, message.kwargs) == NEW[old], old
        assert message.args == OLD[old][0]
        import_string(message.task)  # the worker finds it
    done.refresh_from_db()
    assert done.task == "events.tasks.send_bulk_email"  # history stays as it ran


def test_the_infrastructure_kept_its_label_migrations_and_tables():
    config = apps.get_app_config("valita")
    assert config.name == "core"
    assert OutboxMessage._meta.db_table == "valita_outboxmessage"
    assert AccessLog._meta.db_table == "valita_accesslog"
    graph = MigrationExecutor(connection).loader.graph
    assert ("valita", "0004_remove_task_effect") in graph.leaf_nodes()
    assert ("valita", "0001_outbox") in graph.nodes
