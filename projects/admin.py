from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from core.admin_mixins import (
    EditableByAdminMixin,
    EditableByInlineMixin,
    TranslatedEditableAdmin,
)
from core.roles import is_network_coordinator

from .models import ContactPerson, Membership, Organisation, Project, Theme


@admin.register(Theme)
class ThemeAdmin(TranslatedEditableAdmin):
    list_display = ["number", "name"]
    search_fields = ["name_fi", "name_sv"]


@admin.register(Organisation)
class OrganisationAdmin(TranslatedEditableAdmin):
    list_display = ["name", "kind", "municipality"]
    list_filter = ["kind"]
    search_fields = ["name_fi", "name_sv", "municipality"]


class ContactPersonInline(EditableByInlineMixin, TranslationTabularInline):
    model = ContactPerson
    extra = 0


@admin.register(Project)
class ProjectAdmin(TranslatedEditableAdmin):
    project_coordinators_may_edit = True
    list_display = ["name", "short_name", "kind", "scope", "is_published"]
    list_filter = ["kind", "scope", "themes", "is_published"]
    search_fields = ["name_fi", "name_sv", "short_name_fi"]
    filter_horizontal = ["themes", "partner_organisations"]
    autocomplete_fields = ["lead_organisation"]
    inlines = [ContactPersonInline]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not is_network_coordinator(request.user):
            # Whether a project's posts need approval is the network coordinators' call.
            fields.append("posts_need_approval")
        return fields

    def has_add_permission(self, request, *args):
        # Projects are set up (and removed) by the network; coordinators edit their own.
        return is_network_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return is_network_coordinator(request.user) and super().has_delete_permission(request, obj)


@admin.register(Membership)
class MembershipAdmin(EditableByAdminMixin, admin.ModelAdmin):
    list_display = ["user", "project", "role"]
    list_filter = ["project", "role"]
    # The user is picked from a list: searching users would need the user admin,
    # which is the superuser's (it gives out roles).
    autocomplete_fields = ["project"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_active=True).order_by(
                "email"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user", "project")
