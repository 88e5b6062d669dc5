"""Large exports, run through core.outbox in a Celery worker.

An export ends ready or failed, never pending forever: whatever goes wrong while the
file is built is logged and marks the export failed (its page then offers a retry,
reports.services.export_retry), and the outbox message is done.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from surveys import privacy

from . import exports
from .models import Export

logger = logging.getLogger(__name__)


def build_export(export_id: int) -> None:
    export = Export.objects.select_related("survey", "user").filter(pk=export_id).first()
    if export is None or export.status != Export.Status.PENDING:
        return  # gone, done already, or failed and not retried
    if not privacy.may_export_raw(export.user):  # the role was taken away meanwhile
        export.mark_failed()
        return
    try:
        # A savepoint: a database error while building must not spoil the outbox's
        # transaction, in which the failure is recorded.
        with transaction.atomic():
            content = exports.raw_responses_file(export.survey, export.format)
            export.file.save(
                f"{export.survey.slug}-{export.table}-{export.pk}.{export.format}",
                ContentFile(content),
                save=False,
            )
            export.status = Export.Status.READY
            export.finished_at = timezone.now()
            export.save(update_fields=["file", "status", "finished_at"])
    except Exception:
        logger.exception("Export %s failed", export_id)
        export.refresh_from_db()
        export.mark_failed()
