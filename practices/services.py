"""Follow-up of practices: starting a round, answering it, reminding who has not answered.

Each call is one transaction. Emails go through the transactional outbox
(core.outbox), so a request row and its email exist together even when the
broker is down; the email is written in the contact's own language.
"""

import uuid
from datetime import timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import deadlines, outbox
from core.roles import is_network_coordinator
from core.signed import signed_load

from .models import Adoption, FollowUpRequest, FollowUpRound, Practice

# The salt predates the practices app: links already emailed were signed with it.
SIGNING_SALT = "projects.followup"
SEND_TASK = "practices.emails.send_followup_email"


def followup_signature(request: FollowUpRequest) -> str:
    return signing.dumps(str(request.token), salt=SIGNING_SALT)


def followup_from_signature(value: str) -> FollowUpRequest | None:
    """The request a link names, or None when the link was altered."""
    try:
        token = signed_load(value, salt=SIGNING_SALT, schema=uuid.UUID)
    except signing.BadSignature:
        return None
    return (
        FollowUpRequest.objects.reachable()
        .select_related("round", "adoption__practice", "adoption__organisation")
        .filter(token=token)
        .first()
    )


def followup_refusal(request: FollowUpRequest, now=None) -> str:
    """Why a link cannot be answered any more ("" when it can), in the visitor's language."""
    now = now or timezone.now()
    if request.answered_at:
        return _("Tähän kyselyyn on jo vastattu. Kiitos vastauksestasi!")
    if deadlines.has_passed(request.round.closes_at, now):
        return _("Vastausaika on päättynyt. Ota yhteyttä verkoston koordinaattoriin.")
    return ""


@transaction.atomic
def followup_round_start(
    *,
    title: str,
    practices,
    closes_at,
    started_by=None,
    months_after: int | None = None,
    remind_after_days: int = 7,
    now=None,
) -> FollowUpRound:
    """Start a round: one request (and one email) per active adoption with a contact."""
    now = now or timezone.now()
    practices = list(practices)
    if not practices:
        raise ValidationError(
            {
                "practices": ValidationError(
                    _("Valitse vähintään yksi toimintamalli."), code="no_practices"
                )
            }
        )
    if deadlines.has_passed(closes_at, now):
        raise ValidationError(
            {
                "closes_at": ValidationError(
                    _("Vastausajan pitää päättyä tulevaisuudessa."), code="closes_past"
                )
            }
        )
    round = FollowUpRound(
        title=title,
        months_after=months_after,
        started_at=now,
        started_by=started_by,
        closes_at=closes_at,
        remind_after_days=remind_after_days,
    )
    round.full_clean()
    round.save()
    round.practices.set(practices)
    adoptions = (
        Adoption.objects.active()
        .filter(practice__in=practices)
        .exclude(contact_email="")
        .order_by("pk")
    )
    for adoption in adoptions:
        request = FollowUpRequest.objects.create(
            round=round,
            adoption=adoption,
            email=adoption.contact_email,
            language=adoption.contact_language,
        )
        outbox.enqueue(SEND_TASK, request.pk, "invitation")
    return round


@transaction.atomic
def followup_answer(
    *, request: FollowUpRequest, answer: str, depth: str = "", comment: str = "", now=None
) -> FollowUpRequest:
    """Record an answer once; it updates the adoption the answer is about."""
    now = now or timezone.now()
    request = (
        FollowUpRequest.objects.select_for_update()
        .select_related("round", "adoption")
        .get(pk=request.pk)
    )
    refusal = followup_refusal(request, now)
    if refusal:
        raise ValidationError(refusal, code="closed")
    if answer not in FollowUpRequest.Answer.values:
        raise ValidationError(
            {"answer": ValidationError(_("Valitse, onko malli edelleen käytössä."), code="answer")}
        )
    if answer == FollowUpRequest.Answer.DISCONTINUED and not comment.strip():
        raise ValidationError(
            {
                "comment": ValidationError(
                    _("Kerro lyhyesti, miksi malli ei ole enää käytössä."), code="reason_missing"
                )
            }
        )
    request.answer = answer
    request.depth = depth if answer != FollowUpRequest.Answer.DISCONTINUED else ""
    request.comment = comment.strip()
    request.answered_at = now
    request.save(update_fields=["answer", "depth", "comment", "answered_at"])

    adoption = Adoption.objects.select_for_update().get(pk=request.adoption_id)
    if answer == FollowUpRequest.Answer.DISCONTINUED:
        adoption.status = Adoption.Status.DISCONTINUED
        adoption.ended_on = now.date()
    else:
        adoption.status = (
            Adoption.Status.CHANGED
            if answer == FollowUpRequest.Answer.CHANGED
            else Adoption.Status.ACTIVE
        )
        adoption.last_confirmed_at = now
        adoption.ended_on = None
        if depth:
            adoption.depth = depth
    adoption.save(update_fields=["status", "ended_on", "last_confirmed_at", "depth"])
    return request


