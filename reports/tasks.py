"""Large exports, run through valita.outbox in a Celery worker."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from . import exports
from .access import scope_for
from .models import Export


def build_export(export_id: int) -> None:
    export = Export.objects.select_related("survey", "user").get(pk=export_id)
    if export.status == Export.Status.READY:
        return
    scope = scope_for(export.user)
    if scope is None or not scope.full:
        export.status = Export.Status.FAILED
        export.save(update_fields=["status"])
        return
    table = exports.raw_responses(export.survey)
    content = exports.render(table, export.format)
    with transaction.atomic():
        export.file.save(
            f"{export.survey.slug}-{export.table}-{export.pk}.{export.format}",
            ContentFile(content),
            save=False,
        )
        export.status = Export.Status.READY
        export.finished_at = timezone.now()
        export.save(update_fields=["file", "status", "finished_at"])
