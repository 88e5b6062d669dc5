from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.list_filters import ProjectContentFilterForm

from .models import Event, Registration


class EventFilterForm(ProjectContentFilterForm):
    """The event list's filters: theme, project and format."""

    muoto = forms.ChoiceField(
        label=_("Toteutustapa"),
        required=False,
        choices=[("", _("Kaikki toteutustavat")), *Event.Format.choices],
    )
    field_lookups = {"muoto": "format"}


def _consent_label():
    return format_html(
        '{} (<a href="{}">{}</a>)',
        _("Hyväksyn, että tietojani käsitellään tietosuojaselosteen mukaisesti."),
        reverse("privacy_notice"),
        _("tietosuojaseloste"),
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Nimi"), max_length=150)
    email = forms.EmailField(
        label=_("Sähköpostiosoite"),
        help_text=_("Lähetämme vahvistuksen ja muistutuksen tähän osoitteeseen."),
    )
    organisation = forms.CharField(label=_("Organisaatio"), max_length=200, required=False)
    mode = forms.ChoiceField(
        label=_("Osallistumistapa"), choices=Registration.Mode.choices, widget=forms.RadioSelect
    )
    needs = forms.CharField(
        label=_("Saavutettavuus- tai ruokavaliotarpeet"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kerro, mitä tarvitset, jotta voit osallistua."),
    )
    consent = forms.BooleanField(
        label=lazy(_consent_label, str)(),
        error_messages={"required": _("Hyväksy tietosuojaseloste, jotta voit ilmoittautua.")},
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        modes = event.modes()
        if len(modes) < 2:
            del self.fields["mode"]
        self.fields["name"].error_messages["required"] = _("Kirjoita nimesi.")
        self.fields["email"].error_messages["required"] = _("Kirjoita sähköpostiosoitteesi.")
        self.fields["email"].error_messages["invalid"] = _(
            "Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi."
        )
        if "mode" in self.fields:
            self.fields["mode"].error_messages["required"] = _(
                "Valitse, osallistutko paikan päällä vai etänä."
            )
        for name in ("name", "email", "organisation"):
            self.fields[name].widget.attrs["autocomplete"] = {
                "name": "name",
                "email": "email",
                "organisation": "organization",
            }[name]


class BulkEmailForm(forms.Form):
    class Audience:
        CONFIRMED = "confirmed"
        WAITING = "waiting"
        ALL = "all"

    audience = forms.ChoiceField(
        label=_("Vastaanottajat"),
        widget=forms.RadioSelect,
        choices=[
            ("confirmed", _("Vahvistetut osallistujat")),
            ("waiting", _("Jonossa olevat")),
            ("all", _("Kaikki ilmoittautuneet ja jonossa olevat")),
        ],
        initial="confirmed",
    )
    subject_fi = forms.CharField(label=_("Aihe suomeksi"), max_length=150)
    body_fi = forms.CharField(label=_("Viesti suomeksi"), widget=forms.Textarea(attrs={"rows": 8}))
    subject_sv = forms.CharField(
        label=_("Aihe ruotsiksi"),
        max_length=150,
        required=False,
        help_text=_(
            "Ruotsinkielisille ilmoittautuneille. Tyhjänä he saavat suomenkielisen viestin."
        ),
    )
    body_sv = forms.CharField(
        label=_("Viesti ruotsiksi"), widget=forms.Textarea(attrs={"rows": 8}), required=False
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("subject_sv")) != bool(data.get("body_sv")):
            raise forms.ValidationError(
                _(
                    "Kirjoita ruotsinkieliselle viestille sekä aihe että viesti, "
                    "tai jätä molemmat tyhjiksi."
                ),
                code="sv_partial",
            )
        return data
