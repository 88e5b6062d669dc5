from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from core.admin_mixins import EditableByInlineMixin, TranslatedEditableAdmin
from projects.forms import ProjectsKeptForm

from . import services
from .models import Event, EventMaterial


class EventMaterialInline(EditableByInlineMixin, TranslationTabularInline):
    model = EventMaterial
    extra = 0
    fields = ["title", "file", "url", "order"]


@admin.register(Event)
class EventAdmin(TranslatedEditableAdmin):
    project_coordinators_may_edit = True
    form = ProjectsKeptForm
    list_display = ["title", "starts_at", "format", "status"]
    list_filter = ["status", "format", "projects", "themes"]
    search_fields = ["title_fi", "title_sv"]
    date_hierarchy = "starts_at"
    filter_horizontal = ["projects", "themes"]
    inlines = [EventMaterialInline]
    readonly_fields = ["sequence", "updated_at"]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # As the workspace's save does: places added go to those waiting.
        services.offer_queued_places(event=form.instance)

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "status",
                    "publish_at",
                    "projects",
                    "themes",
                    "description",
                ]
            },
        ),
        (
            _("Aika ja paikka"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "all_day",
                    "format",
                    "venue",
                    "address",
                    "online_url",
                    "online_link_public",
                    "languages",
                    "audience",
                ]
            },
        ),
        (
            _("Ilmoittautuminen"),
            {
                "fields": [
                    "registration_enabled",
                    "registration_deadline",
                    "capacity_in_person",
                    "capacity_remote",
                ]
            },
        ),
        (None, {"fields": ["sequence", "updated_at"]}),
    ]
