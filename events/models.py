import uuid
from datetime import timedelta
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Lower, TruncMonth
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import deadlines
from core.attachments import validate_attachment
from core.fields import RichTextField
from core.files import PrivateFileField
from core.project_content import ProjectContentQuerySet
from core.translation_utils import fill_missing_slugs
from projects.models import Project, Theme

HELSINKI = ZoneInfo("Europe/Helsinki")


class EventQuerySet(ProjectContentQuerySet):
    card_deferred = ("description", "address", "audience")
    """Events: the shared reads of project content (core.project_content), and
    the public ones are published and cancelled events (with their note)."""

    def published_condition(self, now=None) -> Q:
        """Published and cancelled events whose publish time (if one is set) has come."""
        return ~Q(status=Event.Status.DRAFT) & (
            Q(publish_at=None) | Q(publish_at__lte=now or timezone.now())
        )

    def published(self, now=None):
        return self.filter(self.published_condition(now))

    def scheduled(self, now=None):
        """Published events waiting for their publish time."""
        return self.filter(~Q(status=Event.Status.DRAFT), publish_at__gt=now or timezone.now())

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def with_registration_counts(self):
        """Each event's places taken (confirmed or offered), confirmed, waiting, offered
        and attended registrations, counted in the same query."""
        status = "registrations__status"
        return self.annotate(
            taken_count=Count(
                "registrations",
                filter=Q(
                    **{
                        f"{status}__in": [
                            Registration.Status.CONFIRMED,
                            Registration.Status.OFFERED,
                        ]
                    }
                ),
            ),
            confirmed_count=Count(
                "registrations", filter=Q(**{status: Registration.Status.CONFIRMED})
            ),
            waiting_count=Count("registrations", filter=Q(**{status: Registration.Status.WAITING})),
            offered_count=Count("registrations", filter=Q(**{status: Registration.Status.OFFERED})),
            attended_count=Count("registrations", filter=Q(registrations__attended=True)),
        )

    def participation_stats(self) -> dict[str, list[dict]]:
        """Events, registered and attended participants per project, theme and month.

        Counted in the database. Drafts and cancelled events are left out;
        "registered" counts confirmed places, "attended" the people marked present.
        """
        events = self.filter(status=Event.Status.PUBLISHED)
        confirmed = Q(registrations__status=Registration.Status.CONFIRMED)
        measures = {
            "events": Count("pk", distinct=True),
            "registered": Count("registrations", filter=confirmed, distinct=True),
            "attended": Count(
                "registrations", filter=Q(registrations__attended=True), distinct=True
            ),
        }
        by_month = (
            events.annotate(month=TruncMonth("starts_at", tzinfo=HELSINKI))
            .values("month")
            .annotate(**measures)
            .order_by("month")
        )
        return {
            "by_project": events.measured_per_project(measures, "short_name"),
            "by_theme": events.measured_per_theme(measures),
            "by_month": [
                {"month": row["month"].date(), **{key: row[key] for key in measures}}
                for row in by_month
            ],
        }


