"""Writes of the surveys app: one transaction each, errors as translated ValidationErrors."""

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import outbox
from events.models import Registration
from projects.models import Project

from .answering import Draft, Structure
from .models import (
    Answer,
    Choice,
    Collector,
    Condition,
    Invitation,
    Page,
    Question,
    Reminder,
    Response,
    SavedDraft,
    Statement,
    Survey,
    structure_locked_message,
)
from .privacy import MIN_CELL, small_cell

REMINDER_AFTER = timedelta(days=7)
# The outbox target of invitations and reminders.
SEND_INVITATION = "surveys.services.invitation_send"


# Protection of answered surveys ------------------------------------------------------------


def may_delete_part(survey: Survey | None) -> bool:
    """Questions, statements, choices and pages of an answered survey stay."""
    return survey is None or not survey.has_responses()


def ensure_deletable(survey: Survey) -> None:
    if not may_delete_part(survey):
        raise ValidationError(structure_locked_message(), code="answered")


@transaction.atomic
def question_delete(question: Question) -> None:
    survey = Survey.objects.select_for_update().get(pk=question.survey_id)
    ensure_deletable(survey)
    question.delete()


# Next round ---------------------------------------------------------------------------------


@transaction.atomic
def survey_copy_as_next_round(survey: Survey) -> Survey:
    """A draft copy in the same series, each part linked to the part it was copied from."""
    last_round = (
        Survey.objects.select_for_update()
        .filter(series=survey.series)
        .order_by("-round")
        .values_list("round", flat=True)
        .first()
    )
    new_round = (last_round or survey.round) + 1
    copy = Survey.objects.get(pk=survey.pk)
    copy.pk = None
    copy.id = None
    copy.round = new_round
    copy.status = Survey.Status.DRAFT
    copy.opens_at = None
    copy.closes_at = None
    for language in ("fi", "sv"):
        slug = getattr(survey, f"slug_{language}")
        if slug:
            setattr(copy, f"slug_{language}", f"{slug}-{new_round}"[:200])
    copy.full_clean(validate_unique=True)
    copy.save()
    page_map = _copy_pages(survey, copy)
    question_map, statement_map, choice_map = _copy_questions(survey, copy, page_map)
    conditions = Condition.objects.filter(source__survey=survey).prefetch_related("choices")
    for condition in conditions:
        choices = [choice_map[c.pk] for c in condition.choices.all()]
        new = Condition.objects.create(
            page=page_map.get(condition.page_id),
            question=question_map.get(condition.question_id),
            source=question_map[condition.source_id],
            operator=condition.operator,
            statement=statement_map.get(condition.statement_id),
            value=condition.value,
        )
        new.choices.set(choices)
    return copy


def _copy_pages(survey: Survey, copy: Survey) -> dict[int, Page]:
    """The pages of `survey` copied into `copy`, by the original's id."""
    page_map: dict[int, Page] = {}
    for page in survey.pages.all():
        old_pk = page.pk
        page.pk = page.id = None
        page.survey = copy
        page.save()
        page_map[old_pk] = page
    return page_map


def _copy_questions(survey: Survey, copy: Survey, page_map: dict[int, Page]):
    """The questions with their statements and choices copied, each linked to its original;
    the copies of questions, statements and choices, by the original's id."""
    question_map: dict[int, Question] = {}
    statement_map: dict[int, Statement] = {}
    choice_map: dict[int, Choice] = {}
    for question in survey.questions.prefetch_related("statements", "choices"):
        old_pk = question.pk
        statements = list(question.statements.all())
        choices = list(question.choices.all())
        question.pk = question.id = None
        question.survey = copy
        question.page = page_map[question.page_id]
        question.previous_id = old_pk
        question.save()
        question_map[old_pk] = question
        for statement in statements:
            old = statement.pk
            statement.pk = statement.id = None
            statement.question = question
            statement.previous_id = old
            statement.save()
            statement_map[old] = statement
        for choice in choices:
            old = choice.pk
            choice.pk = choice.id = None
            choice.question = question
            choice.previous_id = old
            choice.save()
            choice_map[old] = choice
    return question_map, statement_map, choice_map


