"""Quotes marked for publication, published results and background exports.

The figures themselves are never stored: they are computed from surveys' answers
(surveys/results.py) whenever a page is drawn.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import PrivateFileField
from core.roles import is_network_coordinator
from surveys import privacy
from surveys.models import Answer, Question, Survey


class EditableByNetworkQuerySet(models.QuerySet):
    def editable_by(self, user):
        """Only network coordinators code answers and choose what is published."""
        return self if is_network_coordinator(user) else self.none()


class QuoteQuerySet(EditableByNetworkQuerySet):
    def for_listing(self):
        return self.select_related("answer__question__survey").order_by("answer__question", "pk")


class Quote(models.Model):
    """An open answer marked for publication (the printable report, the public page)."""

    answer = models.OneToOneField(
        Answer, on_delete=models.CASCADE, related_name="quote", verbose_name=_("vastaus")
    )
    text_sv = models.TextField(
        _("ruotsiksi"), blank=True, help_text=_("Tyhjä: lainaus näytetään alkukielellä.")
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["answer__question", "pk"]
        verbose_name = _("lainaus")
        verbose_name_plural = _("lainaukset")

    def __str__(self):
        return self.answer.text[:60]


class PublishedResultQuerySet(EditableByNetworkQuerySet):
    def for_listing(self):
        return self.select_related(
            "survey", "question", "quote__answer__question__survey"
        ).order_by("order", "pk")


class PublishedResult(models.Model):
    """One chart (a Likert group or a choice question) or one quote on the public page."""

    class Kind(models.TextChoices):
        CHART = "chart", _("Kaavio ja taulukko")
        QUOTE = "quote", _("Lainaus")

    kind = models.CharField(_("laji"), max_length=10, choices=Kind)
    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="published_results",
        verbose_name=_("kysely"),
    )
    question = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="published_results",
        verbose_name=_("kysymys"),
    )
    quote = models.OneToOneField(
        Quote,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="published",
        verbose_name=_("lainaus"),
    )
    order = models.PositiveSmallIntegerField(_("järjestys"), default=0)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    objects = PublishedResultQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("julkaistu tulos")
        verbose_name_plural = _("julkaistut tulokset")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="chart", question__isnull=False, quote__isnull=True)
                | Q(kind="quote", quote__isnull=False, question__isnull=True),
                name="published_result_chart_or_quote",
                violation_error_message=_("Julkaise joko kaavio tai lainaus."),
            ),
            models.UniqueConstraint(
                fields=["question"],
                condition=Q(question__isnull=False),
                name="published_chart_once",
                violation_error_message=_("Kaavio on jo julkaistu."),
            ),
        ]

    def __str__(self):
        return str(self.question or self.quote)


class ExportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The one permission helper of exports: one's own; raw responses only while one
        may take them (surveys.privacy: a role taken away takes the files with it)."""
        if not user.is_authenticated:
            return self.none()
        own = self.filter(user=user)
        return own if privacy.may_export_raw(user) else own.exclude(table="responses")


class Export(models.Model):
    """A large export built by a Celery task, kept in the private storage (no URL).

    Only reports.views.export_download hands the file out, to visible_to(user).
    It ends ready or failed: the task marks a failure (reports.tasks), and one still
    pending after PENDING_AT_MOST (its worker lost every time) counts as failed too.
    A failed export is retried as a new export (reports.services.export_retry).
    """

    page_cache_exempt = True
    PENDING_AT_MOST = timedelta(hours=1)

    class Status(models.TextChoices):
        PENDING = "pending", _("Odottaa")
        READY = "ready", _("Valmis")
        FAILED = "failed", _("Epäonnistui")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_exports"
    )
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="exports")
    table = models.CharField(max_length=100)
    format = models.CharField(max_length=4, choices=[("csv", "CSV"), ("xlsx", "XLSX")])
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    file = PrivateFileField(upload_to="exports/%Y/%m/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ExportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("vienti")
        verbose_name_plural = _("viennit")

    def __str__(self):
        return f"{self.survey} {self.table}.{self.format}"

    def get_absolute_url(self):
        return reverse("reports:export_status", kwargs={"pk": self.pk})

    @property
    def state(self) -> str:
        """The status as shown: a pending export past PENDING_AT_MOST has failed."""
        if self.status == self.Status.PENDING and (
            timezone.now() - self.created_at > self.PENDING_AT_MOST
        ):
            return self.Status.FAILED
        return self.status

    def mark_failed(self) -> None:
        self.status = self.Status.FAILED
        self.finished_at = timezone.now()
        self.save(update_fields=["status", "finished_at"])

    def private_file_url(self, field_name: str) -> str:
        return reverse("reports:export_download", kwargs={"pk": self.pk})
