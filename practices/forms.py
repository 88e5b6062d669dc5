"""The practice list filters, the follow-up answer and the form that starts a round."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import deadlines
from core.list_filters import ProjectContentFilterForm

from .models import Adoption, FollowUpRequest, Practice


class PracticeFilterForm(ProjectContentFilterForm):
    """The library's filters: theme, project, stage and target group."""

    vaihe = forms.ChoiceField(
        label=_("Vaihe"),
        required=False,
        choices=[("", _("Kaikki vaiheet")), *Practice.Status.choices],
    )
    kohderyhma = forms.ChoiceField(
        label=_("Kohderyhmä"),
        required=False,
        choices=[("", _("Kaikki kohderyhmät")), *Practice.TargetGroup.choices],
    )
    field_lookups = {"vaihe": "status", "kohderyhma": "target_group"}


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
