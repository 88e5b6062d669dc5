"""The survey builder for network coordinators, and collectors for project coordinators to see.

Finnish and Swedish sit in their own fieldsets, shown as tabs (static/surveys/admin_tabs.js),
so that a long questionnaire reads in one language at a time; without JavaScript both show.
Once a survey has real responses, its questions, statements, choices and pages
cannot be deleted and a question's kind and scale cannot change (services.py).
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from core.admin_mixins import (
    EditableByAdminMixin,
    EditableByInlineMixin,
    TranslatedEditableAdmin,
)
from core.roles import is_network_coordinator, is_project_coordinator

from . import services
from .collecting import embed_snippet
from .collecting import language_urls as _urls
from .models import (
    Choice,
    Collector,
    Condition,
    Invitation,
    Page,
    Question,
    Response,
    Statement,
    Survey,
)
from .results import percent


def _locked(obj) -> bool:
    survey = obj if isinstance(obj, Survey) else getattr(obj, "survey", None)
    return survey is not None and survey.pk is not None and survey.has_responses()


class LockedDeleteInlineMixin(EditableByInlineMixin):
    """Rows follow their parent's admin; no deleting of a part of an answered survey."""

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(obj):
            return False
        return super().has_delete_permission(request, obj)


class PageInline(LockedDeleteInlineMixin, TranslationTabularInline):
    model = Page
    extra = 0
    fields = ["order", "title", "intro"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name.startswith("intro"):
            field.widget = forms.Textarea(attrs={"rows": 2, "cols": 40})
        return field


class QuestionInline(LockedDeleteInlineMixin, TranslationTabularInline):
    model = Question
    extra = 0
    fields = ["page", "order", "kind", "text", "required", "edit_link"]
    readonly_fields = ["edit_link"]
    show_change_link = True

    @admin.display(description=_("väittämät ja vaihtoehdot"))
    def edit_link(self, obj):
        if not obj.pk:
            return "–"
        url = reverse("admin:surveys_question_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Muokkaa kysymystä"))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "page":
            survey_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Page.objects.filter(survey_id=survey_id or 0)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _warn_anonymity(model_admin, request, collector: Collector) -> None:
    warning = services.collector_anonymity_warning(collector)
    if warning:
        model_admin.message_user(request, f"{collector}: {warning}", messages.WARNING)


