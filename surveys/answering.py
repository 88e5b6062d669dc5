"""Answering a survey page by page, without session or cookie.

The answers so far travel in a signed draft (a hidden form field): it names the
survey, the submission key, the collector or invitation and the current page, so
the form works in another site's iframe where the browser sends no cookies. The
signature doubles as the form token (the views are CSRF-exempt). Nothing is
written until the last page: then services.response_submit saves the whole
response in one transaction, once per submission key.

Stored answers, by question id (as a string):
    likert        {"<statement id>": 1..N or "dk"}
    single        <choice id>
    multiple      [<choice id>, ...]
    project       <project id>
    number        "<decimal>"
    short / long  "<text>"

The text a respondent writes beside a choice marked "other, what?" (Choice.is_other) is kept
apart, in the draft's `other` ({"<question id>": "<text>"}), and stored in the chosen
choice's Answer.text.
"""

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.content_cache import current_generations, local_memo
from core.signed import Between, Id, Match, MaxLength, signed_load
from core.translation_utils import current_language
from projects.models import Project

from .models import DONT_KNOW_LABEL, Condition, Page, Question, Survey, plain_number

DRAFT_SALT = "surveys.draft"
DRAFT_MAX_AGE = 60 * 60 * 24 * 60  # a draft link or an open tab keeps for two months
TEXT_MAX = {Question.Kind.SHORT_TEXT: 500, Question.Kind.LONG_TEXT: 5000}
OTHER_MAX = 500

# The shapes of the stored answers (the module docstring), as the draft's schema checks them.
IdText = Annotated[str, Match(r"[1-9][0-9]{0,17}")]
LikertAnswer = dict[IdText, Annotated[int, Between(1, 10)] | Literal["dk"]]
StoredAnswer = Id | list[Id] | LikertAnswer | Annotated[str, MaxLength(max(TEXT_MAX.values()))]
UUID_TEXT = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
NUMBER_FIELD = {"max_digits": 14, "decimal_places": 4}  # as Answer.number stores it


@dataclass
class Draft:
    survey: Id
    key: Annotated[str, Match(UUID_TEXT)]
    started: Annotated[float, Between(0, 253402300799)]  # a timestamp before year 10000
    page: Id | None = None
    answers: dict[IdText, StoredAnswer] = field(default_factory=dict)
    collector: Id | None = None
    invitation: Id | None = None
    test: bool = False
    counted: bool = False
    saved: Annotated[str, MaxLength(64)] | None = None
    other: dict[IdText, Annotated[str, MaxLength(OTHER_MAX)]] = field(default_factory=dict)
    # Pages this draft has been counted as arriving at and going on from (PageReach).
    arrived: Annotated[list[Id], MaxLength(200)] = field(default_factory=list)
    passed: Annotated[list[Id], MaxLength(200)] = field(default_factory=list)

    def dumps(self) -> str:
        return signing.dumps(asdict(self), salt=DRAFT_SALT, compress=True)

    @classmethod
    def loads(
        cls, token: str, *, structure: "Structure", max_age: int | None = DRAFT_MAX_AGE
    ) -> "Draft | None":
        """The draft, or None when forged, expired or of another survey. A draft kept in
        the database for a "continue later" link is trusted by its row and has no age.

        Raises SignedValueInvalid when it is signed but does not fit the schema. An answer
        that no longer fits its question (edited since, or a project no longer listed) is
        dropped, and the question is asked again.
        """
        try:
            draft = signed_load(token or "", salt=DRAFT_SALT, schema=cls, max_age=max_age)
        except signing.BadSignature:
            return None
        if draft.survey != structure.survey.pk:
            return None
        draft.answers = {k: v for k, v in draft.answers.items() if structure.fits(k, v)}
        return draft

    @property
    def started_at(self):
        return datetime.fromtimestamp(self.started, tz=UTC)


# The questionnaire, loaded in a fixed number of queries ------------------------------------


