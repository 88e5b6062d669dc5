"""The filters of the "Missing Swedish" list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import Project

from .translations import TRACKED


class TranslationFilterForm(forms.Form):
    hanke = forms.ModelChoiceField(
        label=_("Hanke"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("Kaikki hankkeet"),
    )
    tyyppi = forms.ChoiceField(label=_("Sisältötyyppi"), required=False)

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hanke"].queryset = projects
        self.fields["tyyppi"].choices = [("", _("Kaikki tyypit"))] + [
            (tracked.key, tracked.plural) for tracked in TRACKED.values()
        ]

    def filters(self) -> dict:
        """The valid filters; junk in the address filters nothing (and the form says so)."""
        if not self.is_valid():
            return {"kind": None, "project": None}
        return {
            "kind": self.cleaned_data["tyyppi"] or None,
            "project": self.cleaned_data["hanke"],
        }
