"""The workspace's practice editor and its rows: attachments, links and adoptions.

The editor uses the admin's rules: the projects a coordinator may not change stay on the
practice (`ProjectsKeptFormMixin`); attachments keep the model's validated private upload.
"""

from django import forms
from django.forms import inlineformset_factory

from core.workspace_forms import EditConflictMixin, LanguagePairsMixin
from projects.forms import ProjectsKeptFormMixin
from projects.models import Organisation, Project, Theme

from .models import Adoption, Practice, PracticeAttachment, PracticeLink

TRANSLATED = (
    "title",
    "slug",
    "summary",
    "problem",
    "target_group_details",
    "steps",
    "resources",
    "evaluation",
)


class PracticeForm(EditConflictMixin, LanguagePairsMixin, ProjectsKeptFormMixin, forms.ModelForm):
    translated = TRANSLATED

    class Meta:
        model = Practice
        fields = [
            *(f"{name}_{lang}" for name in TRANSLATED for lang in ("fi", "sv")),
            "target_group",
            "status",
            "licence",
            "is_published",
            "projects",
            "themes",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "projects": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, editor=editor, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        projects = self.fields["projects"]
        projects.queryset = projects.queryset.order_by("name")
        if self.instance.pk is None and not self.is_bound:
            own = list(Project.objects.editable_by(editor).values_list("pk", flat=True)[:2])
            if len(own) == 1:  # their one project, preselected
                self.initial["projects"] = own
        if self.kept_projects():
            projects.required = False


class AttachmentForm(LanguagePairsMixin, forms.ModelForm):
    translated = ("title",)

    class Meta:
        model = PracticeAttachment
        fields = ["title_fi", "title_sv", "file", "order"]


class LinkForm(LanguagePairsMixin, forms.ModelForm):
    translated = ("title",)

    class Meta:
        model = PracticeLink
        fields = ["title_fi", "title_sv", "url", "order"]


class AdoptionForm(forms.ModelForm):
    class Meta:
        model = Adoption
        fields = [
            "organisation",
            "since",
            "depth",
            "status",
            "ended_on",
            "last_confirmed_at",
            "contact_name",
            "contact_email",
            "contact_language",
            "notes",
        ]
        widgets = {
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ended_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_confirmed_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisation_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        field.queryset = Organisation.objects.order_by("name")
        if organisation_choices is not None:
            # Read once for the whole formset: the page's queries do not grow with its rows.
            field.choices = organisation_choices


def organisation_choices() -> list:
    return [("", "---------")] + [
        (organisation.pk, str(organisation))
        for organisation in Organisation.objects.order_by("name")
    ]


ROWS = {
    "attachments": inlineformset_factory(
        Practice, PracticeAttachment, form=AttachmentForm, extra=1, can_delete=True
    ),
    "links": inlineformset_factory(Practice, PracticeLink, form=LinkForm, extra=1, can_delete=True),
    "adoptions": inlineformset_factory(
        Practice, Adoption, form=AdoptionForm, extra=1, can_delete=True
    ),
}
