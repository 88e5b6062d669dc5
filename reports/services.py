"""Writes of the dashboard: coding open answers, quotes, published results, exports.

Each is one transaction; only network coordinators may call the editing ones
(the views check with editable_by, and so do these functions).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core import outbox
from core.roles import is_network_coordinator
from surveys import privacy
from surveys.models import Answer, Code, Question

from .models import Export, PublishedResult, Quote


def _is_editor(user) -> bool:
    return is_network_coordinator(user)


@transaction.atomic
def code_create(*, user, question: Question, name: str) -> Code:
    if not _is_editor(user):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError(_("Kirjoita teeman nimi."), code="empty")
    if question.kind not in (Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT):
        raise ValidationError(_("Teemoja voi antaa vain avoimille vastauksille."), code="not_open")
    code, _created = Code.objects.get_or_create(question=question, name=name)
    return code


@transaction.atomic
def answer_code(*, user, answer: Answer, codes: list[Code], quote: bool) -> Answer:
    """Set the themes of one open answer and whether it is marked as a quote."""
    if not _is_editor(user):
        raise PermissionDenied
    if any(code.question_id != answer.question_id for code in codes):
        raise ValidationError(_("Teema kuuluu toiseen kysymykseen."), code="other_question")
    answer.codes.set(codes)
    if quote:
        Quote.objects.get_or_create(answer=answer)
    else:
        Quote.objects.filter(answer=answer).delete()
    return answer


@transaction.atomic
def publish_toggle(*, user, survey, question=None, quote=None) -> PublishedResult | None:
    """Publish a chart or a quote on the public results page, or take it off."""
    if not _is_editor(user):
        raise PermissionDenied
    if question is not None:
        if question.survey_id != survey.pk or not (question.is_likert or question.has_choices):
            raise ValidationError(_("Vain kaavion voi julkaista."), code="not_chart")
        existing = PublishedResult.objects.filter(question=question)
        kind, fields = PublishedResult.Kind.CHART, {"question": question}
    else:
        if quote.answer.question.survey_id != survey.pk:
            raise ValidationError(_("Lainaus kuuluu toiseen kyselyyn."), code="other_survey")
        existing = PublishedResult.objects.filter(quote=quote)
        kind, fields = PublishedResult.Kind.QUOTE, {"quote": quote}
    if existing.exists():
        existing.delete()
        return None
    order = (PublishedResult.objects.aggregate(m=Max("order"))["m"] or 0) + 1
    return PublishedResult.objects.create(kind=kind, survey=survey, order=order, **fields)


def export_start(*, user, survey, table: str, fmt: str, params: dict) -> Export:
    """A large export: stored, then built by a Celery task through the outbox."""
    if not privacy.may_export_raw(user):
        raise PermissionDenied
    with transaction.atomic():
        export = Export.objects.create(
            user=user, survey=survey, table=table, format=fmt, params=params
        )
        outbox.enqueue("reports.tasks.build_export", export.pk)
    return export


def export_retry(*, user, export: Export) -> Export:
    """A failed export again, as a new export of the same table through the outbox.

    The failed one stays as it was (failed); an export that has not failed is returned
    unchanged, so a double click starts one new export at most.
    """
    if export.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        export = Export.objects.select_for_update().select_related("survey").get(pk=export.pk)
        if export.state != Export.Status.FAILED:
            return export
        same = {"user": user, "survey": export.survey, "table": export.table}
        newer = (
            Export.objects.filter(**same, format=export.format, created_at__gt=export.created_at)
            .order_by("-created_at")
            .first()
        )
        if newer is not None:  # retried already (a second click)
            return newer
        return export_start(**same, fmt=export.format, params=export.params)
