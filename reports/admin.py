from django.contrib import admin

from core.roles import is_network_coordinator
from surveys.models import Code

from .models import PublishedResult, Quote


class NetworkOnlyAdmin(admin.ModelAdmin):
    """Only network coordinators change these (the models' editable_by)."""

    def has_module_permission(self, request):
        return is_network_coordinator(request.user)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_change_permission = has_view_permission
    has_delete_permission = has_view_permission

    def has_add_permission(self, request):
        return False  # made on the dashboard


@admin.register(Quote)
class QuoteAdmin(NetworkOnlyAdmin):
    list_display = ["__str__", "created_at"]
    fields = ["text_sv"]


@admin.register(PublishedResult)
class PublishedResultAdmin(NetworkOnlyAdmin):
    list_display = ["__str__", "kind", "survey", "order"]
    list_editable = ["order"]
    fields = ["order"]


@admin.register(Code)
class CodeAdmin(NetworkOnlyAdmin):
    list_display = ["name", "question"]
    fields = ["name"]
