"""Which language versions of the network's content exist, and whether the Swedish is
older than the last change of the Finnish (workspace/translations.py keeps these rows)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class TranslationStatusQuerySet(models.QuerySet):
    def waiting(self):
        """Objects whose Swedish is missing or was written before the Finnish last changed."""
        return self.filter(waiting_q())


def waiting_q(prefix: str = "") -> Q:
    return Q(**{f"{prefix}sv_missing": True}) | Q(
        **{f"{prefix}sv_changed_at__lt": F(f"{prefix}fi_changed_at")}
    )


class TranslationStatus(models.Model):
    """One object's languages: when the Finnish and the Swedish texts last changed,
    whether some Finnish text has no Swedish at all, and who asked for a translation."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    fi_changed_at = models.DateTimeField(_("suomi muuttunut"), null=True, blank=True)
    sv_changed_at = models.DateTimeField(_("ruotsi muuttunut"), null=True, blank=True)
    sv_missing = models.BooleanField(_("ruotsi puuttuu"), default=False)
    requested_at = models.DateTimeField(_("käännöstä pyydetty"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("käännöksen pyytäjä"),
    )

    objects = TranslationStatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("käännöksen tila")
        verbose_name_plural = _("käännösten tilat")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="translation_status_unique"
            )
        ]
        indexes = [models.Index(fields=["content_type", "sv_missing"])]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"

    @property
    def out_of_date(self) -> bool:
        return bool(
            not self.sv_missing
            and self.fi_changed_at
            and self.sv_changed_at
            and self.sv_changed_at < self.fi_changed_at
        )


class TranslationDigest(models.Model):
    """The daily summary sent to one network coordinator: claimed before it is queued,
    so that a doubled or late beat sends no second email the same day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="translation_digest_unique")
        ]

    def __str__(self):
        return f"{self.user_id} {self.day}"