class Structure:
    """A survey's pages, questions, statements, choices and conditions (8 queries)."""

    def __init__(self, survey: Survey):
        self.survey = survey
        conditions = Condition.objects.prefetch_related("choices")
        questions = Question.objects.prefetch_related(
            "statements", "choices", Prefetch("conditions", queryset=conditions)
        ).order_by("order", "pk")
        self.pages: list[Page] = list(
            survey.pages.prefetch_related(
                Prefetch("questions", queryset=questions),
                Prefetch("conditions", queryset=conditions),
            )
        )
        self._projects: dict[tuple, list[Project]] = {}

    @classmethod
    def for_survey(cls, survey: Survey) -> "Structure":
        """The structure kept in this process while the surveys' generation stands (any
        edit of a survey retires it); requests share it and only read it (its project list
        is kept by the projects' generation, see projects())."""
        return local_memo(("survey-structure", survey.pk), "surveys", lambda: cls(survey))

    def fits(self, question_key: str, value) -> bool:
        """Whether a stored answer has the shape of its question's kind (see the module
        docstring); answers of questions no longer in the survey are left to `prune`."""
        question = self._questions().get(int(question_key))
        if question is None:
            return True
        kind = question.kind
        if kind == Question.Kind.LIKERT:
            return isinstance(value, dict)
        if kind == Question.Kind.MULTIPLE:
            return isinstance(value, list)
        if kind == Question.Kind.SINGLE:
            return isinstance(value, int)
        if kind == Question.Kind.PROJECT:
            return isinstance(value, int) and value in {p.pk for p in self.projects()}
        if not isinstance(value, str):
            return False
        if kind == Question.Kind.NUMBER:
            try:
                forms.DecimalField(**NUMBER_FIELD).clean(value)
            except ValidationError:
                return False
            return True
        return len(value) <= TEXT_MAX.get(kind, 0)

    def _questions(self) -> dict[int, Question]:
        return {q.pk: q for page in self.pages for q in page.questions.all()}

    def projects(self) -> list[Project]:
        """The network projects a project question offers, in the current language's order.
        Kept with the structure while the projects' generation stands: a structure is shared
        between requests and outlives the projects' edits (only the surveys' retire it)."""
        generation = (current_generations() or {}).get("projects")
        key = (current_language(), generation)
        projects = self._projects.get(key)
        if projects is None:
            projects = list(Project.objects.network().published().order_by("name"))
            # Another language's list of the same generation stays; an older one goes.
            kept = {k: v for k, v in self._projects.items() if k[1] == generation}
            self._projects = {**kept, key: projects}
        return projects

    @staticmethod
    def shown(item, answers: dict) -> bool:
        return all(condition.matches(answers) for condition in item.conditions.all())

    def in_force(self, answers: dict) -> dict:
        """The answers that count for what is shown: those of questions still shown. An
        answer on a page an earlier change hides stays in the draft (going back restores
        it) but decides nothing, as it counts for nothing when the response is saved."""
        return self.prune(answers)[0]

    def visible_pages(self, answers: dict) -> list[Page]:
        kept = self.in_force(answers)
        return [page for page in self.pages if self.shown(page, kept)]

    def expected_pages(self, answers: dict, current: Page) -> list[Page]:
        """Pages shown so far plus later pages whose conditions are not decided yet."""
        current_key = (current.order, current.pk)
        answers = self.in_force(answers)
        source_pages = {q.pk: (p.order, p.pk) for p in self.pages for q in p.questions.all()}
        expected = []
        for page in self.pages:
            undecided = any(
                str(c.source_id) not in answers
                and source_pages.get(c.source_id, current_key) >= current_key
                for c in page.conditions.all()
            )
            if self.shown(page, answers) or undecided:
                expected.append(page)
        return expected

    def visible_questions(self, page: Page, answers: dict) -> list[Question]:
        kept = self.in_force(answers)
        return [q for q in page.questions.all() if self.shown(q, kept)]

    def prune(self, answers: dict) -> tuple[dict, list[Question]]:
        """Only the answers of questions still shown (an earlier change may hide some)."""
        kept: dict = {}
        shown: list[Question] = []
        for page in self.pages:
            if not self.shown(page, kept):
                continue
            for question in page.questions.all():
                if self.shown(question, kept):
                    shown.append(question)
                    if str(question.pk) in answers:
                        kept[str(question.pk)] = answers[str(question.pk)]
        return kept, shown


# One page as a form ------------------------------------------------------------------------


def field_name(question: Question, statement=None) -> str:
    return f"q{question.pk}_{statement.pk}" if statement else f"q{question.pk}"


def other_field_name(question: Question) -> str:
    return f"q{question.pk}_muu"


def other_choice(question: Question):
    """The choice of a choice question marked "other, what?" (None when it has none)."""
    if not question.has_choices:
        return None
    return next((choice for choice in question.choices.all() if choice.is_other), None)


REQUIRED = {"required": _("Vastaa tähän kysymykseen.")}


def _likert_choices(question: Question) -> list[tuple[str, str]]:
    """The scale's values, its two ends labelled, and "don't know" when allowed."""
    values = question.scale_values()
    ends = {values[0]: question.min_label, values[-1]: question.max_label}
    choices = [(str(v), f"{v} {ends[v]}" if v in ends else str(v)) for v in values]
    if question.allow_dont_know:
        choices.append(("dk", DONT_KNOW_LABEL))
    return choices


