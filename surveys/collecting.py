"""Collecting a survey's answers, as the workspace's collect page and monitor run it.

The ways in are collectors (surveys.models.Collector): the public link, one link per
network project, invitations by email and the participants of an event. Here:
creating the project links (idempotent), adding invitations from pasted or uploaded
lines, scheduled reminders (at most `Reminder.MAX` per survey, sent through the outbox in
each invitee's language by services.invitation_send), opening and closing times, the
sites allowed to embed the survey, and the monitor's figures: responses per day, per
collector and per project, completion rate and where respondents stop, from aggregate
counters only (PageReach, Collector.started_count, SavedDraft's page).

Writes are one transaction each and raise translated ValidationErrors; who may do them
is decided by the views with Survey.objects.editable_by / visible_to.
"""

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import deadlines, outbox
from core.roles import coordinated_project_ids, is_network_coordinator
from projects.models import Project

from . import services
from .models import (
    Collector,
    Invitation,
    Page,
    PageReach,
    Reminder,
    Response,
    SavedDraft,
    Survey,
    site_origin,
)
from .privacy import complementary_hidden, shown
from .results import percent

# Links, embedding -------------------------------------------------------------------------


def language_urls(survey: Survey, name: str, **kwargs) -> list[tuple[str, str]]:
    """(language name, address) of a survey page in each language, with its own slug."""
    urls = []
    for code, label in settings.LANGUAGES:
        with translation.override(code):
            slug = getattr(survey, f"slug_{code}") or survey.slug_fi
            urls.append((label, reverse(name, kwargs={"slug": slug, **kwargs})))
    return urls


def embed_snippet(url: str, title: str) -> str:
    """The iframe another site pastes (README, "Embedding in another site")."""
    return (
        f'<iframe src="{settings.SITE_URL}{url}" title="{title}" '
        'width="100%" height="900" style="border:0" loading="lazy"></iframe>'
    )


def public_links(survey: Survey) -> list[tuple[str, str, str]]:
    """(language, full address, embed snippet) of the public link in each language."""
    answers = dict(language_urls(survey, "surveys:survey_answer"))
    return [
        (label, settings.SITE_URL + answers[label], embed_snippet(url, survey.title))
        for label, url in language_urls(survey, "surveys:survey_embed")
    ]


def collector_links(collector: Collector) -> list[tuple[str, str, str]]:
    """(language, full address, embed snippet) of a project link in each language."""
    survey = collector.survey
    answers = dict(language_urls(survey, "surveys:collector_answer", token=collector.token))
    embeds = language_urls(survey, "surveys:collector_embed", token=collector.token)
    return [
        (label, settings.SITE_URL + answers[label], embed_snippet(url, survey.title))
        for label, url in embeds
    ]


@transaction.atomic
def embed_domains_set(*, survey: Survey, embed_domains: str) -> Survey:
    """The sites allowed to frame the survey, one per line (Survey.clean checks each)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    lines = [line.strip() for line in embed_domains.splitlines() if line.strip()]
    # Kept as origins (Survey.embed_domain_list); a line that is none stays for clean().
    survey.embed_domains = "\n".join(dict.fromkeys(site_origin(line) or line for line in lines))
    survey.full_clean(validate_unique=False, validate_constraints=False)
    survey.save(update_fields=["embed_domains", "updated_at"])
    return survey


# Project links ----------------------------------------------------------------------------


def link_projects():
    """The projects that get a link of their own: the network's published projects."""
    return Project.objects.network().published().order_by("name")


