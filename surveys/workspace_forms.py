"""Forms of the survey builder (surveys/workspace_views.py). Business rules live in
surveys/builder.py; these forms only read and check what was typed."""

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from .models import Choice, Condition, Page, Question, Statement, Survey

LIKERT_FIELDS = (
    "scale_size",
    "scale_min_label_fi",
    "scale_min_label_sv",
    "scale_max_label_fi",
    "scale_max_label_sv",
    "allow_dont_know",
)

CHOICE_LIMIT_FIELDS = ("min_choices", "max_choices")
NUMBER_FIELDS = ("number_min", "number_max")

# Pairs of Finnish and Swedish fields shown side by side, by form.
SURVEY_LANG_PAIRS = [
    ("title_fi", "title_sv"),
    ("intro_fi", "intro_sv"),
    ("thank_you_fi", "thank_you_sv"),
]


class SurveySettingsForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "title_fi",
            "title_sv",
            "intro_fi",
            "intro_sv",
            "thank_you_fi",
            "thank_you_sv",
            "series",
            "anonymous",
            "is_listed",
        ]
        labels = {
            "title_fi": _("Otsikko suomeksi"),
            "title_sv": _("Otsikko ruotsiksi"),
            "intro_fi": _("Johdanto suomeksi"),
            "intro_sv": _("Johdanto ruotsiksi"),
            "thank_you_fi": _("Kiitosteksti suomeksi"),
            "thank_you_sv": _("Kiitosteksti ruotsiksi"),
        }
        widgets = {
            "intro_fi": forms.Textarea(attrs={"rows": 4}),
            "intro_sv": forms.Textarea(attrs={"rows": 4}),
            "thank_you_fi": forms.Textarea(attrs={"rows": 2}),
            "thank_you_sv": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fi"].required = True


class SurveyCreateForm(forms.Form):
    title_fi = forms.CharField(label=_("Otsikko suomeksi"), max_length=200)
    title_sv = forms.CharField(label=_("Otsikko ruotsiksi"), max_length=200, required=False)
    series = forms.SlugField(
        label=_("Sarja"),
        max_length=100,
        help_text=_(
            "Saman sarjan kierroksia voi verrata keskenään. Pienet kirjaimet, numerot ja "
            "väliviivat, esim. verkostokysely."
        ),
    )
    template = forms.ChoiceField(label=_("Pohja"), required=False)

    def __init__(self, *args, templates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", _("Tyhjä kysely")), *templates]

    def clean_series(self):
        series = self.cleaned_data["series"]
        if Survey.objects.filter(series=series, round=1).exists():
            raise forms.ValidationError(
                _(
                    "Sarjalla on jo ensimmäinen kierros. Valitse toinen sarja tai kopioi "
                    "kysely seuraavaksi kierrokseksi."
                ),
                code="series_taken",
            )
        return series


class SurveyImportForm(forms.Form):
    file = forms.FileField(
        label=_("Kyselyn määrittelytiedosto (JSON)"),
        help_text=_("Tiedosto, jonka sait toisen kyselyn viennistä (enintään 1 Mt)."),
    )
    series = SurveyCreateForm.base_fields["series"]

    clean_series = SurveyCreateForm.clean_series

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(_("Tiedosto on liian suuri (enintään 1 Mt)."))
        return upload


class PageEditForm(forms.ModelForm):
    class Meta:
        model = Page
        fields = ["title_fi", "title_sv", "intro_fi", "intro_sv"]
        labels = {
            "title_fi": _("Otsikko suomeksi"),
            "title_sv": _("Otsikko ruotsiksi"),
            "intro_fi": _("Johdanto suomeksi"),
            "intro_sv": _("Johdanto ruotsiksi"),
        }
        widgets = {
            "intro_fi": forms.Textarea(attrs={"rows": 3}),
            "intro_sv": forms.Textarea(attrs={"rows": 3}),
        }


class QuestionAddForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kysymyksen laji"), choices=Question.Kind.choices)
    text_fi = forms.CharField(label=_("Kysymys suomeksi"), max_length=500)
    text_sv = forms.CharField(label=_("Kysymys ruotsiksi"), max_length=500, required=False)


class QuestionForm(forms.ModelForm):
    """A question's own fields; the scale's only for a Likert group (as it is stored)."""

    scale_size = forms.IntegerField(
        label=_("Asteikon pituus"),
        min_value=2,
        max_value=10,
        help_text=_("Väittämäryhmän asteikko 1–N, jossa N on 2–10."),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text_fi",
            "text_sv",
            "help_text_fi",
            "help_text_sv",
            "required",
            *LIKERT_FIELDS,
            *CHOICE_LIMIT_FIELDS,
            *NUMBER_FIELDS,
        ]
        labels = {
            "text_fi": _("Kysymys suomeksi"),
            "text_sv": _("Kysymys ruotsiksi"),
            "help_text_fi": _("Ohje suomeksi"),
            "help_text_sv": _("Ohje ruotsiksi"),
            "scale_min_label_fi": _("Asteikon alapää suomeksi"),
            "scale_min_label_sv": _("Asteikon alapää ruotsiksi"),
            "scale_max_label_fi": _("Asteikon yläpää suomeksi"),
            "scale_max_label_sv": _("Asteikon yläpää ruotsiksi"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text_fi"].required = True
        kind = self.instance.kind
        unused = {
            *(LIKERT_FIELDS if kind != Question.Kind.LIKERT else ()),
            *(CHOICE_LIMIT_FIELDS if kind != Question.Kind.MULTIPLE else ()),
            *(NUMBER_FIELDS if kind != Question.Kind.NUMBER else ()),
        }
        for name in unused:
            del self.fields[name]
        for name in ("number_min", "number_max"):
            if name in self.fields:
                self.fields[name].localize = True
                self.fields[name].widget.is_localized = True


def _part_formset(model, extra_fields=()):
    return inlineformset_factory(
        Question,
        model,
        fields=["order", "text_fi", "text_sv", *extra_fields],
        labels={
            "order": _("Järjestys"),
            "text_fi": _("Suomeksi"),
            "text_sv": _("Ruotsiksi"),
            "is_other": _("Muu, mikä? (vastaaja kirjoittaa tarkennuksen)"),
        },
        extra=2,
        can_delete=True,
    )


StatementFormSet = _part_formset(Statement)
ChoiceFormSet = _part_formset(Choice, ["is_other"])


def part_formsets(question: Question, data=None, auto_id="id_%s") -> list:
    """The statement rows of a Likert group, the choice rows of a choice question.
    `auto_id` gives the fields other ids (not names) where several forms share a page."""
    if question.kind == Question.Kind.LIKERT:
        return [StatementFormSet(data, instance=question, prefix="statements", auto_id=auto_id)]
    if question.has_choices:
        return [ChoiceFormSet(data, instance=question, prefix="choices", auto_id=auto_id)]
    return []


class QuestionMoveForm(forms.Form):
    page = forms.ModelChoiceField(label=_("Siirrä sivulle"), queryset=Page.objects.none())

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = survey.pages.all()


class ConditionForm(forms.Form):
    """A display condition, built by choosing an earlier question's answers (a choice
    question) or a statement and a value (a Likert group); never by typing ids.

    `sources` are the questions on earlier pages, with statements and choices loaded.
    """

    answers = forms.MultipleChoiceField(
        label=_("Näytä, kun vastaus on jokin näistä"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Valittua vastausta ei voi käyttää: se on poistettu, tai sen kysymys ei ole "
                "aiemmalla sivulla. Valitse aiemman sivun kysymyksen vastaus."
            )
        },
    )
    statement = forms.ChoiceField(
        label=_("tai näytä väittämän vastauksen mukaan"),
        required=False,
        error_messages={
            "invalid_choice": _(
                "Valittua väittämää ei voi käyttää: se on poistettu, tai sen kysymys ei ole "
                "aiemmalla sivulla."
            )
        },
    )
    operator = forms.ChoiceField(
        label=_("Ehto"),
        required=False,
        choices=[
            (Condition.Operator.AT_LEAST, _("vähintään")),
            (Condition.Operator.AT_MOST, _("enintään")),
        ],
    )
    value = forms.IntegerField(label=_("Asteikon arvo"), required=False, min_value=1, max_value=10)

    def __init__(self, *args, sources, numbers, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = list(sources)
        self._choices = {}
        self._statements = {}
        answer_groups, statement_groups = [], [("", "–")]
        for question in self.sources:
            label = f"{numbers.get(question.pk, '?')}. {question.text}"
            if question.has_choices:
                options = []
                for choice in question.choices.all():
                    self._choices[str(choice.pk)] = choice
                    options.append((str(choice.pk), choice.text))
                if options:
                    answer_groups.append((label, options))
            elif question.is_likert:
                options = []
                for statement in question.statements.all():
                    self._statements[str(statement.pk)] = (statement, question)
                    options.append((str(statement.pk), statement.text))
                if options:
                    statement_groups.append((label, options))
        self.fields["answers"].choices = answer_groups
        self.fields["statement"].choices = statement_groups

    def clean(self):
        data = super().clean()
        answers = data.get("answers") or []
        statement = data.get("statement")
        if self.errors:
            return data
        if answers:
            choices = [self._choices[pk] for pk in answers]
            sources = {choice.question_id for choice in choices}
            if len(sources) > 1:
                self.add_error("answers", _("Valitse vastaukset samasta kysymyksestä."))
                return data
            data["source"] = next(q for q in self.sources if q.pk in sources)
            data["operator"] = Condition.Operator.CHOICE_IN
            data["choices"] = choices
            return data
        if statement:
            statement_obj, question = self._statements[statement]
            value = data.get("value")
            if value is None or not 1 <= value <= question.scale_size:
                self.add_error(
                    "value",
                    _("Kirjoita asteikon arvo 1–%(size)s.") % {"size": question.scale_size},
                )
                return data
            if not data.get("operator"):
                self.add_error("operator", _("Valitse vähintään tai enintään."))
                return data
            data["source"] = question
            data["statement_obj"] = statement_obj
            data["choices"] = []
            return data
        self.add_error("answers", _("Valitse vastaukset tai väittämä, joiden mukaan näytetään."))
        return data


class QuestionBankSearchForm(forms.Form):
    q = forms.CharField(label=_("Hae kysymyksiä tekstin mukaan"), max_length=200, required=False)
