from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("The email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class AccountStatus(models.TextChoices):
    """Where an account stands, as the staff who invite see it."""

    ACTIVE = "active", _("Käytössä")
    INVITED = "invited", _("Kutsuttu, ei vielä käytössä")
    INVITATION_EXPIRED = "expired", _("Kutsu vanhentunut")
    NOT_INVITED = "not_invited", _("Ei kutsuttu")
    CLOSED = "closed", _("Tili suljettu")


class User(AbstractUser):
    """A person who signs in: staff of the network, coordinators, OPH. Email only."""

    username = None
    email = models.EmailField(_("sähköpostiosoite"), unique=True)
    language = models.CharField(
        _("asiointikieli"),
        max_length=2,
        choices=[("fi", _("suomi")), ("sv", _("ruotsi"))],
        default="fi",
        help_text=_("Kieli, jolla portaali lähettää viestit tälle käyttäjälle."),
    )
    invited_at = models.DateTimeField(_("kutsuttu"), null=True, blank=True)
    # Set each time the account is closed and never cleared: the links made before it
    # (invitations, password resets) stay dead after a reactivation (accounts.services).
    deactivated_at = models.DateTimeField(
        _("poistettu käytöstä viimeksi"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_ci",
                violation_error_message=_("Tällä sähköpostiosoitteella on jo käyttäjä."),
            )
        ]

    def __str__(self):
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        if self._closes(kwargs.get("update_fields")):
            self.deactivated_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "deactivated_at"}
        super().save(*args, **kwargs)

    def account_status(self, now) -> AccountStatus:
        """Active once a password is set; until then the invitation decides (its link
        works for INVITATION_VALID_DAYS, accounts.services)."""
        if not self.is_active:
            return AccountStatus.CLOSED
        if self.has_usable_password():
            return AccountStatus.ACTIVE
        if self.invited_at is None:
            return AccountStatus.NOT_INVITED
        if now - self.invited_at > timedelta(days=settings.INVITATION_VALID_DAYS):
            return AccountStatus.INVITATION_EXPIRED
        return AccountStatus.INVITED

    def _closes(self, update_fields) -> bool:
        """Whether this save turns an active account inactive (the admin, the erasure)."""
        if self.is_active or self._state.adding:
            return False
        if update_fields is not None and "is_active" not in update_fields:
            return False
        return type(self)._default_manager.filter(pk=self.pk, is_active=True).exists()