@transaction.atomic
def project_links_create(*, survey: Survey) -> list[Collector]:
    """A link for each network project that has none yet in this survey (a second call
    adds nothing). The survey's row is locked, so two clicks at once make one set."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    have = set(
        survey.collectors.filter(kind=Collector.Kind.PROJECT).values_list("project_id", flat=True)
    )
    created = [
        Collector(survey=survey, kind=Collector.Kind.PROJECT, project=project)
        for project in link_projects()
        if project.pk not in have
    ]
    for collector in created:
        collector.full_clean()
        collector.save()
    return created


@transaction.atomic
def collector_set_active(*, collector: Collector, active: bool) -> Collector:
    """Open or close one way in; a closed link answers 404, its responses stay."""
    # Saved (not .update()) so that the pages offering the link are retired at commit;
    # only this field is written, so the link's counters are never overwritten.
    collector.is_active = active
    collector.save(update_fields=["is_active"])
    return collector


# Invitations ------------------------------------------------------------------------------

MAX_INVITATION_LINES = 5000
MAX_UPLOAD_BYTES = 1024 * 1024
LANGUAGES = {"fi": "fi", "sv": "sv", "suomi": "fi", "svenska": "sv", "ruotsi": "sv"}


@dataclass
class ParsedInvitations:
    rows: list[tuple[str, str, str]] = field(default_factory=list)  # (email, name, language)
    errors: list[str] = field(default_factory=list)  # one per bad line, with its number
    duplicates: int = 0


def _fields(line: str) -> list[str]:
    """A line's fields: separated by semicolons, tabs (pasted from a spreadsheet) or commas."""
    for separator in (";", "\t", ","):
        if separator in line:
            return [part.strip() for part in next(csv.reader([line], delimiter=separator))]
    return [line.strip()]


def invitations_parse(text: str) -> ParsedInvitations:
    """Lines "email; name; fi|sv" (name and language optional, Finnish by default).

    Every bad line is reported with its number; a header line ("sähköposti; …") and
    empty lines are skipped; an address given twice is taken once.
    """
    parsed = ParsedInvitations()
    seen: set[str] = set()
    lines = text.splitlines()
    if len(lines) > MAX_INVITATION_LINES:
        parsed.errors.append(
            _("Liikaa rivejä: enintään %(max)s kerralla.") % {"max": MAX_INVITATION_LINES}
        )
        return parsed
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        parts = _fields(line) + ["", ""]
        email, name, language = parts[0].lower(), parts[1], parts[2].lower() or "fi"
        if (
            number == 1
            and "@" not in email
            and email.rstrip(":")
            in (
                "sähköposti",
                "e-post",
                "email",
                "e-mail",
            )
        ):
            continue
        if len(parts) == 4 and parts[1].lower() in LANGUAGES:  # "email; sv": no name
            name, language = "", parts[1].lower()
        try:
            validate_email(email)
        except ValidationError:
            parsed.errors.append(
                _("Rivi %(number)s: ”%(value)s” ei ole sähköpostiosoite.")
                % {"number": number, "value": email[:80]}
            )
            continue
        if language not in LANGUAGES:
            parsed.errors.append(
                _("Rivi %(number)s: kielen pitää olla fi tai sv, ei ”%(value)s”.")
                % {"number": number, "value": language[:20]}
            )
            continue
        if len(name) > 200:
            parsed.errors.append(
                _("Rivi %(number)s: nimi on liian pitkä (enintään 200 merkkiä).")
                % {"number": number}
            )
            continue
        if email in seen:
            parsed.duplicates += 1
            continue
        seen.add(email)
        parsed.rows.append((email, name, LANGUAGES[language]))
    return parsed