class Event(models.Model):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("Lähitapahtuma")
        REMOTE = "remote", _("Etätapahtuma")
        HYBRID = "hybrid", _("Hybriditapahtuma")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Luonnos")
        PUBLISHED = "published", _("Julkaistu")
        CANCELLED = "cancelled", _("Peruttu")

    class Languages(models.TextChoices):
        FI = "fi", _("suomeksi")
        SV = "sv", _("ruotsiksi")
        FI_SV = "fi,sv", _("suomeksi ja ruotsiksi")
        EN = "en", _("englanniksi")

    title = models.CharField(_("otsikko"), max_length=200)
    slug = models.SlugField(_("osoitteen tunniste"), max_length=200, unique=True)
    description = RichTextField(_("kuvaus"), blank=True)
    venue = models.CharField(_("tapahtumapaikka"), max_length=200, blank=True)
    address = models.CharField(_("osoite"), max_length=300, blank=True)
    audience = models.CharField(
        _("kohderyhmä"),
        max_length=300,
        blank=True,
        help_text=_("Kenelle tapahtuma on tarkoitettu."),
    )
    starts_at = models.DateTimeField(_("alkaa"))
    ends_at = models.DateTimeField(_("päättyy"))
    all_day = models.BooleanField(
        _("koko päivän tapahtuma"),
        default=False,
        help_text=_("Kellonajat jätetään näyttämättä; tapahtuma kestää alkupäivästä loppupäivään."),
    )
    format = models.CharField(
        pgettext_lazy("event", "toteutustapa"),
        max_length=20,
        choices=Format,
        default=Format.IN_PERSON,
    )
    online_url = models.URLField(_("etäyhteyden osoite"), blank=True)
    online_link_public = models.BooleanField(
        _("etäyhteyden osoite näkyy kaikille"),
        default=False,
        help_text=_("Muuten osoite lähetetään vain ilmoittautuneille."),
    )
    projects = models.ManyToManyField(
        Project,
        verbose_name=_("järjestävät hankkeet"),
        related_name="events",
        help_text=_("Verkoston yhteiset tapahtumat järjestää koordinaatiohanke."),
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("teemat"), related_name="events", blank=True
    )
    languages = models.CharField(
        _("tapahtuman kieli"), max_length=10, choices=Languages, default=Languages.FI
    )
    status = models.CharField(_("tila"), max_length=20, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("julkaisuaika"),
        null=True,
        blank=True,
        help_text=_(
            "Julkaistu tapahtuma näkyy yleisölle tästä hetkestä alkaen. "
            "Tyhjä tarkoittaa, että se näkyy heti."
        ),
    )
    registration_enabled = models.BooleanField(_("ilmoittautuminen käytössä"), default=False)
    registration_deadline = models.DateTimeField(
        _("ilmoittautumisen takaraja"), null=True, blank=True
    )
    capacity_in_person = models.PositiveIntegerField(
        _("paikkoja paikan päällä"),
        null=True,
        blank=True,
        help_text=_("Tyhjä tarkoittaa rajatonta määrää."),
    )
    capacity_remote = models.PositiveIntegerField(
        _("etäpaikkoja"),
        null=True,
        blank=True,
        help_text=_("Tyhjä tarkoittaa rajatonta määrää."),
    )
    sequence = models.PositiveIntegerField(_("versio"), default=0, editable=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)
    # Kept when the registrations' personal data are removed after the event.
    registered_total = models.PositiveIntegerField(
        _("ilmoittautuneita yhteensä"), null=True, blank=True, editable=False
    )
    attended_total = models.PositiveIntegerField(
        _("osallistuneita yhteensä"), null=True, blank=True, editable=False
    )
    personal_data_removed_at = models.DateTimeField(
        _("henkilötiedot poistettu"), null=True, blank=True, editable=False
    )

    objects = EventQuerySet.as_manager()

    # Changes to these make calendar programs update their copy (SEQUENCE).
    SEQUENCED_FIELDS = (
        "title_fi",
        "title_sv",
        "description_fi",
        "description_sv",
        "venue_fi",
        "venue_sv",
        "address_fi",
        "address_sv",
        "starts_at",
        "ends_at",
        "all_day",
        "format",
        "online_url",
        "status",
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("tapahtuma")
        verbose_name_plural = _("tapahtumat")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Tapahtuma ei voi päättyä ennen kuin se alkaa."),
            ),
        ]
        indexes = [models.Index(fields=["status", "ends_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = ValidationError(
                _("Tapahtuma ei voi päättyä ennen kuin se alkaa."), code="ends_before_start"
            )
        if (
            self.registration_deadline
            and self.ends_at
            and self.registration_deadline > self.ends_at
        ):
            errors["registration_deadline"] = ValidationError(
                _("Ilmoittautumisen takarajan pitää olla ennen tapahtuman loppua."),
                code="deadline_after_end",
            )
        if self.format == self.Format.IN_PERSON and self.online_link_public:
            errors["online_link_public"] = ValidationError(
                _("Lähitapahtumalla ei ole etäyhteyttä."), code="no_online_link"
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        fill_missing_slugs(self, source="title")
        if self.pk:
            old = Event.objects.filter(pk=self.pk).values(*self.SEQUENCED_FIELDS).first()
            if old and any(old[name] != getattr(self, name) for name in self.SEQUENCED_FIELDS):
                self.sequence = (self.sequence or 0) + 1
                if kwargs.get("update_fields") is not None:
                    kwargs["update_fields"] = {*kwargs["update_fields"], "sequence"}
        super().save(*args, **kwargs)

    # Presentation helpers --------------------------------------------------

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def is_public(self, now=None) -> bool:
        """Whether visitors see the event (Event.objects.published() in Python)."""
        if self.status == self.Status.DRAFT:
            return False
        return self.publish_at is None or self.publish_at <= (now or timezone.now())

    @property
    def is_scheduled(self) -> bool:
        return self.status != self.Status.DRAFT and not self.is_public()

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, HELSINKI)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, HELSINKI)

    @property
    def is_multi_day(self) -> bool:
        return self.local_start.date() != self.local_end.date()

    @property
    def when_text(self) -> str:
        """When, in Helsinki time: "5.3.2026 13:00–15:00", "5.3.–6.3.2026" style (the same
        in both languages: Finnish and Finland-Swedish write dates alike)."""
        start, end = self.local_start, self.local_end
        day, moment = "j.n.Y", "j.n.Y H:i"
        if self.all_day:
            if start.date() != end.date():
                return f"{dateformat.format(start, day)}–{dateformat.format(end, day)}"
            return dateformat.format(start, day)
        if start.date() != end.date():
            return f"{dateformat.format(start, moment)}–{dateformat.format(end, moment)}"
        return f"{dateformat.format(start, moment)}–{dateformat.format(end, 'H:i')}"

    @property
    def when_iso(self) -> str:
        """The start for <time datetime>: a date for an all-day event."""
        return dateformat.format(self.local_start, "Y-m-d" if self.all_day else "c")

    @property
    def has_in_person_part(self) -> bool:
        return self.format in (self.Format.IN_PERSON, self.Format.HYBRID)

    @property
    def has_remote_part(self) -> bool:
        return self.format in (self.Format.REMOTE, self.Format.HYBRID)

    def modes(self) -> list[str]:
        """The ways of taking part one can register for."""
        return [
            mode
            for mode, present in (
                (Registration.Mode.IN_PERSON, self.has_in_person_part),
                (Registration.Mode.REMOTE, self.has_remote_part),
            )
            if present
        ]

    def capacity_for(self, mode: str) -> int | None:
        if mode == Registration.Mode.REMOTE:
            return self.capacity_remote
        return self.capacity_in_person

    @property
    def capacity_total(self) -> int | None:
        """All places of the event's ways of taking part; None when any is unlimited."""
        capacities = [self.capacity_for(mode) for mode in self.modes()]
        return None if None in capacities else sum(capacities)

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        if not self.registration_enabled or self.status != self.Status.PUBLISHED:
            return False
        if not self.is_public(now):
            return False
        return deadlines.is_open(self.registration_deadline or self.starts_at, now)

    def registration_closed_reason(self, now=None) -> str:
        """Why one cannot register, in the visitor's language ("" when one can)."""
        now = now or timezone.now()
        if self.status == self.Status.CANCELLED:
            return str(_("Tapahtuma on peruttu."))
        if (
            not self.registration_enabled
            or self.status != self.Status.PUBLISHED
            or not self.is_public(now)
        ):
            return str(_("Tähän tapahtumaan ei ilmoittauduta."))
        if deadlines.has_passed(self.registration_deadline or self.starts_at, now):
            return str(_("Ilmoittautuminen on päättynyt."))
        return ""


class EventMaterial(models.Model):
    """A file or a link shared after the event, e.g. slides or a recording."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="materials", verbose_name=_("tapahtuma")
    )
    title = models.CharField(_("otsikko"), max_length=200)
    # Private storage: handed out by events.views.material_download as a download, only
    # while the event is visible (a draft event's slides are not public).
    file = PrivateFileField(
        _("tiedosto"),
        upload_to="events/materials/",
        blank=True,
        validators=[validate_attachment],
        help_text=_("PDF, DOCX, PPTX tai ODT."),
    )
    url = models.URLField(_("linkki"), blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("tapahtuman materiaali")
        verbose_name_plural = _("tapahtuman materiaalit")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.file) == bool(self.url):
            raise ValidationError(
                _("Lisää materiaalille joko tiedosto tai linkki, ei molempia."),
                code="file_or_link",
            )

    @property
    def href(self) -> str:
        return self.file.url if self.file else self.url

    def private_file_url(self, field_name: str) -> str:
        return reverse("events:material_download", kwargs={"pk": self.pk})

    @property
    def download_name(self) -> str:
        return PurePosixPath(self.file.name).name


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def holding_place(self):
        """Registrations that take up a place: confirmed ones and open offers."""
        return self.filter(status__in=[Registration.Status.CONFIRMED, Registration.Status.OFFERED])

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")

    def reachable(self):
        """Registrations that still have an address. Erasure and the retention clean-up
        blank it, which ends the person's link and every email to them."""
        return self.exclude(email="")

    def editable_by(self, user):
        """Registrations are seen and changed by those who edit their event."""
        return self.filter(event__in=Event.objects.editable_by(user))


def event_scope(event_id: int) -> str:
    """The cache scope of one event's page (core.content_cache.shows_object)."""
    return f"event:{event_id}"


class Registration(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Paikan päällä")
        REMOTE = "remote", _("Etänä")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Vahvistettu")
        WAITING = "waiting", _("Jonossa")
        OFFERED = "offered", _("Paikkaa tarjottu")
        CANCELLED = "cancelled", pgettext_lazy("ilmoittautumisen tila", "Peruttu")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("tapahtuma")
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("nimi"), max_length=150)
    email = models.EmailField(_("sähköpostiosoite"))
    organisation = models.CharField(_("organisaatio"), max_length=200, blank=True)
    needs = models.TextField(
        _("saavutettavuus- tai ruokavaliotarpeet"), max_length=1000, blank=True
    )
    consent = models.BooleanField(_("hyväksyn tietosuojaselosteen"), default=False)
    mode = models.CharField(
        _("osallistumistapa"), max_length=20, choices=Mode, default=Mode.IN_PERSON
    )
    status = models.CharField(_("tila"), max_length=20, choices=Status)
    offer_expires_at = models.DateTimeField(_("tarjous voimassa"), null=True, blank=True)
    attended = models.BooleanField(_("osallistui"), null=True, blank=True)
    language = models.CharField(_("kieli"), max_length=2, choices=settings.LANGUAGES, default="fi")
    created_at = models.DateTimeField(_("ilmoittautunut"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("peruttu"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("muistutettu"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("ilmoittautuminen")
        verbose_name_plural = _("ilmoittautumiset")
        constraints = [
            models.UniqueConstraint(
                F("event"),
                Lower("email"),
                condition=~Q(status="cancelled") & ~Q(email=""),
                name="registration_one_per_email",
                violation_error_message=_(
                    "Tällä sähköpostiosoitteella on jo ilmoittauduttu tähän tapahtumaan."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    def content_scopes(self) -> tuple[str, ...]:
        """A registration shows on its event's page alone (the places left; no list shows
        them), so it retires that page's cache and nothing else (core.content_cache)."""
        return (event_scope(self.event_id),)

    @property
    def offer_is_open(self) -> bool:
        return (
            self.status == self.Status.OFFERED
            and self.offer_expires_at is not None
            and deadlines.is_open(self.offer_expires_at)
        )


def offer_hours() -> int:
    return settings.EVENTS_OFFER_HOURS


def offer_expiry(event, now=None):
    """When an offer made now ends: after the hold time, but never after the event has
    started (a place held past the start would be lost to everyone waiting)."""
    return min((now or timezone.now()) + timedelta(hours=offer_hours()), event.starts_at)
