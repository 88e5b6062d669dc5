"""Registrations: every write that checks a limit or starts an email lives here.

Each call is one transaction that locks the event row first, so two requests
counting the same places run one after the other (see the parallel tests).
Emails go through the outbox (core/outbox.py): stored with the registration in
its transaction, sent by a worker after the commit, and sent later when the
broker is down, never lost.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import deadlines, outbox
from projects.models import Project

from .emails import bulk_message
from .models import Event, EventMaterial, Registration, offer_expiry

SEND_EMAIL = "events.emails.send_registration_email"
SEND_BULK_EMAIL = "events.emails.send_bulk_email"


def _locked_event(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def free_places(event: Event, mode: str) -> int | None:
    """Free places for one way of taking part; None when unlimited."""
    capacity = event.capacity_for(mode)
    if capacity is None:
        return None
    taken = event.registrations.holding_place().filter(mode=mode).count()
    return max(capacity - taken, 0)


def place_counts(event: Event) -> dict[str, dict]:
    """Taken, waiting and free places per mode, in one query."""
    rows = event.registrations.values("mode").annotate(
        taken=Count("pk", filter=Q(status__in=["confirmed", "offered"])),
        waiting=Count("pk", filter=Q(status="waiting")),
    )
    counts = {mode: {"taken": 0, "waiting": 0} for mode in event.modes()}
    for row in rows:
        counts.setdefault(row["mode"], {"taken": 0, "waiting": 0}).update(
            taken=row["taken"], waiting=row["waiting"]
        )
    for mode, count in counts.items():
        capacity = event.capacity_for(mode)
        count["capacity"] = capacity
        count["free"] = None if capacity is None else max(capacity - count["taken"], 0)
    return counts


@transaction.atomic
def registration_create(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    needs: str = "",
    consent: bool,
    mode: str = "",
    language: str = "fi",
    now=None,
) -> Registration:
    """Register someone: a confirmed place while there is one, else the waiting list."""
    now = now or timezone.now()
    event = _locked_event(event.pk)
    reason = event.registration_closed_reason(now)
    if reason:
        raise ValidationError(reason, code="closed")
    if not consent:
        raise ValidationError(
            {"consent": _("Hyväksy tietosuojaseloste, jotta voit ilmoittautua.")},
            code="consent",
        )
    modes = event.modes()
    mode = mode or modes[0]
    if mode not in modes:
        raise ValidationError(
            {"mode": _("Valitse, osallistutko paikan päällä vai etänä.")}, code="mode"
        )
    email = email.strip()
    if event.registrations.active().filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Tällä sähköpostiosoitteella on jo ilmoittauduttu tähän tapahtumaan.")},
            code="duplicate",
        )
    # Places that came free while people wait (more places, a published draft) are theirs
    # first: offered to the queue before a newcomer is counted.
    _offer_free_places(event, mode, now)
    free = free_places(event, mode)
    status = (
        Registration.Status.CONFIRMED if free is None or free > 0 else Registration.Status.WAITING
    )
    registration = Registration(
        event=event,
        name=name.strip(),
        email=email,
        organisation=organisation.strip(),
        needs=needs.strip(),
        consent=True,
        mode=mode,
        status=status,
        language=language[:2] if language[:2] in ("fi", "sv") else "fi",
        created_at=now,
    )
    registration.full_clean()
    registration.save()
    _queue_email(registration, "confirmation" if status == "confirmed" else "waiting")
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, now=None) -> Registration:
    """Cancel a registration; a place it held goes to the first person waiting. Not once
    the event is over: its figures (who registered, who came) stand."""
    now = now or timezone.now()
    event = _locked_event(registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Registration.Status.CANCELLED:
        return registration
    if event.ends_at <= now:
        raise ValidationError(
            _("Tapahtuma on jo päättynyt, joten ilmoittautumista ei voi enää perua."), code="past"
        )
    held_place = registration.status in (
        Registration.Status.CONFIRMED,
        Registration.Status.OFFERED,
    )
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = now
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
    _queue_email(registration, "cancelled")
    if held_place:
        _offer_free_places(event, registration.mode, now)
    return registration


@transaction.atomic
def offer_accept(*, registration: Registration, now=None) -> Registration:
    now = now or timezone.now()
    _locked_event(registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status == Registration.Status.CONFIRMED:
        return registration
    if registration.status != Registration.Status.OFFERED or deadlines.has_passed(
        registration.offer_expires_at, now
    ):
        raise ValidationError(
            _("Paikkatarjous ei ole enää voimassa. Paikka on tarjottu seuraavalle jonossa."),
            code="offer_expired",
        )
    registration.status = Registration.Status.CONFIRMED
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at"])
    _queue_email(registration, "confirmation")
    return registration


def offer_decline(*, registration: Registration, now=None) -> Registration:
    return registration_cancel(registration=registration, now=now)


def _offer_free_places(event: Event, mode: str, now) -> list[Registration]:
    """Offer the free places of one mode to the people waiting, first come first served.

    Called with the event row locked, so concurrent cancellations and expiries
    count the same places one after the other.
    """
    if event.status != Event.Status.PUBLISHED or event.starts_at <= now:
        return []
    free = free_places(event, mode)
    queue = event.registrations.waiting().reachable().filter(mode=mode)
    waiting = list(queue if free is None else queue[:free])
    for registration in waiting:
        _offer(registration, event, now)
    return waiting


def _offer(registration: Registration, event: Event, now) -> Registration:
    """Offer one waiting person a place, held for them until the offer expires."""
    registration.status = Registration.Status.OFFERED
    registration.offer_expires_at = offer_expiry(event, now)
    registration.save(update_fields=["status", "offer_expires_at"])
    _queue_email(registration, "offer")
    return registration


@transaction.atomic
def offer_make(*, registration: Registration, now=None) -> Registration:
    """A coordinator offers a place to someone waiting, out of turn or beyond the places
    (a place freed outside the portal, a larger room): the same offer and email as when
    a place frees up, with the same hold time."""
    now = now or timezone.now()
    event = _locked_event(registration.event_id)
    registration = Registration.objects.get(pk=registration.pk)
    if registration.status != Registration.Status.WAITING:
        raise ValidationError(_("Paikkaa voi tarjota vain jonossa olevalle."), code="not_waiting")
    if not registration.email:
        raise ValidationError(
            _("Henkilön tiedot on poistettu, joten hänelle ei voi tarjota paikkaa."),
            code="erased",
        )
    if event.status != Event.Status.PUBLISHED or event.starts_at <= now:
        raise ValidationError(
            _("Paikkoja voi tarjota vain julkaistuun tapahtumaan ennen sen alkua."),
            code="not_open",
        )
    return _offer(registration, event, now)


def offers_expire(*, now=None) -> int:
    """Offers not confirmed in time pass to the next person waiting. Safe to run twice."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(
            deadlines.passed_q("offer_expires_at", now), status=Registration.Status.OFFERED
        ).values_list("event_id", flat=True)
    )
    expired = 0
    for event_id in event_ids:
        with transaction.atomic():
            event = _locked_event(event_id)
            # Re-read under the lock: a cancellation may have handled these already.
            stale = list(
                event.registrations.filter(
                    deadlines.passed_q("offer_expires_at", now),
                    status=Registration.Status.OFFERED,
                )
            )
            for registration in stale:
                registration.status = Registration.Status.CANCELLED
                registration.cancelled_at = now
                registration.save(update_fields=["status", "cancelled_at"])
                _queue_email(registration, "offer_expired")
                expired += 1
            for mode in {r.mode for r in stale}:
                _offer_free_places(event, mode, now)
    return expired