def invitations_read_upload(upload) -> str:
    """The text of an uploaded list (UTF-8, with or without a byte order mark)."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Tiedosto on liian suuri: enintään 1 Mt."), code="too_large")
    raw = upload.read(MAX_UPLOAD_BYTES + 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Tiedostoa ei voi lukea: tallenna se UTF-8-merkistöllä (CSV tai teksti)."),
            code="encoding",
        ) from None


@transaction.atomic
def invitations_add(
    *,
    survey: Survey,
    rows: list[tuple[str, str, str]],
    collector: Collector | None = None,
    name: str = "",
) -> tuple[Collector, int]:
    """Invite `rows` through `collector`, or through a new invitation collector named
    `name`; the emails leave through the outbox after the commit. (collector, added)."""
    if not rows:
        raise ValidationError(_("Anna vähintään yksi sähköpostiosoite."), code="empty")
    if collector is None:
        collector = Collector(survey=survey, kind=Collector.Kind.INVITATION, name=name[:200])
        collector.full_clean()
        collector.save()
    elif collector.survey_id != survey.pk:
        raise ValidationError(_("Kanava kuuluu toiseen kyselyyn."), code="other_survey")
    added = services.invitations_create(collector=collector, rows=rows)
    return collector, added


@dataclass
class InvitationCounts:
    collector: Collector
    invited: int
    sent: int
    answered: int
    reminded: int
    warning: str = ""


def invitation_counts(survey: Survey) -> list[InvitationCounts]:
    """Per invitation collector: invited, sent, answered and reminded, in one query."""
    collectors = (
        survey.collectors.filter(kind__in=[Collector.Kind.INVITATION, Collector.Kind.EVENT])
        .select_related("event")
        .annotate(
            n_invited=Count("invitations", filter=~Q(invitations__email="")),
            n_sent=Count("invitations", filter=Q(invitations__sent_at__isnull=False)),
            n_answered=Count("invitations", filter=Q(invitations__used_at__isnull=False)),
            n_reminded=Count("invitations", filter=Q(invitations__reminder_count__gt=0)),
        )
        .order_by("kind", "pk")
    )
    return [
        InvitationCounts(
            collector=c,
            invited=c.n_invited,
            sent=c.n_sent,
            answered=c.n_answered,
            reminded=c.n_reminded,
            warning=_anonymity_warning(survey, c, c.n_invited),
        )
        for c in collectors
    ]


def _anonymity_warning(survey: Survey, collector: Collector, invited: int) -> str:
    """services.collector_anonymity_warning with the count already made."""
    if collector.kind == Collector.Kind.EVENT:
        return ""  # its invitees are still to come: the admin warns when they are known
    collector.survey = survey
    return services.collector_anonymity_warning(collector, invited=invited)


def invitees(survey: Survey):
    """Who was invited and who has answered: only in a survey that is not anonymous."""
    if survey.anonymous:
        return Invitation.objects.none()
    return (
        Invitation.objects.reachable()
        .filter(collector__survey=survey)
        .select_related("collector")
        .order_by("collector_id", "email")
    )


# Reminders --------------------------------------------------------------------------------


def _renumber(survey: Survey, *, add: datetime | None = None) -> None:
    """Number the reminders not yet sent (and `add`, a new one) after those sent, in the
    order they go out: reminder k raises each invitee's count to k (invitation_send)."""
    last = max(
        survey.reminders.filter(queued_at__isnull=False).values_list("number", flat=True),
        default=0,
    )
    times = list(survey.reminders.pending().values_list("send_at", flat=True))
    if add is not None:
        times.append(add)
    survey.reminders.pending().delete()  # made again below: (survey, number) is unique
    Reminder.objects.bulk_create(
        Reminder(survey=survey, number=last + i, send_at=send_at)
        for i, send_at in enumerate(sorted(times), 1)
    )


@transaction.atomic
def reminder_schedule(*, survey: Survey, send_at: datetime, now=None) -> Reminder:
    """Schedule a reminder to every invitee who has not answered by `send_at`."""
    now = now or timezone.now()
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if send_at <= now:
        raise ValidationError(
            {"send_at": ValidationError(_("Valitse tuleva ajankohta."), code="past")}
        )
    if survey.closes_at and send_at >= survey.closes_at:
        raise ValidationError(
            {
                "send_at": ValidationError(
                    _("Muistutus lähtisi vasta kyselyn sulkeuduttua (%(closes)s).")
                    % {"closes": deadlines.display(survey.closes_at)},
                    code="after_closing",
                )
            }
        )
    if survey.reminders.count() >= Reminder.MAX:
        raise ValidationError(
            {
                "send_at": ValidationError(
                    ngettext(
                        "Kyselylle voi ajastaa enintään %(max)s muistutuksen.",
                        "Kyselylle voi ajastaa enintään %(max)s muistutusta.",
                        Reminder.MAX,
                    )
                    % {"max": Reminder.MAX},
                    code="too_many",
                )
            }
        )
    _renumber(survey, add=send_at)
    return survey.reminders.pending().filter(send_at=send_at).order_by("-number").first()


@transaction.atomic
def reminder_cancel(*, reminder: Reminder) -> None:
    survey = Survey.objects.select_for_update().get(pk=reminder.survey_id)
    deleted, _detail = Reminder.objects.filter(pk=reminder.pk, queued_at__isnull=True).delete()
    if not deleted:
        raise ValidationError(_("Muistutus on jo lähetetty."), code="sent")
    _renumber(survey)


def reminder_recipients(survey: Survey, number: int):
    """Invitees a reminder numbered `number` goes to: invited, not answered, with an
    address, through an open collector, with fewer reminders than `number`."""
    return Invitation.objects.reachable().filter(
        collector__survey=survey,
        collector__is_active=True,
        used_at__isnull=True,
        sent_at__isnull=False,
        reminder_count__lt=number,
    )


