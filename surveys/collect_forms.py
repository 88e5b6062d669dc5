"""Forms of the workspace's collect page: answering window, embedding, invitations, reminders.

Times are chosen in Europe/Helsinki with the browser's own date and time inputs. A closing
day is the last day answers are accepted (core/deadlines.py): without a time it is stored
as the next midnight, with a time as that moment.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import deadlines

from . import collecting
from .models import Collector, Survey

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _local(moment):
    return timezone.localtime(moment, deadlines.HELSINKI)


class ScheduleForm(forms.Form):
    status = forms.ChoiceField(label=_("Tila"), choices=Survey.Status.choices)
    opens_day = forms.DateField(label=_("Avautumispäivä"), required=False, widget=DATE)
    opens_time = forms.TimeField(
        label=_("Avautumisaika"),
        required=False,
        widget=TIME,
        help_text=_("Tyhjä: päivän alusta (klo 0.00)."),
    )
    closes_day = forms.DateField(
        label=_("Viimeinen vastauspäivä"),
        required=False,
        widget=DATE,
        help_text=_("Vastauksia otetaan vastaan tämän päivän loppuun asti."),
    )
    closes_time = forms.TimeField(
        label=_("Sulkeutumisaika"),
        required=False,
        widget=TIME,
        help_text=_("Valinnainen: kysely sulkeutuu viimeisenä päivänä tähän kellonaikaan."),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        initial = {"status": survey.status}
        if survey.opens_at:
            opens = _local(survey.opens_at)
            initial["opens_day"] = opens.date()
            if opens.time() != opens.time().min:
                initial["opens_time"] = opens.time()
        if survey.closes_at:
            if deadlines.is_whole_day(survey.closes_at):
                initial["closes_day"] = deadlines.last_day(survey.closes_at)
            else:
                closes = _local(survey.closes_at)
                initial["closes_day"], initial["closes_time"] = closes.date(), closes.time()
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("opens_time") and not data.get("opens_day"):
            self.add_error("opens_day", _("Valitse myös avautumispäivä."))
        if data.get("closes_time") and not data.get("closes_day"):
            self.add_error("closes_day", _("Valitse myös viimeinen vastauspäivä."))
        if self.errors:
            return data
        opens_at = closes_at = None
        if data.get("opens_day"):
            opens_at = collecting.helsinki(data["opens_day"], data.get("opens_time"))
        if data.get("closes_day"):
            closes_at = (
                collecting.helsinki(data["closes_day"], data["closes_time"])
                if data.get("closes_time")
                else deadlines.end_of_day(data["closes_day"])
            )
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_day", _("Kysely ei voi sulkeutua ennen kuin se avautuu."))
        data["opens_at"], data["closes_at"] = opens_at, closes_at
        return data


class EmbedForm(forms.Form):
    embed_domains = forms.CharField(
        label=_("Sallitut upotussivustot"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Sivustot, joille kyselyn saa upottaa, yksi rivillä, esim. https://www.winnova.fi"
        ),
    )


NEW = "new"


class InvitationForm(forms.Form):
    collector = forms.ChoiceField(label=_("Kutsukanava"))
    name = forms.CharField(
        label=_("Uuden kanavan nimi"),
        required=False,
        max_length=200,
        help_text=_("Esim. Opettajat syksy 2026. Näkyy vain työtilassa."),
    )
    addresses = forms.CharField(
        label=_("Osoitteet"),
        required=False,
        max_length=500_000,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_(
            "Yksi rivillä: sähköposti; nimi; kieli (fi tai sv), esim. "
            "anna@example.org; Anna; sv. Nimi ja kieli voivat puuttua (kieli on silloin fi)."
        ),
    )
    upload = forms.FileField(
        label=_("Tai lataa tiedosto"),
        required=False,
        help_text=_("CSV- tai tekstitiedosto samassa muodossa, UTF-8, enintään 1 Mt."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
    )

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.collectors = {
            str(c.pk): c for c in survey.collectors.filter(kind=Collector.Kind.INVITATION)
        }
        self.fields["collector"].choices = [
            *((pk, str(c)) for pk, c in self.collectors.items()),
            (NEW, _("Uusi kutsukanava")),
        ]
        self.parsed = None

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return collecting.invitations_read_upload(upload) if upload else ""

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        text = "\n".join(part for part in (data.get("addresses"), data.get("upload")) if part)
        parsed = collecting.invitations_parse(text)
        if parsed.errors:
            errors = [ValidationError(error, code="bad_line") for error in parsed.errors]
            self.add_error("addresses", errors)
        elif not parsed.rows:
            self.add_error("addresses", _("Anna vähintään yksi sähköpostiosoite."))
        data["collector_object"] = self.collectors.get(data.get("collector"))
        self.parsed = parsed
        return data


class ReminderForm(forms.Form):
    send_day = forms.DateField(label=_("Päivä"), widget=DATE)
    send_time = forms.TimeField(label=_("Kellonaika"), widget=TIME, initial="09:00")

    def clean(self):
        data = super().clean()
        if data.get("send_day") and data.get("send_time"):
            data["send_at"] = collecting.helsinki(data["send_day"], data["send_time"])
        return data
