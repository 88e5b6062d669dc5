"""A saved draft names the invitation it was started through, until that invitation answers.

Until now the invitation's id lived only inside the signed draft (SavedDraft.data), and
the saved copy stayed after the invitation had answered with another draft: in an
anonymous survey, the invitee's answers under their invitation, kept for ever. Existing
rows: a draft of an invitation not yet used is linked to it; one of a used (or deleted)
invitation is deleted, since it can no longer be continued. A draft that cannot be read
(signed with an earlier key) is left to the retention purge.

An answered invitation of an anonymous survey forgets its reminders (count and last
time), as surveys.services now does when it answers.
"""

from django.core import signing
from django.db import migrations, models

import django.db.models.deletion

DRAFT_SALT = "surveys.draft"  # surveys.answering.DRAFT_SALT, frozen here


def _invitation_id(saved) -> int | None:
    try:
        draft = signing.loads(saved.data.get("draft", ""), salt=DRAFT_SALT)
    except (signing.BadSignature, AttributeError, ValueError):
        return None
    invitation = draft.get("invitation") if isinstance(draft, dict) else None
    return invitation if isinstance(invitation, int) else None


def link_or_delete_drafts(apps, schema_editor):
    SavedDraft = apps.get_model("surveys", "SavedDraft")
    Invitation = apps.get_model("surveys", "Invitation")
    for saved in SavedDraft.objects.filter(invitation__isnull=True).iterator():
        invitation_id = _invitation_id(saved)
        if invitation_id is None:
            continue
        unused = Invitation.objects.filter(
            pk=invitation_id, used_at__isnull=True, collector__survey=saved.survey_id
        ).exclude(email="")
        if unused.exists():
            SavedDraft.objects.filter(pk=saved.pk).update(invitation_id=invitation_id)
        else:
            SavedDraft.objects.filter(pk=saved.pk).delete()
    Invitation.objects.filter(used_at__isnull=False, collector__survey__anonymous=True).update(
        reminded_at=None, reminder_count=0
    )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0008_collect_reminders_and_page_reach"),
    ]

    operations = [
        migrations.AddField(
            model_name="saveddraft",
            name="invitation",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="saved_drafts",
                to="surveys.invitation",
            ),
        ),
        migrations.RunPython(link_or_delete_drafts, migrations.RunPython.noop),
    ]