def reminders_due(*, now=None):
    """Confirmed registrations of events that start within a day and were not reminded."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at=None,
        event__status=Event.Status.PUBLISHED,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=1),
    ).reachable()


@transaction.atomic
def personal_data_remove(*, event: Event, now=None) -> Event:
    """Keep the counts on the event, then blank every registration's personal data."""
    now = now or timezone.now()
    event = _locked_event(event.pk)
    if event.personal_data_removed_at:
        return event
    registrations = event.registrations.all()
    counts = registrations.aggregate(
        registered=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
        attended=Count("pk", filter=Q(attended=True)),
    )
    event.registered_total = counts["registered"]
    event.attended_total = counts["attended"]
    event.personal_data_removed_at = now
    event.save(update_fields=["registered_total", "attended_total", "personal_data_removed_at"])
    registrations.update(name="", email="", organisation="", needs="")
    return event


@transaction.atomic
def registrations_erase(*, email: str, now=None) -> int:
    """Erase one person's registrations: blank them, keeping the rows that figures count.

    A place of an upcoming event they were waiting for or had been offered is theirs
    no more (nobody could tell them of it): those registrations are cancelled and a
    freed place goes to the next person waiting. Confirmed registrations stay
    confirmed, so no figure changes.
    """
    now = now or timezone.now()
    ids = list(Registration.objects.filter(email__iexact=email).values_list("pk", flat=True))
    theirs = Registration.objects.filter(pk__in=ids)
    # Blank first: the offers below must never reach them, nor any email queued before.
    changed = theirs.update(name="", email="", organisation="", needs="")
    pending = [Registration.Status.WAITING, Registration.Status.OFFERED]
    upcoming = theirs.filter(status__in=pending, event__starts_at__gt=now)
    for event_id in sorted(set(upcoming.values_list("event", flat=True))):
        event = _locked_event(event_id)
        freed_modes = set()
        for registration in theirs.filter(event=event, status__in=pending):
            if registration.status == Registration.Status.OFFERED:
                freed_modes.add(registration.mode)
            registration.status = Registration.Status.CANCELLED
            registration.cancelled_at = now
            registration.offer_expires_at = None
            registration.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
        for mode in sorted(freed_modes):
            _offer_free_places(event, mode, now)
    return changed