def scheduled_reminders_queue(now: datetime | None = None) -> int:
    """Queue the due scheduled reminders (the hourly beat); the number of emails queued.

    Each reminder is claimed once (queued_at); each email is an outbox message whose task
    claims its invitee again, so neither a second beat nor a second delivery sends twice.
    A survey that no longer takes answers reminds nobody.
    """
    now = now or timezone.now()
    queued = 0
    for reminder_id in Reminder.objects.due(now).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Reminder.objects.filter(pk=reminder_id, queued_at__isnull=True).update(
                queued_at=now
            )
            if not claimed:
                continue
            reminder = Reminder.objects.select_related("survey").get(pk=reminder_id)
            ids = []
            if reminder.survey.is_accepting(now):
                ids = list(
                    reminder_recipients(reminder.survey, reminder.number).values_list(
                        "pk", flat=True
                    )
                )
            for pk in ids:
                outbox.enqueue(services.SEND_INVITATION, pk, number=reminder.number)
            Reminder.objects.filter(pk=reminder_id).update(recipients=len(ids))
            queued += len(ids)
    return queued


# Opening and closing ----------------------------------------------------------------------


def helsinki(day: date, at: time | None) -> datetime:
    return datetime.combine(day, at or time.min, tzinfo=deadlines.HELSINKI)


