"""The workspace's project page editor: what the admin lets a project's coordinators change
(every field of their own project) and the project's contact people."""

from django import forms
from django.contrib.auth import get_user_model
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from core.workspace_forms import EditConflictMixin, LanguagePairsMixin

from .models import ContactPerson, Organisation, Project, Theme

TRANSLATED = (
    "name",
    "short_name",
    "slug",
    "summary",
    "description",
    "goals",
    "funder",
    "region",
    "logo_alt",
)


class ProjectForm(EditConflictMixin, LanguagePairsMixin, forms.ModelForm):
    translated = TRANSLATED

    class Meta:
        model = Project
        fields = [
            *(f"{name}_{lang}" for name in TRANSLATED for lang in ("fi", "sv")),
            "logo",
            "website",
            "hashtags",
            "kind",
            "scope",
            "themes",
            "lead_organisation",
            "partner_organisations",
            "starts_on",
            "ends_on",
            "is_published",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "partner_organisations": forms.CheckboxSelectMultiple,
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.all()
        organisations = Organisation.objects.order_by("name")
        self.fields["lead_organisation"].queryset = organisations
        self.fields["partner_organisations"].queryset = organisations


class ContactForm(LanguagePairsMixin, forms.ModelForm):
    translated = ("title",)

    class Meta:
        model = ContactPerson
        fields = ["name", "title_fi", "title_sv", "email", "phone", "order"]


User = get_user_model()

ContactFormSet = inlineformset_factory(
    Project, ContactPerson, form=ContactForm, extra=1, can_delete=True
)


class CoordinatorForm(forms.Form):
    """A new coordinator for a project (projects.team.coordinator_add)."""

    email = forms.EmailField(label=_("Sähköpostiosoite"), max_length=254)
    first_name = forms.CharField(label=_("Etunimi"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Sukunimi"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Asiointikieli"),
        choices=User._meta.get_field("language").choices,
        initial="fi",
        widget=forms.RadioSelect,
        help_text=_("Kieli, jolla kutsu ja muut viestit lähetetään."),
    )