def events_past_retention(*, now=None):
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENTS_PERSONAL_DATA_DAYS)
    return Event.objects.filter(ends_at__lt=cutoff, personal_data_removed_at=None)


def _queue_email(registration: Registration, kind: str) -> None:
    outbox.enqueue(SEND_EMAIL, registration.pk, kind)


def reminders_send(*, now=None) -> int:
    """Queue the reminder of each registration due one; safe to run twice."""
    queued = 0
    for registration_id in list(reminders_due(now=now).values_list("pk", flat=True)):
        with transaction.atomic():
            # Claim the reminder and queue its email together: one reminder each.
            claimed = Registration.objects.filter(pk=registration_id, reminded_at=None).update(
                reminded_at=timezone.now()
            )
            if claimed:
                outbox.enqueue(SEND_EMAIL, registration_id, "reminder")
                queued += 1
    return queued


BULK_AUDIENCES = {
    "confirmed": [Registration.Status.CONFIRMED],
    "waiting": [Registration.Status.WAITING, Registration.Status.OFFERED],
    "all": [
        Registration.Status.CONFIRMED,
        Registration.Status.WAITING,
        Registration.Status.OFFERED,
    ],
}


def bulk_recipients(event: Event, audience: str):
    return event.registrations.filter(status__in=BULK_AUDIENCES[audience]).reachable()


