"""The workspace's forms for events: the editor, publishing, materials and filters."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.roles import coordinated_project_ids
from core.workspace_forms import EditConflictMixin
from projects.forms import ProjectsKeptFormMixin
from projects.models import Project

from .models import Event, EventMaterial, Registration

LOCAL_DATETIME = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker; the value is Helsinki time (TIME_ZONE)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=LOCAL_DATETIME)


def local_datetime_field(label, *, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=LocalDateTimeInput(),
        input_formats=[LOCAL_DATETIME, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Anna päivä ja kellonaika."),
            "invalid": _("Anna päivä ja kellonaika muodossa 31.12.2030 klo 9.00."),
        },
    )


# The translated fields in pairs: the editor shows Finnish and Swedish side by side.
TRANSLATED = {
    "title": (_("Otsikko suomeksi"), _("Otsikko ruotsiksi")),
    "description": (_("Kuvaus suomeksi"), _("Kuvaus ruotsiksi")),
    "audience": (_("Kohderyhmä suomeksi"), _("Kohderyhmä ruotsiksi")),
}
VENUE_FIELDS = {
    "venue": (_("Tapahtumapaikka suomeksi"), _("Tapahtumapaikka ruotsiksi")),
    "address": (_("Osoite suomeksi"), _("Osoite ruotsiksi")),
}
# Fields that belong to one way of taking part only: cleared when the format has no
# such part, so that a hidden, stale value never reaches visitors.
IN_PERSON_ONLY = ("venue_fi", "venue_sv", "address_fi", "address_sv", "capacity_in_person")
REMOTE_ONLY = ("online_url", "online_link_public", "capacity_remote")


class EventForm(EditConflictMixin, ProjectsKeptFormMixin, forms.ModelForm):
    starts_at = local_datetime_field(_("Alkaa"))
    ends_at = local_datetime_field(_("Päättyy"))
    registration_deadline = local_datetime_field(
        _("Ilmoittautumisen takaraja"),
        required=False,
        help_text=_("Tyhjä tarkoittaa, että ilmoittautuminen päättyy tapahtuman alkaessa."),
    )

    class Meta:
        model = Event
        fields = [
            "title_fi",
            "title_sv",
            "description_fi",
            "description_sv",
            "audience_fi",
            "audience_sv",
            "projects",
            "themes",
            "languages",
            "starts_at",
            "ends_at",
            "all_day",
            "format",
            "venue_fi",
            "venue_sv",
            "address_fi",
            "address_sv",
            "online_url",
            "online_link_public",
            "registration_enabled",
            "registration_deadline",
            "capacity_in_person",
            "capacity_remote",
        ]
        widgets = {
            "projects": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "format": forms.RadioSelect,
        }
        labels = {
            "projects": _("Järjestävät hankkeet"),
            "themes": _("Teemat"),
            "languages": _("Tapahtuman kieli"),
            "all_day": _("Koko päivän tapahtuma"),
            "format": _("Toteutustapa"),
            "online_url": _("Etäyhteyden osoite"),
            "online_link_public": _("Etäyhteyden osoite näkyy kaikille"),
            "registration_enabled": _("Ilmoittautuminen käytössä"),
            "capacity_in_person": _("Paikkoja paikan päällä"),
            "capacity_remote": _("Etäpaikkoja"),
        }
        help_texts = {
            "projects": _("Valitse hankkeet, jotka järjestävät tapahtuman."),
            "description_fi": _("Mitä tapahtumassa tehdään ja kenelle se sopii."),
            "description_sv": _("Jätä tyhjäksi, jos ruotsinkielistä kuvausta ei vielä ole."),
            "online_url": _("Esimerkiksi Teams- tai Zoom-kokouksen linkki."),
            "online_link_public": _("Muuten osoite lähetetään vain ilmoittautuneille."),
            "capacity_in_person": _("Tyhjä tarkoittaa rajatonta määrää."),
            "capacity_remote": _("Tyhjä tarkoittaa rajatonta määrää."),
            "registration_enabled": _(
                "Kun paikat täyttyvät, uudet ilmoittautujat pääsevät jonoon. Vapautuva paikka "
                "tarjotaan jonossa seuraavalle."
            ),
        }

    def __init__(self, *args, editor, **kwargs):
        super().__init__(*args, editor=editor, **kwargs)
        for name, (label_fi, label_sv) in {**TRANSLATED, **VENUE_FIELDS}.items():
            self.fields[f"{name}_fi"].label = label_fi
            self.fields[f"{name}_sv"].label = label_sv
        self.fields["title_fi"].required = True
        self.fields["title_fi"].error_messages["required"] = _(
            "Kirjoita tapahtuman otsikko suomeksi."
        )
        self.fields["title_sv"].help_text = _(
            "Jätä tyhjäksi, jos ruotsinkielistä otsikkoa ei vielä ole: ruotsinkielinen "
            "sivu näyttää silloin suomenkielisen tekstin."
        )
        projects = self.fields["projects"]
        projects.error_messages["required"] = _("Valitse ainakin yksi järjestävä hanke.")
        projects.queryset = projects.queryset.order_by("name")
        self.fields["themes"].queryset = self.fields["themes"].queryset.order_by("number")
        self.fields["themes"].required = False
        self.fields["format"].choices = Event.Format.choices
        if self.instance.pk is None and not self.is_bound:
            own = coordinated_project_ids(editor)
            if len(own) == 1:
                self.initial["projects"] = list(own)
        for name in ("capacity_in_person", "capacity_remote"):
            self.fields[name].error_messages["invalid"] = _("Anna paikkojen määrä numerona.")
            self.fields[name].error_messages["min_value"] = _(
                "Paikkojen määrä ei voi olla negatiivinen."
            )
        self.fields["online_url"].error_messages["invalid"] = _(
            "Kirjoita osoite kokonaan, esimerkiksi https://teams.microsoft.com/…"
        )

    @property
    def kept_project_names(self) -> list[str]:
        return [str(project) for project in self.kept_projects()]

    def missing_swedish(self) -> list[str]:
        """The Swedish texts not written though the Finnish one is."""
        missing = []
        for name in TRANSLATED:
            value_fi = self._value(f"{name}_fi")
            if value_fi and not self._value(f"{name}_sv"):
                missing.append(name)
        return missing

    def _value(self, name):
        value = self[name].value()
        return (value or "").strip() if isinstance(value, str) else value

    def clean(self):
        data = super().clean()
        event_format = data.get("format")
        if event_format == Event.Format.IN_PERSON:
            for name in REMOTE_ONLY:
                data[name] = False if name == "online_link_public" else None
            data["online_url"] = ""
        elif event_format == Event.Format.REMOTE:
            for name in IN_PERSON_ONLY:
                data[name] = None if name.startswith("capacity") else ""
        if data.get("online_link_public") and not data.get("online_url"):
            self.add_error(
                "online_url",
                _("Kirjoita etäyhteyden osoite, tai poista valinta, että se näkyy kaikille."),
            )
        return data


class PublishForm(forms.Form):
    NOW = "now"
    LATER = "later"

    when = forms.ChoiceField(
        label=_("Milloin tapahtuma julkaistaan?"),
        widget=forms.RadioSelect,
        choices=[(NOW, _("Julkaise nyt")), ("later", _("Julkaise myöhemmin"))],
        initial=NOW,
        error_messages={"required": _("Valitse, julkaistaanko nyt vai myöhemmin.")},
    )
    publish_at = local_datetime_field(
        _("Julkaisuaika"),
        required=False,
        help_text=_("Tapahtuma tulee näkyviin tällöin (Suomen aikaa)."),
    )

    def clean(self):
        data = super().clean()
        if data.get("when") == self.LATER:
            at = data.get("publish_at")
            if at is None:
                if "publish_at" not in self.errors:
                    self.add_error("publish_at", _("Anna julkaisuaika."))
            elif at <= timezone.now():
                self.add_error("publish_at", _("Julkaisuajan pitää olla tulevaisuudessa."))
        else:
            data["publish_at"] = None
        return data


class MaterialForm(forms.ModelForm):
    class Meta:
        model = EventMaterial
        fields = ["title_fi", "title_sv", "file", "url"]
        labels = {
            "title_fi": _("Otsikko suomeksi"),
            "title_sv": _("Otsikko ruotsiksi"),
            "file": _("Tiedosto"),
            "url": _("tai linkki"),
        }
        help_texts = {
            "file": _("Esimerkiksi esityksen diat PDF-tiedostona."),
            "url": _("Esimerkiksi tallenteen osoite."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True
        self.fields["title_fi"].error_messages["required"] = _(
            "Kirjoita materiaalin otsikko suomeksi."
        )
        self.fields["url"].error_messages["invalid"] = _(
            "Kirjoita osoite kokonaan, esimerkiksi https://example.org/tallenne."
        )


REGISTRATION_FILTERS = {
    "vahvistetut": (_("Vahvistetut"), {"status": Registration.Status.CONFIRMED}),
    "jonossa": (_("Jonossa"), {"status": Registration.Status.WAITING}),
    "tarjottu": (_("Paikkaa tarjottu"), {"status": Registration.Status.OFFERED}),
    "peruneet": (_("Peruneet"), {"status": Registration.Status.CANCELLED}),
    "osallistuneet": (_("Osallistuneet"), {"attended": True}),
}


class RegistrationFilterForm(forms.Form):
    tila = forms.ChoiceField(
        label=_("Näytä"),
        required=False,
        choices=[("", _("Kaikki ilmoittautumiset"))]
        + [(key, label) for key, (label, _lookup) in REGISTRATION_FILTERS.items()],
    )

    def filter(self, registrations):
        if not self.is_valid() or not self.cleaned_data["tila"]:
            return registrations
        return registrations.filter(**REGISTRATION_FILTERS[self.cleaned_data["tila"]][1])


def editable_projects(user):
    return Project.objects.editable_by(user)
