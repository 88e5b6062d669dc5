"""Moving the practices out of the projects app loses nothing on upgrade.

The database is taken back to where it stood before the move (projects 0003, no
practices app), the demo network and practices are loaded there with a follow-up
round, an attachment, a granted permission and a queued outbox message, and then
migrated forward: every row of every practice table is still there, byte for byte,
and reads through the new models; the file opens, the group keeps its permission
and the queued email goes out.
"""

from datetime import timedelta
from functools import partial

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from core import outbox
from core.models import OutboxMessage
from practices.models import (
    Adoption,
    FollowUpRequest,
    Practice,
    PracticeAttachment,
)
from projects.tests.factories import UserFactory
from workspace.translations import receivers_paused

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.requires_postgresql("the upgrade is checked on the database production runs"),
]

BEFORE = [("projects", "0003_logo_pipeline_attachments_private")]
TABLES = [
    "projects_practice",
    "projects_practice_projects",
    "projects_practice_themes",
    "projects_practiceattachment",
    "projects_practicelink",
    "projects_adoption",
    "projects_followupround",
    "projects_followupround_practices",
    "projects_followuprequest",
]
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _rows() -> dict[str, list[tuple]]:
    with connection.cursor() as cursor:
        rows = {}
        for table in TABLES:
            cursor.execute(f"SELECT * FROM {table} ORDER BY 1")  # noqa: S608 - fixed names
            rows[table] = cursor.fetchall()
        return rows


def _data_of_the_old_release() -> dict:
    """Content written while the tables belong to the projects app, with the models of that
    release (the migration state): today's models have columns the old tables lack."""
    old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    model = partial(old.get_model, "projects")
    theme = model("Theme").objects.create(number=1, name="Arjenhallinta", slug="arjenhallinta")
    organisation = model("Organisation").objects.create(name="Esimerkkiopisto")
    projects = [
        model("Project").objects.create(
            name=f"Hanke {n}", short_name=f"H{n}", slug=f"hanke-{n}", summary="Tiivistelmä."
        )
        for n in (1, 2)
    ]
    practices = []
    for n, project in enumerate(projects, start=1):
        practice = model("Practice").objects.create(
            title=f"Malli {n}",
            title_fi=f"Malli {n}",
            title_sv=f"Modell {n}",
            slug=f"malli-{n}",
            slug_fi=f"malli-{n}",
            slug_sv=f"modell-{n}",
            summary="Tiivistelmä.",
            summary_fi="Tiivistelmä.",
            summary_sv="Sammanfattning.",
        )
        practice.projects.add(project)
        practice.themes.add(theme)
        practices.append(practice)
    practice = practices[0]
    attachment = model("PracticeAttachment")(practice=practice, title="Opas", title_fi="Opas")
    attachment.file.save("opas.pdf", ContentFile(PDF), save=False)
    attachment.save()
    model("PracticeLink").objects.create(
        practice=practice, title="Sivusto", title_fi="Sivusto", url="https://example.org/"
    )
    adoption = model("Adoption").objects.create(
        practice=practice,
        organisation=organisation,
        since=timezone.now().date(),
        contact_email="yhteys@example.org",
    )
    round = model("FollowUpRound").objects.create(
        title="Päivitys", closes_at=timezone.now() + timedelta(days=30)
    )
    round.practices.add(practice)
    request = model("FollowUpRequest").objects.create(
        round=round, adoption=adoption, email=adoption.contact_email
    )
    # The old release queued this; its dotted path named the projects app.
    message = OutboxMessage.objects.create(
        task="projects.tasks.send_followup_email", args=[request.pk, "invitation"]
    )
    practice_type = ContentType.objects.get(app_label="projects", model="practice")
    editors = Group.objects.create(name="Mallien muokkaajat")
    editors.permissions.add(
        Permission.objects.get(content_type=practice_type, codename="change_practice")
    )
    return {"attachment": attachment.pk, "message": message.pk, "request": request.pk}


def test_upgrade_keeps_every_practice_row_file_permission_and_queued_task():
    _migrate(BEFORE)
    assert not ContentType.objects.filter(app_label="practices").exists()
    # The old release did not track translations (its table comes later).
    with receivers_paused():
        made = _data_of_the_old_release()
    before = _rows()
    assert all(before[table] for table in TABLES), "every practice table has rows to lose"

    _migrate(_latest())

    assert _rows() == before
    assert Practice.objects.count() == len(before["projects_practice"])
    assert Adoption.objects.count() == len(before["projects_adoption"])
    assert FollowUpRequest.objects.count() == len(before["projects_followuprequest"])
    for practice in Practice.objects.prefetch_related("projects", "themes", "adoptions"):
        assert practice.title_fi and practice.title_sv
        assert list(practice.projects.all())
        assert practice.get_absolute_url().startswith("/fi/kaytannot/")
    with PracticeAttachment.objects.get(pk=made["attachment"]).file.open() as file:
        assert file.read() == PDF

    assert set(
        ContentType.objects.filter(
            model__in=["practice", "adoption", "followupround", "followuprequest"]
        ).values_list("app_label", flat=True)
    ) == {"practices"}
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Mallien muokkaajat"))
    assert editor.has_perm("practices.change_practice")

    message = OutboxMessage.objects.get(pk=made["message"])
    assert message.task == "practices.emails.send_followup_email"
    assert outbox.run(message.pk)
    assert [m.to for m in mail.outbox] == [[FollowUpRequest.objects.get(pk=made["request"]).email]]