# Test responses ----------------------------------------------------------------------------


@transaction.atomic
def test_responses_delete(survey: Survey) -> int:
    responses = Response.objects.filter(survey=survey, is_test=True)
    Answer.objects.filter(response__in=responses).delete()
    count, _detail = responses.delete()
    return count


# Collectors and invitations ----------------------------------------------------------------


def collector_count_start(collector: Collector | None) -> None:
    if collector is not None:
        Collector.objects.filter(pk=collector.pk).update(started_count=F("started_count") + 1)


def invitation_mark_opened(invitation: Invitation) -> None:
    if invitation.collector.survey.anonymous:
        return  # an opening time could be matched with the response's start time
    Invitation.objects.filter(pk=invitation.pk, opened_at__isnull=True).update(
        opened_at=timezone.now()
    )


def invitations_create(*, collector: Collector, rows: list[tuple[str, str, str]]) -> int:
    """Add invitations (email, name, language) and queue their emails; existing ones are kept."""
    if not collector.sends_invitations:
        raise ValidationError(_("Kutsuja voi lisätä vain kutsukanavaan."), code="not_invitation")
    return _invitations_add(collector, rows)


@transaction.atomic
def _invitations_add(collector: Collector, rows: list[tuple[str, str, str]]) -> int:
    created = 0
    for email, name, language in rows:
        invitation, was_created = Invitation.objects.get_or_create(
            collector=collector,
            email=email.strip().lower(),
            defaults={"name": name, "language": language if language in ("fi", "sv") else "fi"},
        )
        if was_created:
            created += 1
            outbox.enqueue(SEND_INVITATION, invitation.pk)
    return created


def _invitation_email(invitation: Invitation, *, reminder: bool) -> tuple[str, str]:
    survey = invitation.collector.survey
    with translation.override(invitation.language):
        path = reverse("surveys:invitation_answer", kwargs={"token": invitation.token})
        context = {
            "invitation": invitation,
            "survey": survey,
            "url": settings.SITE_URL + path,
            "reminder": reminder,
        }
        subject = (_("Muistutus: %(title)s") if reminder else _("Kutsu kyselyyn: %(title)s")) % {
            "title": survey.title
        }
        body = render_to_string("surveys/email/invitation.txt", context)
    return subject, body


def invitation_send(
    invitation_id: int, *, reminder: bool = False, number: int | None = None
) -> bool:
    """Send one invitation (or its reminder) once; a second run is a no-op.

    `number` is a scheduled reminder's (surveys.models.Reminder): the invitee gets it when
    they have had fewer reminders, and their count becomes `number`. Without it, the
    reminder is the automatic one a week after the invitation (the first and only one).
    """
    now = timezone.now()
    reminder = reminder or number is not None
    unsent = Invitation.objects.reachable().filter(pk=invitation_id, used_at__isnull=True)
    if number is not None:
        unsent = unsent.filter(reminder_count__lt=number, sent_at__isnull=False)
        claim = {"reminded_at": now, "reminder_count": number}
    elif reminder:
        unsent = unsent.filter(reminded_at__isnull=True)
        claim = {"reminded_at": now, "reminder_count": 1}
    else:
        unsent = unsent.filter(sent_at__isnull=True)
        claim = {"sent_at": now}
    with transaction.atomic():
        claimed = unsent.update(**claim)
        if not claimed:
            return False
        invitation = Invitation.objects.select_related("collector__survey").get(pk=invitation_id)
        subject, body = _invitation_email(invitation, reminder=reminder)
        send_mail(subject, body, None, [invitation.email])  # a failure rolls the claim back
    return True


