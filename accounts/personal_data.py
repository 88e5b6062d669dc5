"""The account, its email addresses, two-factor devices and project memberships."""

from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from core.personal_data import admin_log_erase, register
from projects.models import Membership


def erased_email(user) -> str:
    return f"poistettu-{user.pk}@poistettu.invalid"


@register("accounts.account")
class Account:
    def export(self, email, user):
        if user is None:
            return None
        return {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "is_active": user.is_active,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "invited_at": user.invited_at,
            "deactivated_at": user.deactivated_at,
            "roles": list(Group.objects.filter(user=user).values_list("name", flat=True)),
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
            "two_factor_devices": list(user.authenticator_set.values_list("type", flat=True)),
        }

    def erase(self, email, user):
        if user is None:
            return 0
        addresses = {email, user.email.lower()} | {
            a.lower()
            for a in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
        }
        replacement = erased_email(user)
        # The admin history names objects by their str() (a membership by the person's
        # name) and inline changes in its messages: the name or address may be there.
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
        ).update(object_repr=replacement)
        admin_log_erase({*addresses, user.get_full_name()}, replacement)
        EmailAddress.objects.filter(user=user).delete()
        user.authenticator_set.all().delete()
        user.email = replacement
        user.first_name = ""
        user.last_name = ""
        user.is_active = False
        user.invited_at = None
        user.set_unusable_password()
        user.save()
        return 1


@register("projects.memberships")
class Memberships:
    """Kept on erase (they are counted); they then belong to the anonymised account."""

    def export(self, email, user):
        if user is None:
            return []
        return [
            {"project": m.project.name, "role": m.role}
            for m in Membership.objects.filter(user=user).select_related("project")
        ]

    def erase(self, email, user):
        return 0