def _statement_field(statement, question: Question, choices) -> forms.Field:
    return forms.ChoiceField(
        label=statement.text,
        choices=choices,
        widget=forms.RadioSelect,
        required=question.required,
        error_messages={
            "required": _("Valitse vastaus tähän väittämään."),
            "invalid_choice": _("Valitse vastaus asteikolta."),
        },
    )


# One field per kind of plain question: (form field, its initial value from `stored`).


def _single_field(question: Question, stored, structure, common: dict):
    formfield = forms.ChoiceField(
        choices=[(str(c.pk), c.text) for c in question.choices.all()],
        widget=forms.RadioSelect,
        error_messages={
            **REQUIRED,
            "invalid_choice": _("Valitse yksi annetuista vaihtoehdoista."),
        },
        **common,
    )
    return formfield, str(stored) if stored else None


def _choice_count_validators(question: Question) -> list:
    """The minimum and maximum number of choices of a multiple choice (when set)."""
    validators = []
    if question.min_choices:

        def at_least(value, low=question.min_choices):
            if len(value) < low:
                raise ValidationError(
                    ngettext_lazy(
                        "Valitse vähintään %(low)d vaihtoehto.",
                        "Valitse vähintään %(low)d vaihtoehtoa.",
                        "low",
                    )
                    % {"low": low},
                    code="too_few",
                )

        validators.append(at_least)
    if question.max_choices:

        def at_most(value, high=question.max_choices):
            if len(value) > high:
                raise ValidationError(
                    ngettext_lazy(
                        "Valitse enintään %(high)d vaihtoehto.",
                        "Valitse enintään %(high)d vaihtoehtoa.",
                        "high",
                    )
                    % {"high": high},
                    code="too_many",
                )

        validators.append(at_most)
    return validators


class DistinctChoicesField(forms.MultipleChoiceField):
    """Each choice once: a posted list naming one choice twice counts it once (it would
    pass the minimum and break the one-answer-per-choice rule on saving)."""

    def to_python(self, value):
        return list(dict.fromkeys(super().to_python(value)))


def _multiple_field(question: Question, stored, structure, common: dict):
    formfield = DistinctChoicesField(
        validators=_choice_count_validators(question),
        choices=[(str(c.pk), c.text) for c in question.choices.all()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Valitse vähintään yksi vaihtoehto."),
            "invalid_choice": _("Valitse annetuista vaihtoehdoista."),
            "invalid_list": _("Valitse annetuista vaihtoehdoista."),
        },
        **common,
    )
    return formfield, [str(v) for v in stored] if stored else None


def _project_field(question: Question, stored, structure, common: dict):
    formfield = forms.ChoiceField(
        choices=[(str(p.pk), p.name) for p in structure.projects()],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Valitse hanke."),
            "invalid_choice": _("Valitse yksi luettelon hankkeista."),
        },
        **common,
    )
    return formfield, str(stored) if stored else None


def _number_field(question: Question, stored, structure, common: dict):
    formfield = forms.DecimalField(
        **NUMBER_FIELD,
        min_value=question.number_min,
        max_value=question.number_max,
        error_messages={
            **REQUIRED,
            "invalid": _("Kirjoita luku, esim. 12 tai 3,5."),
            "min_value": _("Kirjoita luku, joka on vähintään %(low)s.")
            % {"low": plain_number(question.number_min)},
            "max_value": _("Kirjoita luku, joka on enintään %(high)s.")
            % {"high": plain_number(question.number_max)},
        },
        localize=True,
        **common,
    )
    return formfield, Decimal(stored) if stored else None


def _text_field(question: Question, stored, structure, common: dict):
    formfield = forms.CharField(
        max_length=TEXT_MAX[question.kind],
        widget=forms.Textarea(attrs={"rows": 5})
        if question.kind == Question.Kind.LONG_TEXT
        else forms.TextInput,
        error_messages={
            **REQUIRED,
            "max_length": ngettext_lazy(
                "Vastaus on liian pitkä (enintään %(limit_value)d merkki).",
                "Vastaus on liian pitkä (enintään %(limit_value)d merkkiä).",
                "limit_value",
            ),
        },
        **common,
    )
    return formfield, stored or None


FIELD_BUILDERS = {
    Question.Kind.SINGLE: _single_field,
    Question.Kind.MULTIPLE: _multiple_field,
    Question.Kind.PROJECT: _project_field,
    Question.Kind.NUMBER: _number_field,
}