def _event_invitees(collector: Collector):
    """The participants an event collector invites: confirmed, not marked absent, not yet
    invited. Registrations that were erased have no address and are not counted."""
    return (
        Registration.objects.filter(event=collector.event, status=Registration.Status.CONFIRMED)
        .exclude(attended=False)
        .exclude(email="")
        .exclude(email__in=collector.invitations.values("email"))
    )


def collector_anonymity_warning(collector: Collector, *, invited: int | None = None) -> str:
    """Why an anonymous survey's answers through this collector could be told apart.

    A collector that invites fewer people than the small-cell limit lets whoever knows
    who was invited tell the answers apart (and its response rate names who answered).
    "" when there is nothing to warn about. Shown to the person who sets the collector
    up, wherever they do it (the admin, the workspace's collect page).
    """
    if not collector.survey.anonymous or not collector.sends_invitations:
        return ""
    if invited is None:  # not counted by the caller yet
        invited = collector.invitations.count()
    if collector.kind == Collector.Kind.EVENT:
        invited += _event_invitees(collector).count()
    if not small_cell(invited):
        return ""
    if collector.kind == Collector.Kind.EVENT:
        message = ngettext(
            "Tapahtuman palautekyselyyn kutsutaan tällä hetkellä vain %(count)s osallistuja. "
            "Anonyymin kyselyn vastaukset voi erottaa toisistaan, jos vastaajia on alle "
            "%(min)s.",
            "Tapahtuman palautekyselyyn kutsutaan tällä hetkellä vain %(count)s osallistujaa. "
            "Anonyymin kyselyn vastaukset voi erottaa toisistaan, jos vastaajia on alle "
            "%(min)s.",
            invited,
        )
    else:
        message = ngettext(
            "Vastauskanavaan on kutsuttu vain %(count)s henkilö. Anonyymin kyselyn vastaukset "
            "voi erottaa toisistaan, jos vastaajia on alle %(min)s: kutsu lisää vastaajia "
            "samaan kanavaan.",
            "Vastauskanavaan on kutsuttu vain %(count)s henkilöä. Anonyymin kyselyn vastaukset "
            "voi erottaa toisistaan, jos vastaajia on alle %(min)s: kutsu lisää vastaajia "
            "samaan kanavaan.",
            invited,
        )
    return message % {"count": invited, "min": MIN_CELL}


def event_invitations_create(now: datetime | None = None) -> int:
    """Invite the participants of ended events to their feedback survey (once per person).

    Confirmed registrations count, unless marked absent. Run by the hourly beat; the
    unique (collector, email) makes a second run add nothing.
    """
    now = now or timezone.now()
    created = 0
    collectors = Collector.objects.filter(
        kind=Collector.Kind.EVENT,
        is_active=True,
        event__ends_at__lte=now,
        survey__in=Survey.objects.open(now),
    ).select_related("event")
    for collector in collectors:
        rows = [(r.email, r.name, r.language) for r in _event_invitees(collector)]
        if rows:
            created += _invitations_add(collector, rows)
    return created


def reminders_due(now: datetime | None = None):
    """Invitees due the automatic reminder: a week after the invitation, in surveys that
    have no reminders of their own scheduled (surveys.collecting schedules those)."""
    now = now or timezone.now()
    scheduled = Reminder.objects.values("survey")
    return (
        Invitation.objects.reachable()
        .exclude(collector__survey__in=scheduled)
        .filter(
            used_at__isnull=True,
            reminded_at__isnull=True,
            sent_at__lte=now - REMINDER_AFTER,
            collector__is_active=True,
            collector__survey__in=Survey.objects.open(now),
        )
    )


def reminders_queue(now: datetime | None = None) -> int:
    """Queue a reminder to each invitee who has not answered a week after the invitation."""
    count = 0
    with transaction.atomic():
        for pk in reminders_due(now).values_list("pk", flat=True):
            outbox.enqueue(SEND_INVITATION, pk, reminder=True)
            count += 1
    return count


# Submission --------------------------------------------------------------------------------


def draft_retention_days() -> int:
    """How long a "continue later" draft is kept after it was last saved (the privacy
    notice and the saved page say so)."""
    return settings.SURVEYS_DRAFT_RETENTION_DAYS