class CollectorInline(EditableByInlineMixin, admin.TabularInline):
    model = Collector
    extra = 0
    fields = ["kind", "project", "event", "name", "is_active", "link"]
    readonly_fields = ["link"]
    show_change_link = True

    @admin.display(description=_("linkki"))
    def link(self, obj):
        if not obj.pk or obj.sends_invitations:
            return "–"
        return format_html('<a href="{0}">{0}</a>', obj.get_absolute_url())

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Survey)
class SurveyAdmin(TranslatedEditableAdmin):
    class Media:
        js = ["surveys/admin_tabs.js"]
        css = {"all": ["surveys/admin_tabs.css"]}

    list_display = [
        "title",
        "series",
        "round",
        "status",
        "opens_at",
        "closes_at",
        "response_count",
        "test_count",
    ]
    list_filter = ["status", "series"]
    search_fields = ["title_fi", "title_sv", "series"]
    inlines = [PageInline, QuestionInline, CollectorInline]
    actions = ["copy_as_next_round", "delete_test_responses"]
    readonly_fields = ["tools", "embed_code"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "tools",
                    ("series", "round"),
                    "status",
                    ("opens_at", "closes_at"),
                    "anonymous",
                    "is_listed",
                ]
            },
        ),
        (
            _("Suomeksi"),
            {
                "fields": ["title_fi", "slug_fi", "intro_fi", "thank_you_fi"],
                "classes": ["lang-tab"],
            },
        ),
        (
            _("Ruotsiksi"),
            {
                "fields": ["title_sv", "slug_sv", "intro_sv", "thank_you_sv"],
                "classes": ["lang-tab"],
            },
        ),
        (_("Upottaminen"), {"fields": ["embed_domains", "embed_code"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_real=Count("responses", filter=Q(responses__is_test=False)),
                n_test=Count("responses", filter=Q(responses__is_test=True)),
            )
        )

    @admin.display(description=_("vastauksia"), ordering="n_real")
    def response_count(self, obj):
        return obj.n_real

    @admin.display(description=_("testivastauksia"), ordering="n_test")
    def test_count(self, obj):
        return obj.n_test

    @admin.display(description=_("esikatselu ja testaus"))
    def tools(self, obj):
        if not obj.pk:
            return _("Tallenna kysely ensin.")
        previews = _urls(obj, "surveys:survey_preview")
        tests = _urls(obj, "surveys:survey_test")
        items = [
            (url, _("Esikatsele (%(language)s)") % {"language": lang}) for lang, url in previews
        ]
        items += [
            (url, _("Vastaa testitilassa (%(language)s)") % {"language": lang})
            for lang, url in tests
        ]
        return format_html(
            "<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', items)
        )

    @admin.display(description=_("upotuskoodi"))
    def embed_code(self, obj):
        if not obj.pk:
            return "–"
        snippets = [
            (lang, embed_snippet(url, obj.title))
            for lang, url in _urls(obj, "surveys:survey_embed")
        ]
        return format_html_join(
            "",
            '<p><strong>{}</strong></p><textarea readonly rows="3" cols="90">{}</textarea>',
            snippets,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            Collector.objects.get_or_create(survey=obj, kind=Collector.Kind.PUBLIC)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        for collector in form.instance.collectors.select_related("survey", "event"):
            _warn_anonymity(self, request, collector)

    @admin.action(description=_("Kopioi seuraavaksi kierrokseksi"))
    def copy_as_next_round(self, request, queryset):
        for survey in queryset:
            try:
                copy = services.survey_copy_as_next_round(survey)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            self.message_user(
                request,
                _("Luotiin luonnos %(title)s, kierros %(round)s.")
                % {"title": copy.title, "round": copy.round},
                messages.SUCCESS,
            )

    @admin.action(description=_("Poista testivastaukset"))
    def delete_test_responses(self, request, queryset):
        count = sum(services.test_responses_delete(survey) for survey in queryset)
        self.message_user(
            request,
            ngettext(
                "Poistettiin %(count)s testivastaus.",
                "Poistettiin %(count)s testivastausta.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(obj):
            return False
        return super().has_delete_permission(request, obj)


class StatementInline(LockedDeleteInlineMixin, TranslationTabularInline):
    model = Statement
    extra = 0
    fields = ["order", "text", "previous"]
    raw_id_fields = ["previous"]


class ChoiceInline(LockedDeleteInlineMixin, TranslationTabularInline):
    model = Choice
    extra = 0
    fields = ["order", "text", "previous"]
    raw_id_fields = ["previous"]


class ConditionInline(EditableByInlineMixin, admin.StackedInline):
    model = Condition
    fk_name = "question"
    extra = 0
    fields = ["source", "operator", "choices", "statement", "value"]
    filter_horizontal = ["choices"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        survey = getattr(request, "_survey_of_question", None)
        if survey is not None and db_field.name == "source":
            kwargs["queryset"] = Question.objects.filter(survey=survey)
        if survey is not None and db_field.name == "statement":
            kwargs["queryset"] = Statement.objects.filter(question__survey=survey)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        survey = getattr(request, "_survey_of_question", None)
        if survey is not None and db_field.name == "choices":
            kwargs["queryset"] = Choice.objects.filter(question__survey=survey)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class PageConditionInline(ConditionInline):
    fk_name = "page"


@admin.register(Question)
class QuestionAdmin(TranslatedEditableAdmin):
    class Media:
        js = ["surveys/admin_tabs.js"]
        css = {"all": ["surveys/admin_tabs.css"]}

    list_display = ["text", "survey", "page", "order", "kind", "required"]
    list_filter = ["survey", "kind"]
    search_fields = ["text_fi", "text_sv"]
    inlines = [StatementInline, ChoiceInline, ConditionInline]
    raw_id_fields = ["previous"]
    fieldsets = [
        (None, {"fields": ["survey", "page", "order", "kind", "required"]}),
        (_("Suomeksi"), {"fields": ["text_fi", "help_text_fi"], "classes": ["lang-tab"]}),
        (_("Ruotsiksi"), {"fields": ["text_sv", "help_text_sv"], "classes": ["lang-tab"]}),
        (
            _("Asteikko (väittämäryhmä)"),
            {
                "fields": [
                    "scale_size",
                    ("scale_min_label_fi", "scale_max_label_fi"),
                    ("scale_min_label_sv", "scale_max_label_sv"),
                    "allow_dont_know",
                ]
            },
        ),
        (_("Vertailu"), {"fields": ["previous"], "classes": ["collapse"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        request._survey_of_question = obj.survey if obj else None
        return super().get_form(request, obj, **kwargs)

    def get_inline_instances(self, request, obj=None):
        request._survey_of_question = obj.survey if obj else None
        return super().get_inline_instances(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(obj):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Page)
class PageAdmin(TranslatedEditableAdmin):
    list_display = ["__str__", "survey", "order"]
    list_filter = ["survey"]
    inlines = [PageConditionInline]
    fields = ["survey", "order", "title", "intro"]

    def get_inline_instances(self, request, obj=None):
        request._survey_of_question = obj.survey if obj else None
        return super().get_inline_instances(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and _locked(obj):
            return False
        return super().has_delete_permission(request, obj)


class CollectorForm(forms.ModelForm):
    new_invitations = forms.CharField(
        label=_("Lisää kutsuja"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_(
            "Yksi rivillä: sähköposti; nimi; kieli (fi tai sv), esim. "
            "anna@example.org; Anna; sv. Kutsut lähtevät tallennettaessa."
        ),
    )

    class Meta:
        model = Collector
        fields = ["survey", "kind", "project", "event", "name", "is_active"]

    def clean_new_invitations(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["new_invitations"].splitlines(), 1):
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split(";")] + ["", ""]
            email, name, language = parts[0], parts[1], (parts[2] or "fi").lower()
            try:
                forms.EmailField().clean(email)
            except ValidationError:
                raise ValidationError(
                    _("Rivillä %(number)s ei ole kelvollista sähköpostiosoitetta."),
                    params={"number": number},
                    code="bad_email",
                ) from None
            if language not in ("fi", "sv"):
                raise ValidationError(
                    _("Rivin %(number)s kielen pitää olla fi tai sv."),
                    params={"number": number},
                    code="bad_language",
                )
            rows.append((email, name, language))
        kinds = (Collector.Kind.INVITATION, Collector.Kind.EVENT)
        if rows and self.cleaned_data.get("kind") not in kinds:
            raise ValidationError(
                _("Kutsuja voi lisätä vain kutsukanavaan."), code="not_invitation"
            )
        return rows


class InvitationInline(EditableByInlineMixin, admin.TabularInline):
    """Invitees are added through the collector's form (which sends the emails).

    Their addresses are personal data: only those who run the survey see them, not
    the project coordinators who may look at the collector.
    """

    rows_visible_to_viewers = False
    model = Invitation
    extra = 0
    fields = ["email", "name", "language", "sent_at", "reminded_at", "reminder_count", "used_at"]
    # An anonymous survey's invitees without whether and when they answered or were
    # reminded: beside the reminder schedule and the responses' times, that would tell
    # which response is whose (the workspace shows such a survey's counts only).
    anonymous_fields = ["email", "name", "language", "sent_at"]
    readonly_fields = fields
    can_delete = True

    def get_fields(self, request, obj=None):
        if obj is not None and obj.survey.anonymous:
            return self.anonymous_fields
        return self.fields

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Collector)
class CollectorAdmin(EditableByAdminMixin, admin.ModelAdmin):
    """Network coordinators manage collectors; project coordinators see their projects' ones."""

    form = CollectorForm
    list_display = ["__str__", "survey", "kind", "project", "started", "completed", "rate"]
    list_filter = ["kind", "survey"]
    raw_id_fields = ["event"]
    inlines = [InvitationInline]
    readonly_fields = ["link", "embed_code", "started", "completed", "rate"]

    def get_fields(self, request, obj=None):
        fields = ["survey", "kind", "project", "event", "name", "is_active"]
        if obj is not None:
            fields += ["link", "embed_code", "started", "completed", "rate"]
            if obj.sends_invitations:
                fields.append("new_invitations")
        return fields

    def get_queryset(self, request):
        return (
            Collector.objects.visible_to(request.user)
            .with_stats()
            .select_related("survey", "project")
        )

    def has_module_permission(self, request):
        user = request.user
        return (
            user.is_active
            and user.is_staff
            and (is_network_coordinator(user) or is_project_coordinator(user))
        )

    def has_view_permission(self, request, obj=None):
        if not self.has_module_permission(request):
            return False
        return obj is None or Collector.objects.visible_to(request.user).filter(pk=obj.pk).exists()

    def has_add_permission(self, request, *args):
        return is_network_coordinator(request.user)

    def has_change_permission(self, request, obj=None):
        if not is_network_coordinator(request.user):
            return False
        return super().has_change_permission(request, obj)

    def get_inlines(self, request, obj):
        return [InvitationInline] if obj and obj.sends_invitations else []

    @admin.display(description=_("aloitettuja"))
    def started(self, obj):
        if obj.sends_invitations:
            return getattr(obj, "invited", obj.invitations.count())
        return obj.started_count

    @admin.display(description=_("valmiita vastauksia"))
    def completed(self, obj):
        return getattr(obj, "completed", None)

    @admin.display(description=_("vastausprosentti"))
    def rate(self, obj):
        rate = obj.response_rate(getattr(obj, "completed", 0), getattr(obj, "invited", 0))
        return "–" if rate is None else f"{percent(rate)} %"

    @admin.display(description=_("linkki"))
    def link(self, obj):
        if obj.sends_invitations:
            return _("Jokainen kutsuttu saa oman linkkinsä.")
        return format_html('<a href="{0}">{1}{0}</a>', obj.get_absolute_url(), "")

    @admin.display(description=_("upotuskoodi"))
    def embed_code(self, obj):
        if obj.sends_invitations:
            return "–"
        snippets = [
            (lang, embed_snippet(url, obj.survey.title))
            for lang, url in _urls(obj.survey, "surveys:collector_embed", token=obj.token)
        ]
        return format_html_join(
            "",
            '<p><strong>{}</strong></p><textarea readonly rows="3" cols="90">{}</textarea>',
            snippets,
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        rows = form.cleaned_data.get("new_invitations") or []
        if rows:
            created = services.invitations_create(collector=obj, rows=rows)
            self.message_user(
                request,
                ngettext(
                    "Lisättiin %(count)s kutsu; sähköposti lähtee taustalla.",
                    "Lisättiin %(count)s kutsua; sähköpostit lähtevät taustalla.",
                    created,
                )
                % {"count": created},
                messages.SUCCESS,
            )
        _warn_anonymity(self, request, obj)


@admin.register(Response)
class ResponseAdmin(EditableByAdminMixin, admin.ModelAdmin):
    """Responses are read-only; only test responses can be deleted."""

    list_display = ["pk", "survey", "collector", "project", "language", "is_test", "completed_at"]
    list_filter = ["is_test", "survey", "project"]
    actions = ["delete_tests"]

    def get_queryset(self, request):
        return Response.objects.editable_by(request.user).select_related(
            "survey", "collector", "project"
        )

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return is_network_coordinator(request.user)

    def has_delete_permission(self, request, obj=None):
        return obj is not None and obj.is_test and is_network_coordinator(request.user)

    def get_actions(self, request, action_location=admin.ActionLocation.CHANGE_LIST):
        actions = super().get_actions(request, action_location=action_location)
        actions.pop("delete_selected", None)
        return actions

    @admin.action(description=_("Poista valitut testivastaukset"))
    def delete_tests(self, request, queryset):
        tests = queryset.filter(is_test=True)
        count = tests.count()
        tests.delete()
        self.message_user(
            request,
            ngettext(
                "Poistettiin %(count)s testivastaus.",
                "Poistettiin %(count)s testivastausta.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