def bulk_email_preview(
    *,
    event: Event,
    audience: str,
    subject_fi: str,
    body_fi: str,
    subject_sv: str = "",
    body_sv: str = "",
) -> list[dict]:
    """The message as each language's recipients will get it, with their number.

    Rendered by the same code as the real emails, for a sample recipient (never saved).
    """
    counts = dict(
        bulk_recipients(event, audience)
        .values_list("language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    subjects = {"fi": subject_fi, "sv": subject_sv}
    bodies = {"fi": body_fi, "sv": body_sv}
    previews = []
    for language in ("fi", "sv"):
        sample = Registration(event=event, language=language, name="", email="")
        message = bulk_message(sample, subjects, bodies)
        previews.append(
            {
                "language": language,
                "count": counts.get(language, 0),
                "subject": message.subject,
                "body": message.body,
                "fallback": language == "sv" and not (subject_sv and body_sv),
            }
        )
    return previews


def bulk_email_send(
    *,
    event: Event,
    audience: str,
    subject_fi: str,
    body_fi: str,
    subject_sv: str = "",
    body_sv: str = "",
) -> int:
    """Queue a coordinator's message to each recipient, in the recipient's language."""
    subjects = {"fi": subject_fi, "sv": subject_sv}
    bodies = {"fi": body_fi, "sv": body_sv}
    ids = list(bulk_recipients(event, audience).values_list("pk", flat=True))
    with transaction.atomic():
        for registration_id in ids:
            outbox.enqueue(SEND_BULK_EMAIL, registration_id, subjects, bodies)
    return len(ids)


def attendance_mark(*, registration: Registration, attended: bool) -> Registration:
    Registration.objects.filter(pk=registration.pk).update(attended=attended)
    registration.attended = attended
    return registration


def next_scheduled_publish():
    """When the next scheduled event becomes public (None if none is waiting)."""
    event = Event.objects.scheduled().order_by("publish_at").only("publish_at").first()
    return event.publish_at if event else None


# The workspace's editor -------------------------------------------------------

# Fields an event copy does not take over: its identity, state and the counts kept
# after its registrations' personal data were removed.
NOT_COPIED = {
    "id",
    "slug",
    "slug_fi",
    "slug_sv",
    "status",
    "publish_at",
    "sequence",
    "created_at",
    "updated_at",
    "registered_total",
    "attended_total",
    "personal_data_removed_at",
}


@transaction.atomic
def event_save(*, form, now=None) -> Event:
    """Save the editor's form (the event and its projects and themes) as one write. Places
    added (a larger capacity, a limit removed) go to the people waiting at once."""
    event = form.save()
    offer_queued_places(event=event, now=now)
    return event


def offer_queued_places(*, event: Event, now=None) -> list[Registration]:
    """Offer every mode's free places to the people waiting (the event row locked)."""
    now = now or timezone.now()
    event = _locked_event(event.pk)
    return [
        registration
        for mode in event.modes()
        for registration in _offer_free_places(event, mode, now)
    ]


@transaction.atomic
def event_publish(*, event: Event, at=None, now=None) -> Event:
    """Publish now, or at a set time (visitors see it from then on, nobody acting)."""
    now = now or timezone.now()
    event = _locked_event(event.pk)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("Peruttua tapahtumaa ei voi julkaista."), code="cancelled")
    if at is not None and at >= event.ends_at:
        raise ValidationError(
            {"publish_at": _("Julkaisuajan pitää olla ennen tapahtuman loppua.")},
            code="publish_after_end",
        )
    event.status = Event.Status.PUBLISHED
    event.publish_at = at if at is not None and at > now else None
    event.save(update_fields=["status", "publish_at", "updated_at"])
    offer_queued_places(event=event, now=now)  # places freed while it was a draft
    return event


@transaction.atomic
def event_unpublish(*, event: Event) -> Event:
    """Back to a draft: visitors no longer see it (registrations already made stay)."""
    event = _locked_event(event.pk)
    event.status = Event.Status.DRAFT
    event.publish_at = None
    event.save(update_fields=["status", "publish_at", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event) -> Event:
    """Cancelled: the public page stays and says so, registration closes, the places and
    the participants' data are kept (the organiser tells them with a message)."""
    event = _locked_event(event.pk)
    if event.status == Event.Status.DRAFT:
        raise ValidationError(
            _("Luonnosta ei voi perua: se ei näy yleisölle."), code="cancel_draft"
        )
    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def event_copy(*, event: Event, editor) -> Event:
    """A new draft with the event's texts, times and settings, without its registrations
    and materials. It belongs to those of the event's projects the editor may edit."""
    values = {
        field.attname: getattr(event, field.attname)
        for field in Event._meta.concrete_fields
        if field.attname not in NOT_COPIED
    }
    copy = Event(**values, status=Event.Status.DRAFT)
    copy.save()  # fills the slugs from the titles, each one free
    editable = Project.objects.editable_by(editor).values("pk")
    copy.projects.set(event.projects.filter(pk__in=editable))
    copy.themes.set(event.themes.all())
    return copy


@transaction.atomic
def material_add(*, event: Event, form) -> EventMaterial:
    material = form.save(commit=False)
    material.event = event
    material.order = (
        event.materials.order_by("-order").values_list("order", flat=True).first() or 0
    ) + 1
    material.full_clean()
    material.save()
    return material


def material_delete(*, material: EventMaterial) -> None:
    stored = material.file.name if material.file else ""
    storage = material.file.storage if material.file else None
    with transaction.atomic():
        material.delete()
    if stored:
        storage.delete(stored)  # after the row is gone: never a row without its file


OFFERS_SOON_HOURS = 24
PANEL_EVENTS = 8


def workspace_panel(user, *, now=None) -> dict:
    """The workspace home's events panel: the user's upcoming events with their places
    taken, waiting and attended, and the offers that expire within a day."""
    now = now or timezone.now()
    events = list(
        Event.objects.editable_by(user).upcoming(now).with_registration_counts()[:PANEL_EVENTS]
    )
    offers = list(
        Registration.objects.editable_by(user)
        .filter(
            status=Registration.Status.OFFERED,
            offer_expires_at__gt=now,
            offer_expires_at__lte=now + timedelta(hours=OFFERS_SOON_HOURS),
        )
        .select_related("event")
        .order_by("offer_expires_at", "pk")[:PANEL_EVENTS]
    )
    return {"events_panel": events, "offers_expiring": offers}