@transaction.atomic
def draft_save(
    *,
    survey: Survey,
    draft: Draft,
    collector: Collector | None = None,
    invitation: Invitation | None = None,
) -> SavedDraft:
    """Keep `draft` for "continue later" under its private link, the same row each time.

    The draft learns its link token before it is signed, so the saved copy names itself.
    A draft of an invitation names it (`SavedDraft.invitation`) only until the invitation
    answers: the response's transaction deletes every saved draft of it.
    """
    saved = SavedDraft.objects.filter(survey=survey, token=draft.saved or "").first()
    saved = saved or SavedDraft.objects.create(survey=survey, data={})
    draft.saved = saved.token
    saved.data = {"draft": draft.dumps()}
    # Where it waits and which way it came in (the monitor counts them, surveys/collecting.py).
    saved.page_id = draft.page
    saved.collector = collector
    saved.invitation = invitation
    saved.save(update_fields=["data", "page", "collector", "invitation", "updated_at"])
    return saved


def draft_discard(*, survey: Survey, draft: Draft) -> None:
    """Forget the saved copy of a draft once its response is in (its link stops working)."""
    if draft.saved:
        SavedDraft.objects.filter(survey=survey, token=draft.saved).delete()


def saved_drafts_purge(now: datetime | None = None) -> int:
    """Delete the "continue later" drafts not saved again within the retention time, and
    any left of an invitation that has answered; the number deleted (a rerun deletes none).

    Run daily by the beat (surveys.tasks.purge_saved_drafts).
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=draft_retention_days())
    stale = SavedDraft.objects.filter(updated_at__lt=cutoff) | SavedDraft.objects.filter(
        invitation__used_at__isnull=False
    )
    count, _detail = stale.delete()
    return count


def _answer_rows(
    response: Response, questions: list[Question], answers: dict, others: dict | None = None
) -> list[Answer]:
    """Answer rows of the visible questions' stored answers; anything foreign is dropped.
    The text written beside an "other, what?" choice goes with that choice's row."""
    others = others or {}
    rows: list[Answer] = []
    for question in questions:
        value = answers.get(str(question.pk))
        if value in (None, "", []):
            continue
        base = {"response": response, "question": question}
        if question.kind == Question.Kind.LIKERT:
            statement_ids = {s.pk for s in question.statements.all()}
            for statement_id, given in value.items():
                if int(statement_id) not in statement_ids:
                    continue
                if given == "dk" and question.allow_dont_know:
                    rows.append(Answer(**base, statement_id=int(statement_id), dont_know=True))
                elif isinstance(given, int) and 1 <= given <= question.scale_size:
                    rows.append(Answer(**base, statement_id=int(statement_id), value=given))
        elif question.has_choices:
            choices = {c.pk: c for c in question.choices.all()}
            for choice_id in dict.fromkeys(value if isinstance(value, list) else [value]):
                if choice_id in choices:
                    text = others.get(str(question.pk), "") if choices[choice_id].is_other else ""
                    rows.append(Answer(**base, choice_id=choice_id, text=text[:500]))
        elif question.kind == Question.Kind.PROJECT:
            rows.append(Answer(**base, project_id=int(value)))
        elif question.kind == Question.Kind.NUMBER:
            rows.append(Answer(**base, number=Decimal(value)))
        else:
            rows.append(Answer(**base, text=str(value)))
    return rows


def _used_at(survey: Survey) -> datetime:
    """When an invitation was used, as far as it is kept.

    In an anonymous survey the same time for every invitation (the survey's opening):
    an exact time could be matched with the response's completion time.
    """
    if survey.anonymous:
        return survey.opens_at or survey.created_at
    return timezone.now()


