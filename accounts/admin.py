from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin_mixins import EditableByInlineMixin
from projects.models import Membership

from .models import User
from .services import user_invite


class MembershipInline(EditableByInlineMixin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["project"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "invited_at", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [MembershipInline]
    actions = ["send_invitation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Henkilötiedot"), {"fields": ("first_name", "last_name", "language")}),
        (
            _("Oikeudet"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        (
            _("Tärkeät päivät"),
            {"fields": ("last_login", "date_joined", "invited_at", "deactivated_at")},
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "first_name", "last_name", "language", "is_staff", "groups"),
            },
        ),
    )
    readonly_fields = ["last_login", "date_joined", "invited_at", "deactivated_at"]

    def has_module_permission(self, request):
        return request.user.is_superuser or super().has_module_permission(request)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Lähetä kutsu valituille käyttäjille"))
    def send_invitation(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            user_invite(user=user, invited_by=request.user)
            count += 1
        if not count:
            self.message_user(
                request,
                _("Kutsuja ei lähetetty: valituista käyttäjistä yksikään ei ole aktiivinen."),
                messages.WARNING,
            )
            return
        # The invitations are queued (accounts.services.user_invite): a worker sends them
        # shortly after, so the message must not say they have gone already.
        self.message_user(
            request,
            ngettext(
                "Kutsu lähtee %(count)d käyttäjälle hetken kuluttua.",
                "Kutsut lähtevät %(count)d käyttäjälle hetken kuluttua.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
