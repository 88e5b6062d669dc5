"""Operational records of the site: the task outbox and the access log."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task stored in the same transaction as the data that asks for it (core.outbox)."""

    page_cache_exempt = True

    task = models.CharField(_("tehtävä"), max_length=200)
    args = models.JSONField(_("argumentit"), default=list, blank=True)
    kwargs = models.JSONField(_("nimetyt argumentit"), default=dict, blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    dispatched_at = models.DateTimeField(_("välitetty jonoon"), null=True, blank=True)
    done_at = models.DateTimeField(_("suoritettu"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("yritykset"), default=0)
    last_error = models.TextField(_("viimeisin virhe"), blank=True)

    class Meta:
        verbose_name = _("jonotettu tehtävä")
        verbose_name_plural = _("jonotetut tehtävät")
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=models.Q(done_at__isnull=True),
                name="outbox_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"


class AccessLog(models.Model):
    """Who viewed or exported personal data (registrations, raw responses), and when."""

    page_cache_exempt = True

    who = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kuka"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    what = models.CharField(_("mitä"), max_length=100, db_index=True)
    object_type = models.ForeignKey(
        ContentType,
        verbose_name=_("kohteen tyyppi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    object_id = models.CharField(_("kohteen tunniste"), max_length=64, blank=True)
    object_repr = models.CharField(_("kohde"), max_length=200, blank=True)
    path = models.CharField(_("osoite"), max_length=500, blank=True)
    # Whose data: a keyed fingerprint of the person's address, never the address, so the
    # row outlives an erasure without naming them (core.access_log.subject_fingerprint).
    subject = models.CharField(_("kenen tiedot"), max_length=64, blank=True, db_index=True)
    at = models.DateTimeField(_("milloin"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("käyttölokin merkintä")
        verbose_name_plural = _("käyttöloki")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.who} {self.what} {self.object_repr}"