@transaction.atomic
def survey_schedule_set(
    *, survey: Survey, status: str, opens_at: datetime | None, closes_at: datetime | None
) -> Survey:
    """The survey's state and its answering window (closes_at: the first moment refused)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    survey.status, survey.opens_at, survey.closes_at = status, opens_at, closes_at
    survey.full_clean(validate_unique=False)
    survey.save(update_fields=["status", "opens_at", "closes_at", "updated_at"])
    return survey


def surveys_to_follow(user, limit: int = 10):
    """The workspace home's list: surveys not closed whose collection `user` runs or follows
    (a project coordinator: those with a link of their projects), newest first."""
    return (
        Survey.objects.visible_to(user)
        .exclude(status=Survey.Status.CLOSED)
        .order_by("-created_at", "pk")[:limit]
    )


# Counting where respondents stop ----------------------------------------------------------


def page_reach_add(*, collector: Collector, counts: dict[int, dict[str, int]]) -> None:
    """Add to the pages' `arrived` and `passed` counts through `collector`, in one
    statement: {page id: {"arrived": n, "passed": m}}.

    An upsert (PostgreSQL and SQLite alike), so respondents passing the same page at the
    same moment neither lose a count nor collide on the first row.
    """
    table = connection.ops.quote_name(PageReach._meta.db_table)
    rows = [(page_id, collector.pk, c["arrived"], c["passed"]) for page_id, c in counts.items()]
    values = ", ".join(["(%s, %s, %s, %s)"] * len(rows))
    # The table name is the model's and every value a parameter.
    sql = (
        f"INSERT INTO {table} (page_id, collector_id, arrived, passed) VALUES {values} "  # noqa: S608
        "ON CONFLICT (page_id, collector_id) DO UPDATE SET "
        f"arrived = {table}.arrived + excluded.arrived, "
        f"passed = {table}.passed + excluded.passed"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [value for row in rows for value in row])


# The monitor ------------------------------------------------------------------------------


@dataclass
class CollectorFigures:
    collector: Collector
    started: int | None
    completed: int | None
    invited: int | None
    rate: float | None  # completed / invited for invitations, completed / started otherwise

    @property
    def rate_percent(self):
        return percent(self.rate)


@dataclass
class PageFigures:
    page: Page
    number: int
    arrived: int | None
    passed: int | None
    stopped: int | None
    saved: int | None


@dataclass
class Monitor:
    survey: Survey
    full: bool  # a network coordinator: every figure, exact
    started: int | None
    completed: int | None
    completion: float | None
    per_day: list = field(default_factory=list)  # [(date, count | None)]
    collectors: list[CollectorFigures] = field(default_factory=list)
    projects: list = field(default_factory=list)  # [(name, count | None)]
    pages: list[PageFigures] = field(default_factory=list)

    @property
    def completion_percent(self):
        return percent(self.completion)


def _ratio(part, whole):
    return part / whole if part is not None and whole else None


def monitor(survey: Survey, user) -> Monitor:
    """The collection of `survey` as `user` may follow it, in a fixed number of queries.

    A network coordinator sees every collector's exact figures. A project coordinator sees
    only their projects' collectors and figures, each count of fewer than five respondents
    hidden (surveys.privacy.shown), with the counts beside it that would give it away from
    the total shown (surveys.privacy.complementary_hidden), and so every share computed
    from one.
    """
    full = is_network_coordinator(user)
    collectors = list(
        Collector.objects.visible_to(user)
        .filter(survey=survey)
        .select_related("project", "event")
        .prefetch_related("event__projects")
        .with_stats()
        .order_by("kind", "project__name", "pk")
    )
    ids = [c.pk for c in collectors]

    def cell(n):
        return n if full else shown(n, n)

    rows = _collector_rows(collectors, full)
    started = sum(c.started_count for c in collectors)
    completed = sum(c.completed for c in collectors)
    responses = Response.objects.counted().filter(survey=survey)
    if not full:
        responses = responses.filter(collector__in=ids)
    per_day = (
        responses.annotate(day=TruncDate("completed_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    result = Monitor(
        survey=survey,
        full=full,
        started=cell(started),
        completed=cell(completed),
        completion=_ratio(cell(completed), cell(started)),
        per_day=list(
            zip(
                [row["day"] for row in per_day],
                _breakdown([row["n"] for row in per_day], full),
                strict=True,
            )
        ),
        collectors=rows,
    )
    result.projects = _project_rows(survey, user, full, cell)
    result.pages = _page_rows(survey, ids, full)
    return result


def _collector_rows(collectors: list[Collector], full: bool) -> list[CollectorFigures]:
    started_cells = _breakdown([c.started_count for c in collectors], full)
    completed_cells = _breakdown([c.completed for c in collectors], full)
    rows = []
    for c, started, completed in zip(collectors, started_cells, completed_cells, strict=True):
        invited = c.invited if c.sends_invitations else None
        base = invited if c.sends_invitations else started
        rows.append(
            CollectorFigures(
                collector=c,
                started=started,
                completed=completed,
                invited=invited,
                rate=_ratio(completed, base),
            )
        )
    return rows


def _breakdown(counts: list[int], full: bool) -> list[int | None]:
    """Counts that add up to a total shown beside them: to a project coordinator, the
    small ones hidden and those that would give them away (surveys.privacy)."""
    if full:
        return counts
    hide = complementary_hidden(counts)
    return [None if index in hide else count for index, count in enumerate(counts)]


def _project_rows(survey: Survey, user, full: bool, cell) -> list:
    responses = Response.objects.counted().filter(survey=survey)
    if not full:
        responses = responses.filter(project__in=coordinated_project_ids(user))
    counts = dict(
        responses.values("project_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("project_id", "n")
    )
    names = Project.objects.filter(pk__in=[pk for pk in counts if pk]).order_by("name")
    rows = [(name, cell(counts[pk])) for pk, name in names.values_list("pk", "name")]
    if None in counts:
        rows.append((_("Hanke ei tiedossa"), cell(counts[None])))
    return rows


def _page_rows(survey: Survey, collector_ids: list[int], full: bool) -> list[PageFigures]:
    reach = {
        row["page_id"]: row
        for row in PageReach.objects.filter(page__survey=survey, collector__in=collector_ids)
        .values("page_id")
        .annotate(arrived=Sum("arrived"), passed=Sum("passed"))
        .order_by()
    }
    saved = dict(
        SavedDraft.objects.filter(survey=survey, collector__in=collector_ids, page__isnull=False)
        .values("page_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("page_id", "n")
    )
    rows = []
    for number, page in enumerate(survey.pages.order_by("order", "pk"), 1):
        counts = reach.get(page.pk, {})
        arrived, passed = counts.get("arrived") or 0, counts.get("passed") or 0
        # Those who went on and those who stopped make up those who arrived.
        went_on, stopped = _breakdown([passed, max(arrived - passed, 0)], full)
        rows.append(
            PageFigures(
                page=page,
                number=number,
                arrived=_breakdown([arrived], full)[0],
                passed=went_on,
                stopped=stopped,
                saved=_breakdown([saved.get(page.pk, 0)], full)[0],
            )
        )
    return rows