def followup_reminders_send(*, now=None) -> int:
    """Queue one reminder to each contact who has not answered; safe to run twice."""
    now = now or timezone.now()
    queued = 0
    for round in FollowUpRound.objects.filter(deadlines.open_q("closes_at", now)):
        due = FollowUpRequest.objects.reminders_due(round, now).values_list("pk", flat=True)
        for request_id in list(due):
            with transaction.atomic():
                # Claim the reminder and queue its email together: one reminder per request.
                claimed = (
                    FollowUpRequest.objects.reachable()
                    .filter(pk=request_id, reminded_at__isnull=True, answered_at__isnull=True)
                    .update(reminded_at=now)
                )
                if claimed:
                    outbox.enqueue(SEND_TASK, request_id, "reminder")
                    queued += 1
    return queued


@transaction.atomic
def practice_save(form) -> Practice:
    """A practice from the workspace editor, with its projects and themes, in one go."""
    return form.save()


@transaction.atomic
def practice_rows_save(formset) -> None:
    """A practice's attachments, links or adoptions: every row or none."""
    formset.save()


@transaction.atomic
def practice_delete(practice: Practice) -> None:
    practice.delete()


def followup_due(*, today=None, limit: int = 20) -> list[dict]:
    """Practices whose developing project ended 12 or 24 months ago, that have adoptions to
    ask and no round of that moment yet: two queries."""
    from .models import ONE_YEAR, TWO_YEARS

    today = today or timezone.localdate()
    askable = Adoption.objects.active().exclude(contact_email="").values("practice")
    due = []
    for months, after, before in ((24, TWO_YEARS, None), (12, ONE_YEAR, TWO_YEARS)):
        practices = Practice.objects.filter(
            pk__in=askable, projects__ends_on__lte=today - after
        ).exclude(followup_rounds__months_after=months)
        if before is not None:  # past 24 months the 24-month round is the one due
            practices = practices.exclude(projects__ends_on__lte=today - before)
        for practice in practices.distinct().order_by("title", "pk")[:limit]:
            due.append({"practice": practice, "months": months})
    return due


def followup_overview(user, *, now=None) -> dict | None:
    """The home panel of network coordinators: rounds still open and rounds due."""
    if not is_network_coordinator(user):  # rounds are the network's (FollowUpRound.editable_by)
        return None
    now = now or timezone.now()
    open_rounds = (
        FollowUpRound.objects.editable_by(user)
        .filter(deadlines.open_q("closes_at", now))
        .with_counts()
    )
    return {"open_rounds": list(open_rounds[:10]), "due": followup_due(today=now.date())}


def practice_status_summary(round: FollowUpRound) -> list[dict]:
    """Per practice of a round: asked, answered, in use, changed, discontinued."""
    from django.db.models import Count, Q

    answers = FollowUpRequest.Answer
    rows = (
        FollowUpRequest.objects.filter(round=round)
        .values("adoption__practice")
        .annotate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(answered_at__isnull=False)),
            in_use=Count("pk", filter=Q(answer=answers.IN_USE)),
            changed=Count("pk", filter=Q(answer=answers.CHANGED)),
            discontinued=Count("pk", filter=Q(answer=answers.DISCONTINUED)),
        )
    )
    counts = {row["adoption__practice"]: row for row in rows}
    empty = {"asked": 0, "answered": 0, "in_use": 0, "changed": 0, "discontinued": 0}
    return [
        {"practice": practice, **{k: counts.get(practice.pk, empty)[k] for k in empty}}
        for practice in round.practices.all()
    ]


def default_closes_at(now=None, days: int = 28):
    return (now or timezone.now()) + timedelta(days=days)


__all__ = [
    "Practice",
    "default_closes_at",
    "followup_answer",
    "followup_from_signature",
    "followup_refusal",
    "followup_reminders_send",
    "followup_round_start",
    "followup_signature",
    "practice_status_summary",
]
