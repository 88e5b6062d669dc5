"""Good practices (toimintamallit) and where they are in use.

A Practice is developed by one or more projects; an Adoption says that an
organisation uses it, since when and how deeply it is rooted. Follow-up
rounds ask each adopting organisation's contact, by email and a signed link,
whether the practice is still in use; the answers update the adoptions.

The tables keep the names they had when practices lived in the projects app
(Meta.db_table; migrations projects 0004 and practices 0001 moved only the state).
"""

import uuid
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core import deadlines
from core.attachments import CONTENT_TYPES, extension_of, validate_attachment
from core.fields import RichTextField
from core.files import PrivateFileField
from core.project_content import ProjectContentQuerySet
from core.roles import is_network_coordinator
from core.translation_utils import fill_missing_slugs

ONE_YEAR = timedelta(days=365)
# A practice's contact person: personal data, erased on request, history included.
CONTACT_FIELDS = ("contact_name", "contact_email")
TWO_YEARS = timedelta(days=730)


class PracticeQuerySet(ProjectContentQuerySet):
    card_deferred = ("problem", "steps", "resources", "evaluation", "target_group_details")
    """Practices: the shared reads of project content (core.project_content), and
    the public ones are those published."""

    def published_condition(self) -> Q:
        return Q(is_published=True)

    def in_use_after_project_end(self) -> dict[str, list[dict]]:
        """Per project and per theme: practices, and how many were confirmed in use
        one and two years after the developing project ended (for the dashboard).

        A practice counts as in use N years after its project ended when one of
        its adoptions was confirmed in use (a follow-up answer or a coordinator's
        check) on or after the project's end date plus N years. One year is 365
        days. Counted in the database, two queries.
        """
        practices = self.filter(projects__ends_on__isnull=False)

        def after(years):
            return Q(adoptions__last_confirmed_at__gte=F("projects__ends_on") + years)

        measures = {
            "practices": Count("pk", distinct=True),
            "in_use_1y": Count("pk", filter=after(ONE_YEAR), distinct=True),
            "in_use_2y": Count("pk", filter=after(TWO_YEARS), distinct=True),
        }
        return {
            "by_project": practices.measured_per_project(measures, "ends_on"),
            "by_theme": practices.measured_per_theme(measures),
        }


class Practice(models.Model):
    class Status(models.TextChoices):
        DEVELOPING = "developing", _("Kehitteillä")
        READY = "ready", _("Käyttövalmis")
        ESTABLISHED = "established", _("Vakiintunut")

    class TargetGroup(models.TextChoices):
        STUDENTS = "students", _("Opiskelijat")
        STAFF = "staff", _("Opettajat ja henkilöstö")
        LEADERSHIP = "leadership", _("Johto")
        WORKPLACES = "workplaces", _("Työpaikat ja työpaikkaohjaajat")
        COMMUNITY = "community", _("Koko oppilaitosyhteisö")

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
        CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
        CC0 = "cc0-1.0", "CC0 1.0"
        RESERVED = "reserved", _("Kaikki oikeudet pidätetään")

    LICENCE_URLS = {
        "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
        "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
        "cc-by-nc-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
        "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    }

    title = models.CharField(_("otsikko"), max_length=200)
    slug = models.SlugField(_("osoitteen tunniste"), max_length=200, unique=True)
    summary = models.TextField(_("tiivistelmä"), max_length=600)
    problem = RichTextField(
        _("mihin tarpeeseen malli vastaa"),
        blank=True,
        help_text=_("Kerro, mikä ongelma tai tarve mallin taustalla on."),
    )
    target_group = models.CharField(
        _("kohderyhmä"), max_length=20, choices=TargetGroup, default=TargetGroup.STUDENTS
    )
    target_group_details = models.CharField(_("kohderyhmän tarkennus"), max_length=300, blank=True)
    steps = models.TextField(
        _("käyttöönoton vaiheet"),
        blank=True,
        help_text=_("Yksi vaihe riviä kohden, siinä järjestyksessä kuin ne tehdään."),
    )
    resources = models.TextField(
        _("tarvittavat resurssit ja aika"),
        blank=True,
        help_text=_("Kerro, ketä, mitä ja kuinka paljon aikaa käyttöönotto vaatii."),
    )
    evaluation = RichTextField(_("mitä opittiin ja miten mallia arvioitiin"), blank=True)
    projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("kehittäneet hankkeet"),
        related_name="practices",
    )
    themes = models.ManyToManyField(
        "projects.Theme", verbose_name=_("teemat"), related_name="practices", blank=True
    )
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=150, blank=True)
    contact_email = models.EmailField(_("yhteyshenkilön sähköposti"), blank=True)
    status = models.CharField(
        pgettext_lazy("practice", "vaihe"), max_length=20, choices=Status, default=Status.READY
    )
    licence = models.CharField(_("lisenssi"), max_length=20, choices=Licence, default=Licence.CC_BY)
    is_published = models.BooleanField(_("julkaistu"), default=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        db_table = "projects_practice"
        ordering = ["title", "pk"]
        verbose_name = _("toimintamalli")
        verbose_name_plural = _("toimintamallit")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:practice_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        fill_missing_slugs(self, source="title")
        super().save(*args, **kwargs)

    @property
    def step_list(self) -> list[str]:
        return [line.strip(" •-") for line in (self.steps or "").splitlines() if line.strip(" •-")]

    @property
    def licence_url(self) -> str:
        return self.LICENCE_URLS.get(self.licence, "")


def attachment_path(instance, filename: str) -> str:
    # A fresh name: the uploader's name never becomes a path, only its checked extension.
    return f"practices/attachments/{uuid.uuid4().hex}.{extension_of(filename)}"


class PracticeAttachment(models.Model):
    practice = models.ForeignKey(
        Practice,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("toimintamalli"),
    )
    title = models.CharField(_("otsikko"), max_length=200)
    # Private storage: handed out by practices.views.practice_attachment as a
    # download, only while the practice is visible.
    file = PrivateFileField(
        _("tiedosto"),
        upload_to=attachment_path,
        max_length=200,
        validators=[validate_attachment],
        help_text=_("PDF, DOCX, PPTX tai ODT."),
    )
    kind = models.CharField(_("tiedostomuoto"), max_length=10, editable=False, blank=True)
    size = models.PositiveIntegerField(_("koko"), default=0, editable=False)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        db_table = "projects_practiceattachment"
        ordering = ["order", "pk"]
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            self.kind = extension_of(self.file.name)
            self.size = self.file.size
        super().save(*args, **kwargs)

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.kind, "application/octet-stream")

    @property
    def download_name(self) -> str:
        stem = slugify(self.title)[:80] or "liite"
        return f"{stem}.{self.kind or PurePath(self.file.name).suffix.lstrip('.')}"

    def get_absolute_url(self):
        return reverse(
            "practices:practice_attachment",
            kwargs={"slug": self.practice.slug, "pk": self.pk},
        )

    def private_file_url(self, field_name: str) -> str:
        return self.get_absolute_url()


