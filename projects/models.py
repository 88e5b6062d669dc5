from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.fields import RichTextField
from core.images import ImageUploadField
from core.roles import coordinated_project_ids, is_network_coordinator
from core.translation_utils import (
    TranslatedQuerySet,
    TranslatedSlugQuerySetMixin,
    fill_missing_slugs,
)


class ThemeQuerySet(TranslatedSlugQuerySetMixin, TranslatedQuerySet):
    def editable_by(self, user):
        """Themes are the network's: only network coordinators change them."""
        return self if is_network_coordinator(user) else self.none()


class Theme(models.Model):
    """One of the network's four development themes."""

    number = models.PositiveSmallIntegerField(_("järjestysnumero"), unique=True)
    name = models.CharField(_("nimi"), max_length=120)
    slug = models.SlugField(_("osoitteen tunniste"), max_length=120, unique=True)
    description = RichTextField(_("kuvaus"), blank=True)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("teema")
        verbose_name_plural = _("teemat")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:theme_detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        fill_missing_slugs(self, source="name")
        super().save(*args, **kwargs)


class NetworkOwnedQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Shared network data: only network coordinators change it."""
        return self if is_network_coordinator(user) else self.none()


class OrganisationQuerySet(NetworkOwnedQuerySet, TranslatedQuerySet):
    pass


class Organisation(models.Model):
    class Kind(models.TextChoices):
        VOCATIONAL = "vocational", _("Ammatillinen oppilaitos")
        HIGHER = "higher", _("Korkeakoulu")
        ASSOCIATION = "association", _("Järjestö tai yhdistys")
        PUBLIC = "public", _("Julkinen toimija")
        COMPANY = "company", _("Yritys")
        OTHER = "other", pgettext_lazy("organisation kind", "Muu")

    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("tyyppi"), max_length=20, choices=Kind, default=Kind.VOCATIONAL)
    municipality = models.CharField(_("kotikunta"), max_length=100, blank=True)
    website = models.URLField(_("verkkosivut"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisaatio")
        verbose_name_plural = _("organisaatiot")

    def __str__(self):
        return self.name


class ProjectQuerySet(TranslatedSlugQuerySetMixin, TranslatedQuerySet):
    def network(self):
        """The nine network projects, without the coordination project."""
        return self.filter(kind=Project.Kind.NETWORK)

    def coordination(self):
        return self.filter(kind=Project.Kind.COORDINATION)

    def published(self):
        return self.filter(is_published=True)

    def for_listing(self):
        return self.select_related("lead_organisation").prefetch_related("themes")

    def editable_by(self, user):
        """The one permission helper for projects, used by the views and the admin."""
        if is_network_coordinator(user):
            return self
        ids = coordinated_project_ids(user)
        return self.filter(pk__in=ids) if ids else self.none()

    def with_theme(self, theme):
        return self.filter(themes=theme)


class Project(models.Model):
    """The coordination project or one of the nine network projects."""

    class Kind(models.TextChoices):
        COORDINATION = "coordination", _("Koordinaatiohanke")
        NETWORK = "network", _("Verkostohanke")

    class Scope(models.TextChoices):
        REGIONAL = "regional", _("Alueellinen")
        NATIONAL = "national", _("Valtakunnallinen")

    # In the admin of other content, a project is chosen only among those the user may
    # edit (core/admin_mixins.py).
    admin_choices_editable_only = True

    kind = models.CharField(_("laji"), max_length=20, choices=Kind, default=Kind.NETWORK)
    name = models.CharField(_("nimi"), max_length=200)
    short_name = models.CharField(_("lyhyt nimi"), max_length=60)
    slug = models.SlugField(_("osoitteen tunniste"), max_length=200, unique=True)
    summary = models.TextField(_("tiivistelmä"), max_length=600)
    description = RichTextField(_("kuvaus"), blank=True)
    goals = models.TextField(_("tavoitteet"), blank=True, help_text=_("Yksi tavoite riviä kohden."))
    funder = models.CharField(_("rahoittaja"), max_length=200, blank=True)
    hashtags = models.CharField(_("aihetunnisteet"), max_length=200, blank=True)
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("päätoteuttaja"),
        on_delete=models.PROTECT,
        related_name="led_projects",
        null=True,
        blank=True,
    )
    partner_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("osatoteuttajat"),
        related_name="partner_projects",
        blank=True,
    )
    scope = models.CharField(_("laajuus"), max_length=20, choices=Scope, default=Scope.REGIONAL)
    region = models.CharField(_("alue"), max_length=120, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("teemat"), related_name="projects", blank=True
    )
    starts_on = models.DateField(_("alkaa"), null=True, blank=True)
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    website = models.URLField(_("verkkosivut"), blank=True)
    # Public (/media/), but through the one image pipeline: checked, re-encoded without
    # EXIF or GPS, shrunk to what a page shows (160 px, sharp on dense screens).
    logo = ImageUploadField(
        _("logo"),
        upload_to="projects/logos/",
        blank=True,
        max_side=640,
        help_text=_(
            "JPEG-, PNG- tai WebP-kuva. Kuvan sijaintitiedot ja muut metatiedot poistetaan."
        ),
    )
    logo_alt = models.CharField(
        _("logon tekstivastine"),
        max_length=200,
        blank=True,
        help_text=_("Kerro, mitä logossa lukee tai näkyy, ruudunlukijan käyttäjälle."),
    )
    is_published = models.BooleanField(_("julkaistu"), default=True)
    posts_need_approval = models.BooleanField(
        _("kirjoitukset hyväksytetään ennen julkaisua"),
        default=False,
        help_text=_(
            "Hankekoordinaattorin kirjoitus julkaistaan vasta, kun verkostokoordinaattori "
            "on hyväksynyt sen."
        ),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("hanke")
        verbose_name_plural = _("hankkeet")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
                violation_error_message=_("Hanke ei voi päättyä ennen kuin se alkaa."),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projects:project_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.logo and not self.logo_alt_fi:
            raise ValidationError(
                {"logo_alt_fi": _("Kirjoita logolle tekstivastine.")}, code="logo_alt"
            )

    @property
    def goal_list(self) -> list[str]:
        return [line.strip(" •-") for line in self.goals.splitlines() if line.strip(" •-")]

    @property
    def hashtag_list(self) -> list[str]:
        return self.hashtags.split()

    def save(self, *args, **kwargs):
        fill_missing_slugs(self, source="name")
        super().save(*args, **kwargs)


class ContactPerson(models.Model):
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("hanke")
    )
    name = models.CharField(_("nimi"), max_length=150)
    title = models.CharField(_("tehtävänimike"), max_length=150, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("yhteyshenkilö")
        verbose_name_plural = _("yhteyshenkilöt")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's coordinator role in a project: they edit that project's content."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Hankekoordinaattori")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("käyttäjä"),
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("hanke")
    )
    role = models.CharField(_("rooli"), max_length=20, choices=Role, default=Role.COORDINATOR)

    objects = NetworkOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("hankejäsenyys")
        verbose_name_plural = _("hankejäsenyydet")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "project"],
                name="membership_unique",
                violation_error_message=_("Käyttäjä on jo tämän hankkeen jäsen."),
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.project}"