class PageForm(forms.Form):
    """The visible questions of one page; `blocks` tells the template how to lay them out."""

    def __init__(
        self,
        *args,
        structure: Structure,
        page: Page,
        answers: dict,
        all_questions=False,
        others: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        others = others or {}
        self.questions = (
            list(page.questions.all())
            if all_questions
            else structure.visible_questions(page, answers)
        )
        self.blocks = []
        for question in self.questions:
            stored = answers.get(str(question.pk))
            if question.kind == Question.Kind.LIKERT:
                names = self._add_statements(question, stored)
            else:
                names = [self._add_question(question, stored, structure)]
                other = other_choice(question)
                if other is not None:
                    names.append(self._add_other(question, other, others))
            self.blocks.append({"question": question, "names": names})

    def _add_other(self, question: Question, choice, others: dict) -> str:
        """The text beside an "other, what?" choice; needed only when the choice is chosen."""
        name = other_field_name(question)
        self.fields[name] = forms.CharField(
            label=_("%(choice)s: mikä?") % {"choice": choice.text},
            required=False,
            max_length=OTHER_MAX,
            error_messages={
                "max_length": ngettext_lazy(
                    "Vastaus on liian pitkä (enintään %(limit_value)d merkki).",
                    "Vastaus on liian pitkä (enintään %(limit_value)d merkkiä).",
                    "limit_value",
                )
            },
        )
        if others.get(str(question.pk)):
            self.initial[name] = others[str(question.pk)]
        return name

    def clean(self):
        data = super().clean()
        for question in self.questions:
            other = other_choice(question)
            if other is None or other_field_name(question) in self.errors:
                continue
            chosen = data.get(field_name(question))
            chosen = chosen if isinstance(chosen, list) else [chosen]
            if str(other.pk) in chosen and not (data.get(other_field_name(question)) or "").strip():
                self.add_error(other_field_name(question), _("Kirjoita, mikä."))
        return data

    def others(self) -> dict:
        """The "other, what?" texts of this page's questions whose other choice is chosen."""
        result = {}
        for question in self.questions:
            other = other_choice(question)
            if other is None:
                continue
            chosen = self.cleaned_data.get(field_name(question))
            chosen = chosen if isinstance(chosen, list) else [chosen]
            text = (self.cleaned_data.get(other_field_name(question)) or "").strip()
            if str(other.pk) in chosen and text:
                result[str(question.pk)] = text
        return result

    def _add_statements(self, question: Question, stored) -> list[str]:
        """A Likert group: one scale field per statement."""
        choices = _likert_choices(question)
        names = []
        for statement in question.statements.all():
            name = field_name(question, statement)
            self.fields[name] = _statement_field(statement, question, choices)
            if isinstance(stored, dict) and str(statement.pk) in stored:
                self.initial[name] = str(stored[str(statement.pk)])
            names.append(name)
        return names

    def _add_question(self, question: Question, stored, structure: Structure) -> str:
        """A plain question: one field of its kind (short and long text otherwise)."""
        name = field_name(question)
        common = {
            "label": question.text,
            "required": question.required,
            "help_text": question.help_text,
        }
        build = FIELD_BUILDERS.get(question.kind, _text_field)
        self.fields[name], initial = build(question, stored, structure, common)
        if initial is not None:
            self.initial[name] = initial
        return name

    def bound_blocks(self):
        return [
            {"question": block["question"], "fields": [self[name] for name in block["names"]]}
            for block in self.blocks
        ]

    def answers(self) -> dict:
        """The cleaned answers of this page in the stored shape (blank ones left out)."""
        result: dict = {}
        data = self.cleaned_data
        for question in self.questions:
            if question.kind == Question.Kind.LIKERT:
                values = {}
                for statement in question.statements.all():
                    given = data.get(field_name(question, statement))
                    if given:
                        values[str(statement.pk)] = "dk" if given == "dk" else int(given)
                if values:
                    result[str(question.pk)] = values
                continue
            given = data.get(field_name(question))
            if given in (None, "", []):
                continue
            if question.kind == Question.Kind.MULTIPLE:
                result[str(question.pk)] = [int(v) for v in given]
            elif question.kind in (Question.Kind.SINGLE, Question.Kind.PROJECT):
                result[str(question.pk)] = int(given)
            elif question.kind == Question.Kind.NUMBER:
                result[str(question.pk)] = str(given)
            else:
                result[str(question.pk)] = given
        return result


def merge_page_others(others: dict, form: PageForm) -> dict:
    """This page's "other, what?" texts replace what was stored for its questions."""
    page = {str(q.pk) for q in form.questions}
    merged = {k: v for k, v in others.items() if k not in page}
    merged.update(form.others() if hasattr(form, "cleaned_data") else {})
    return merged


def merge_page_answers(answers: dict, form: PageForm, page_answers: dict) -> dict:
    """This page's answers replace what was stored for its questions (cleared ones go)."""
    merged = {k: v for k, v in answers.items() if int(k) not in {q.pk for q in form.questions}}
    merged.update(page_answers)
    return merged