class PracticeLink(models.Model):
    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="links", verbose_name=_("toimintamalli")
    )
    title = models.CharField(_("otsikko"), max_length=200)
    url = models.URLField(_("osoite"))
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        db_table = "projects_practicelink"
        ordering = ["order", "pk"]
        verbose_name = _("linkki")
        verbose_name_plural = _("linkit")

    def __str__(self):
        return self.title


class AdoptionQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Adoption.Status.DISCONTINUED)

    def editable_by(self, user):
        """Adoptions are changed by those who edit their practice."""
        return self.filter(practice__in=Practice.objects.editable_by(user))


class Adoption(models.Model):
    """An organisation that uses a practice."""

    class Depth(models.TextChoices):
        TRIED = "tried", _("Kokeiltu")
        IN_USE = "in_use", _("Käytössä")
        EMBEDDED = "embedded", _("Kirjattu strategiaan, opetussuunnitelmaan tai vuosisuunnitelmaan")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Käytössä")
        CHANGED = "changed", _("Käytössä muutettuna")
        DISCONTINUED = "discontinued", _("Ei enää käytössä")

    practice = models.ForeignKey(
        Practice,
        on_delete=models.CASCADE,
        related_name="adoptions",
        verbose_name=_("toimintamalli"),
    )
    organisation = models.ForeignKey(
        "projects.Organisation",
        on_delete=models.PROTECT,
        related_name="adoptions",
        verbose_name=_("organisaatio"),
    )
    since = models.DateField(_("käytössä alkaen"))
    depth = models.CharField(_("juurtuminen"), max_length=20, choices=Depth, default=Depth.IN_USE)
    status = models.CharField(_("tila"), max_length=20, choices=Status, default=Status.ACTIVE)
    ended_on = models.DateField(_("käyttö päättyi"), null=True, blank=True)
    contact_name = models.CharField(_("yhteyshenkilö"), max_length=150, blank=True)
    contact_email = models.EmailField(
        _("yhteyshenkilön sähköposti"),
        blank=True,
        help_text=_("Seurantakyselyt lähetetään tähän osoitteeseen."),
    )
    contact_language = models.CharField(
        _("yhteyshenkilön kieli"), max_length=2, choices=settings.LANGUAGES, default="fi"
    )
    last_confirmed_at = models.DateTimeField(
        _("käyttö vahvistettu viimeksi"), null=True, blank=True
    )
    notes = models.TextField(_("muistiinpanot"), blank=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        db_table = "projects_adoption"
        ordering = ["organisation__name", "pk"]
        verbose_name = _("käyttöönotto")
        verbose_name_plural = _("käyttöönotot")
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "organisation"],
                name="adoption_unique",
                violation_error_message=_("Organisaatio on jo merkitty tämän mallin käyttäjäksi."),
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.practice}"


class FollowUpRoundQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Follow-up rounds are the network's: network coordinators run them."""
        return self if is_network_coordinator(user) else self.none()

    def with_counts(self):
        return self.annotate(
            sent=Count("requests", distinct=True),
            answered=Count(
                "requests", filter=Q(requests__answered_at__isnull=False), distinct=True
            ),
        )


class FollowUpRound(models.Model):
    """One round of asking the adopting organisations whether a practice is still in use."""

    title = models.CharField(_("nimi"), max_length=200)
    practices = models.ManyToManyField(
        Practice, verbose_name=_("toimintamallit"), related_name="followup_rounds"
    )
    months_after = models.PositiveSmallIntegerField(
        _("kuukautta hankkeen päättymisestä"),
        null=True,
        blank=True,
        help_text=_("Esimerkiksi 12 tai 24."),
    )
    started_at = models.DateTimeField(_("aloitettu"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aloittaja"),
    )
    closes_at = models.DateTimeField(_("vastauslinkit voimassa"))
    remind_after_days = models.PositiveSmallIntegerField(
        _("muistutus, kun päiviä on kulunut"), default=7
    )

    objects = FollowUpRoundQuerySet.as_manager()

    class Meta:
        db_table = "projects_followupround"
        ordering = ["-started_at", "-pk"]
        verbose_name = _("seurantakierros")
        verbose_name_plural = _("seurantakierrokset")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices_workspace:followup_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return deadlines.is_open(self.closes_at)


class FollowUpRequestQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(answered_at__isnull=True)

    def reachable(self):
        """Requests that still have an address. Erasing the contact blanks it, which
        ends the link and every email (the blank address is the one erasure marker)."""
        return self.exclude(email="")

    def reminders_due(self, round, now=None):
        """Sent, unanswered and not yet reminded, and the round's reminder day has come."""
        now = now or timezone.now()
        return self.reachable().filter(
            round=round,
            answered_at__isnull=True,
            reminded_at__isnull=True,
            sent_at__lte=now - timedelta(days=round.remind_after_days),
        )

    def editable_by(self, user):
        return self.filter(round__in=FollowUpRound.objects.editable_by(user))


class FollowUpRequest(models.Model):
    """One adopting organisation asked about one practice in one round."""

    class Answer(models.TextChoices):
        IN_USE = "in_use", _("Malli on edelleen käytössä")
        CHANGED = "changed", _("Malli on käytössä muutettuna")
        DISCONTINUED = "discontinued", _("Malli ei ole enää käytössä")

    round = models.ForeignKey(
        FollowUpRound, on_delete=models.CASCADE, related_name="requests", verbose_name=_("kierros")
    )
    adoption = models.ForeignKey(
        Adoption,
        on_delete=models.CASCADE,
        related_name="followup_requests",
        verbose_name=_("käyttöönotto"),
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("sähköposti"))
    language = models.CharField(_("kieli"), max_length=2, choices=settings.LANGUAGES, default="fi")
    sent_at = models.DateTimeField(_("lähetetty"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("muistutettu"), null=True, blank=True)
    answered_at = models.DateTimeField(_("vastattu"), null=True, blank=True)
    answer = models.CharField(_("vastaus"), max_length=20, choices=Answer, blank=True)
    depth = models.CharField(_("juurtuminen"), max_length=20, choices=Adoption.Depth, blank=True)
    comment = models.TextField(_("perustelu tai muutokset"), max_length=2000, blank=True)

    objects = FollowUpRequestQuerySet.as_manager()

    class Meta:
        db_table = "projects_followuprequest"
        ordering = ["pk"]
        verbose_name = _("seurantakysely")
        verbose_name_plural = _("seurantakyselyt")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "adoption"],
                name="followup_request_unique",
                violation_error_message=_("Tälle käyttöönotolle on jo kysely tällä kierroksella."),
            )
        ]

    def __str__(self):
        return f"{self.round} – {self.adoption}"


def adoptions_prefetch():
    """Active adoptions with their organisation and latest confirmation, for practice pages."""
    return Prefetch(
        "adoptions",
        queryset=Adoption.objects.active().select_related("organisation"),
        to_attr="active_adoptions",
    )


def last_confirmed(practice_qs):
    return practice_qs.annotate(last_confirmed=Max("adoptions__last_confirmed_at"))