def _response_project_id(questions: list[Question], answers: dict, collector) -> int | None:
    """The project a response belongs to: the first one named in a project question, as
    the collector allows (surveys.models.Collector.response_project_id), if it still exists."""
    project_id = None
    for question in questions:
        if question.kind == Question.Kind.PROJECT and answers.get(str(question.pk)):
            project_id = project_id or int(answers[str(question.pk)])
    if collector is not None:
        project_id = collector.response_project_id(project_id)
    if project_id and not Project.objects.filter(pk=project_id).exists():
        project_id = None
    return project_id


def response_submit(
    *,
    survey: Survey,
    answers: dict,
    submission_key: str,
    others: dict | None = None,
    structure: Structure | None = None,
    collector: Collector | None = None,
    invitation: Invitation | None = None,
    is_test: bool = False,
    language: str = "fi",
    started_at: datetime | None = None,
) -> Response:
    """Save a whole response in one transaction; the same submission key returns the first one.

    A double click, a replayed POST or a second tab with the same draft never makes two
    responses; a used invitation cannot answer again. Only the answers to questions the
    respondent is shown are stored: a page or a question hidden by its condition (after an
    earlier answer changed) drops what the draft still holds for it.
    """
    structure = structure or Structure.for_survey(survey)
    key = uuid.UUID(str(submission_key))
    existing = Response.objects.filter(submission_key=key).first()
    if existing is not None:
        return existing
    arguments = {
        "survey": survey,
        "key": key,
        "collector": collector,
        "invitation": invitation,
        "is_test": is_test,
        "language": language,
        "started_at": started_at,
    }
    arguments["others"] = others or {}
    try:
        return _response_save(structure, answers, **arguments)
    except IntegrityError:
        # A parallel request with the same key won the race: theirs is the response.
        existing = Response.objects.filter(submission_key=key).first()
        if existing is not None:
            return existing
    # The survey was edited while the respondent answered (a question, statement or choice
    # deleted in the builder as this response was saved): the response is saved against
    # the survey as it is now, losing only the answers to the deleted parts.
    return _response_save(Structure(survey), answers, **arguments)


def _response_save(
    structure: Structure,
    answers: dict,
    *,
    survey: Survey,
    key: uuid.UUID,
    collector,
    invitation,
    is_test: bool,
    language: str,
    started_at,
    others: dict,
) -> Response:
    answers, visible_questions = structure.prune(answers)
    with transaction.atomic():
        if not is_test:
            # Read again, not locked: every response of a survey would otherwise queue
            # on one row. A response that lands as the survey closes is still fine.
            reason = Survey.objects.get(pk=survey.pk).closed_reason()
            if reason:
                raise ValidationError(reason, code="closed")
        if invitation is not None:
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if invitation.used_at is not None and not is_test:
                raise ValidationError(_("Tällä kutsulla on jo vastattu. Kiitos!"), code="used")
        response = Response.objects.create(
            survey=survey,
            collector=collector,
            project_id=_response_project_id(visible_questions, answers, collector),
            invitation=invitation if invitation and not survey.anonymous else None,
            submission_key=key,
            is_test=is_test,
            language=language,
            started_at=started_at or timezone.now(),
            completed_at=timezone.now(),
        )
        Answer.objects.bulk_create(_answer_rows(response, visible_questions, answers, others))
        if invitation is not None and not is_test:
            _invitation_mark_used(invitation, survey)
    return response


def _invitation_mark_used(invitation: Invitation, survey: Survey) -> None:
    """The invitation has answered: it takes no other response and no more reminders.

    Its saved drafts go: they hold its answers under its id. In an anonymous survey it
    also forgets its reminders: reminder k goes only to those who have not answered, so
    a kept count or last reminder time, beside the survey's reminder schedule, would say
    between which two reminders this invitee answered (and so which responses are theirs).
    """
    SavedDraft.objects.filter(invitation=invitation).delete()
    invitation.used_at = _used_at(survey)
    fields = ["used_at"]
    if survey.anonymous:
        invitation.reminded_at, invitation.reminder_count = None, 0
        fields += ["reminded_at", "reminder_count"]
    invitation.save(update_fields=fields)
