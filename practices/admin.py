"""Practices with their attachments, links and adoptions, and follow-up rounds, in the
admin; each follows its model's `editable_by`."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin_mixins import (
    EditableByAdminMixin,
    EditableByInlineMixin,
    TranslatedEditableAdmin,
)
from core.roles import is_network_coordinator
from projects.forms import ProjectsKeptForm

from .models import (
    Adoption,
    FollowUpRequest,
    FollowUpRound,
    Practice,
    PracticeAttachment,
    PracticeLink,
)


class PracticeAttachmentInline(EditableByInlineMixin, TranslationTabularInline):
    model = PracticeAttachment
    extra = 0
    fields = ["title", "file", "order"]


class PracticeLinkInline(EditableByInlineMixin, TranslationTabularInline):
    model = PracticeLink
    extra = 0
    fields = ["title", "url", "order"]


class AdoptionInline(EditableByInlineMixin, admin.StackedInline):
    model = Adoption
    extra = 0
    fields = [
        ("organisation", "since", "depth", "status"),
        ("contact_name", "contact_email", "contact_language"),
        ("last_confirmed_at", "ended_on"),
        "notes",
    ]


@admin.register(Practice)
class PracticeAdmin(TranslatedEditableAdmin):
    project_coordinators_may_edit = True
    form = ProjectsKeptForm
    list_display = ["title", "status", "target_group", "is_published", "updated_at"]
    list_filter = ["is_published", "status", "target_group", "projects", "themes"]
    search_fields = ["title_fi", "title_sv"]
    filter_horizontal = ["projects", "themes"]
    inlines = [PracticeAttachmentInline, PracticeLinkInline, AdoptionInline]
    actions = ["start_followup"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "status", "summary"]}),
        (
            _("Kuvaus"),
            {
                "fields": [
                    "problem",
                    "target_group",
                    "target_group_details",
                    "steps",
                    "resources",
                    "evaluation",
                ]
            },
        ),
        (
            _("Tausta"),
            {"fields": ["projects", "themes", "contact_name", "contact_email", "licence"]},
        ),
    ]

    def has_followup_permission(self, request):
        return is_network_coordinator(request.user)

    @admin.action(
        description=_("Aloita seurantakierros valituille malleille"), permissions=["followup"]
    )
    def start_followup(self, request, queryset):
        query = urlencode([("malli", pk) for pk in queryset.values_list("pk", flat=True)])
        return redirect(reverse("practices_workspace:followup_start") + "?" + query)


class FollowUpRequestInline(EditableByInlineMixin, admin.TabularInline):
    """The answers of a round, as they came: seen by whoever sees the round, changed by nobody."""

    model = FollowUpRequest
    extra = 0
    can_delete = False
    fields = [
        "adoption",
        "email",
        "language",
        "sent_at",
        "reminded_at",
        "answered_at",
        "answer",
        "comment",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FollowUpRound)
class FollowUpRoundAdmin(EditableByAdminMixin, admin.ModelAdmin):
    list_display = ["title", "started_at", "closes_at"]
    readonly_fields = ["started_at", "started_by"]
    filter_horizontal = ["practices"]
    inlines = [FollowUpRequestInline]

    def has_add_permission(self, request, *args):
        # Rounds start through the follow-up page, which sends the emails.
        return False
