"""The practice list filters, the follow-up answer and the form that starts a round."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from valita import deadlines

from .models import Adoption, FollowUpRequest, Practice


class PracticeFilterForm(forms.Form):
    """The library's filters: a plain GET form, so it works without JavaScript."""

    teema = forms.ChoiceField(label=_("Teema"), required=False)
    hanke = forms.ChoiceField(label=_("Hanke"), required=False)
    vaihe = forms.ChoiceField(label=_("Vaihe"), required=False)
    kohderyhma = forms.ChoiceField(label=_("Kohderyhmä"), required=False)

    def __init__(self, *args, themes, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {theme.slug: theme for theme in themes}
        self.projects = {project.slug: project for project in projects}
        self.fields["teema"].choices = [("", _("Kaikki teemat"))] + [
            (slug, theme.name) for slug, theme in self.themes.items()
        ]
        self.fields["hanke"].choices = [("", _("Kaikki hankkeet"))] + [
            (slug, project.name) for slug, project in self.projects.items()
        ]
        self.fields["vaihe"].choices = [("", _("Kaikki vaiheet")), *Practice.Status.choices]
        self.fields["kohderyhma"].choices = [
            ("", _("Kaikki kohderyhmät")),
            *Practice.TargetGroup.choices,
        ]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["teema"]:
            queryset = queryset.with_theme(self.themes[data["teema"]])
        if data["hanke"]:
            queryset = queryset.with_project(self.projects[data["hanke"]])
        if data["vaihe"]:
            queryset = queryset.filter(status=data["vaihe"])
        if data["kohderyhma"]:
            queryset = queryset.filter(target_group=data["kohderyhma"])
        return queryset

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())


class FollowUpAnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Onko malli edelleen käytössä organisaatiossanne?"),
        choices=FollowUpRequest.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Valitse, onko malli edelleen käytössä.")},
    )
    depth = forms.ChoiceField(
        label=_("Kuinka vakiintunut malli on?"),
        choices=Adoption.Depth.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Vastaa, jos malli on käytössä."),
    )
    comment = forms.CharField(
        label=_("Mitä muutitte tai miksi malli ei ole enää käytössä?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("Pakollinen, jos malli ei ole enää käytössä."),
    )


class FollowUpRoundForm(forms.Form):
    title = forms.CharField(label=_("Kierroksen nimi"), max_length=200)
    practices = forms.ModelMultipleChoiceField(
        label=_("Toimintamallit"),
        queryset=Practice.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Valitse vähintään yksi toimintamalli.")},
    )
    months_after = forms.TypedChoiceField(
        label=_("Ajankohta hankkeen päättymisestä"),
        choices=[("", _("Ei määritelty")), ("12", _("12 kuukautta")), ("24", _("24 kuukautta"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    closes_on = forms.DateField(
        label=_("Vastausaika päättyy"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Vastauslinkit lakkaavat toimimasta tämän päivän päätyttyä."),
    )
    remind_after_days = forms.IntegerField(
        label=_("Muistutus, kun lähettämisestä on kulunut päiviä"),
        min_value=1,
        max_value=60,
        initial=7,
    )

    def __init__(self, *args, practices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practices"].queryset = practices
        self.fields["closes_on"].initial = (timezone.now() + timedelta(days=28)).date()

    def clean_closes_on(self):
        value = self.cleaned_data["closes_on"]
        if value <= timezone.localdate():
            raise forms.ValidationError(
                _("Vastausajan pitää päättyä tulevaisuudessa."), code="closes_past"
            )
        return value

    @property
    def closes_at(self):
        return deadlines.end_of_day(self.cleaned_data["closes_on"])
