"""Operations in the admin, for network coordinators: access log, outbox, personal data."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import personal_data
from .access_log import log_access, subject_fingerprint
from .models import AccessLog, OutboxMessage
from .roles import is_network_coordinator


class NetworkCoordinatorReadOnlyAdmin(admin.ModelAdmin):
    """Readable by network coordinators; nobody adds, changes or deletes."""

    def has_module_permission(self, request):
        return is_network_coordinator(request.user)

    def has_view_permission(self, request, obj=None):
        return is_network_coordinator(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Henkilön sähköpostiosoite"))
    action = forms.ChoiceField(
        label=_("Toimenpide"),
        choices=[("export", _("Vie tiedot (JSON)")), ("erase", _("Poista tiedot"))],
        widget=forms.RadioSelect,
        initial="export",
    )
    confirm = forms.EmailField(
        label=_("Vahvista poisto kirjoittamalla osoite uudelleen"), required=False
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("action") == "erase"
            and (data.get("confirm") or "").lower() != (data.get("email") or "").lower()
        ):
            self.add_error("confirm", _("Kirjoita sama osoite uudelleen, jos haluat poistaa."))
        return data


@admin.register(AccessLog)
class AccessLogAdmin(NetworkCoordinatorReadOnlyAdmin):
    list_display = ["at", "who", "what", "object_repr", "subject", "path"]
    list_filter = ["what", "at"]
    search_fields = ["what", "object_repr", "who__email"]
    date_hierarchy = "at"
    list_select_related = ["who"]

    def get_search_results(self, request, queryset, search_term):
        # The log keeps a fingerprint of whose data it was: an address finds those rows too.
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if "@" in search_term:
            found |= queryset.filter(subject=subject_fingerprint(search_term))
        return found, may_have_duplicates

    def get_urls(self):
        view = self.admin_site.admin_view(self.personal_data_view)
        return [path("personal-data/", view, name="valita_personal_data"), *super().get_urls()]

    def personal_data_view(self, request):
        if not is_network_coordinator(request.user):
            raise PermissionDenied
        form = PersonalDataForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if form.cleaned_data["action"] == "export":
                log_access(request, "personal_data.export", subject=email)
                response = HttpResponse(
                    personal_data.export_json(email), content_type="application/json"
                )
                response["Content-Disposition"] = 'attachment; filename="henkilotiedot.json"'
                return response
            changed = personal_data.erase_person(email)
            log_access(request, "personal_data.erase", subject=email)
            self.message_user(
                request,
                ngettext(
                    "Henkilötiedot poistettiin tai anonymisoitiin: %(rows)d rivi.",
                    "Henkilötiedot poistettiin tai anonymisoitiin: %(rows)d riviä.",
                    sum(changed.values()),
                )
                % {"rows": sum(changed.values())},
                messages.SUCCESS,
            )
            return redirect("admin:valita_personal_data")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Henkilötiedot"),
            "form": form,
            "sections": [s.name for s in personal_data.sections()],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/valita/personal_data.html", context)


@admin.register(OutboxMessage)
class OutboxMessageAdmin(NetworkCoordinatorReadOnlyAdmin):
    list_display = ["created_at", "task", "dispatched_at", "done_at", "attempts", "last_error"]
    list_filter = ["task", ("done_at", admin.EmptyFieldListFilter)]
