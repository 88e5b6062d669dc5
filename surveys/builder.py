"""The survey builder's writes (the workspace's survey pages): pages, questions, statements,
choices and display conditions, each change in one transaction.

Everything that would corrupt stored answers is refused with the reason
`Question.change_errors` / `structure_locked_message` give; a condition
must keep pointing to an earlier page, so moves that would break one are refused too. Each
structural change locks the survey row first: a response being saved holds a key-share lock
on it (its foreign key), so the builder and a respondent never interleave half-way.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from . import services
from .models import (
    Answer,
    Choice,
    Condition,
    Page,
    Question,
    Statement,
    Survey,
    structure_locked_message,
)

DIRECTIONS = ("up", "down")


def _locked(survey: Survey) -> Survey:
    return Survey.objects.select_for_update().get(pk=survey.pk)


def question_numbers(pages) -> dict[int, int]:
    """The number of every question in survey order (1, 2, …), as the builder shows them."""
    numbers: dict[int, int] = {}
    for page in pages:
        for question in page.questions.all():
            numbers[question.pk] = len(numbers) + 1
    return numbers


# Pages -------------------------------------------------------------------------------------


@transaction.atomic
def page_create(*, survey: Survey, title_fi: str = "", title_sv: str = "") -> Page:
    survey = _locked(survey)
    last = survey.pages.aggregate(last=Max("order"))["last"] or 0
    page = Page(survey=survey, order=last + 1, title_fi=title_fi, title_sv=title_sv)
    page.full_clean()
    page.save()
    return page


def _renumber_pages(survey: Survey, pages: list[Page]) -> None:
    for number, page in enumerate(pages, 1):
        if page.order != number:
            page.order = number
            page.save(update_fields=["order"])


def _conditions_in_order(survey: Survey) -> list[str]:
    """Messages for conditions whose question is not on an earlier page than its target."""
    pages = list(survey.pages.order_by("order", "pk"))
    position = {page.pk: index for index, page in enumerate(pages)}
    question_page = dict(survey.questions.values_list("pk", "page_id"))
    problems = []
    conditions = Condition.objects.filter(source__survey=survey).select_related("source")
    for condition in conditions:
        target_page = condition.page_id or question_page.get(condition.question_id)
        source_page = question_page.get(condition.source_id)
        if position.get(source_page, -1) >= position.get(target_page, -1):
            problems.append(condition.source.text)
    return problems


def _refuse_if_conditions_break(survey: Survey) -> None:
    problems = _conditions_in_order(survey)
    if problems:
        raise ValidationError(
            _(
                "Siirtoa ei tehty: näyttämisehdon kysymyksen (%(question)s) pitää olla "
                "aiemmalla sivulla kuin se, mitä ehto koskee. Muuta tai poista ehto ensin."
            )
            % {"question": problems[0]},
            code="condition_order",
        )


@transaction.atomic
def page_move(*, page: Page, direction: str) -> None:
    """Move a page one place up or down; refused when a condition would point forward."""
    survey = _locked(page.survey)
    pages = list(survey.pages.order_by("order", "pk"))
    index = next(i for i, p in enumerate(pages) if p.pk == page.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in DIRECTIONS or not 0 <= other < len(pages):
        return
    pages[index], pages[other] = pages[other], pages[index]
    _renumber_pages(survey, pages)
    _refuse_if_conditions_break(survey)


@transaction.atomic
def page_delete(*, page: Page) -> None:
    """Delete a page and its questions; refused once the survey has real responses, when it
    is the survey's only page, or when a condition elsewhere depends on its questions."""
    survey = _locked(page.survey)
    services.ensure_deletable(survey)
    if survey.pages.count() <= 1:
        raise ValidationError(_("Kyselyssä on oltava vähintään yksi sivu."), code="last_page")
    dependent = (
        Condition.objects.filter(source__page=page)
        .exclude(page=page)
        .exclude(question__page=page)
        .exists()
    )
    if dependent:
        raise ValidationError(
            _(
                "Sivun kysymyksiin viittaa toisen sivun tai kysymyksen näyttämisehto. "
                "Poista ehto ensin."
            ),
            code="has_dependents",
        )
    _drop_test_answers(question__page=page)
    page.delete()
    _renumber_pages(survey, list(survey.pages.order_by("order", "pk")))


# Questions ---------------------------------------------------------------------------------


def _next_order(page: Page) -> int:
    return (page.questions.aggregate(last=Max("order"))["last"] or 0) + 1


@transaction.atomic
def question_create(*, page: Page, kind: str, text_fi: str, text_sv: str = "") -> Question:
    """A new question at the end of `page`; a choice question or a Likert group starts
    with two empty-free rows to fill in on its own edit form."""
    _locked(page.survey)
    question = Question(
        survey_id=page.survey_id,
        page=page,
        order=_next_order(page),
        kind=kind,
        text_fi=text_fi,
        text_sv=text_sv,
    )
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def question_update(*, question: Question, formsets=()) -> Question:
    """Save a question edited on its form, with its statement or choice rows.

    `formsets` are bound, valid inline formsets; deleting a row that answers or a condition
    depend on is refused (Question.change_errors decides what an answered survey keeps).
    """
    survey = _locked(question.survey)
    errors = question.change_errors()
    if errors:
        raise ValidationError(errors)
    question.full_clean()  # Question.clean: also a kind its display conditions don't fit
    question.save()
    for formset in formsets:
        for form in formset.deleted_forms:
            if form.instance.pk:
                _refuse_part_delete(survey, form.instance)
                field = "statement" if isinstance(form.instance, Statement) else "choice"
                _drop_test_answers(**{field: form.instance})
        formset.save()
    return question


def _drop_test_answers(**lookup) -> None:
    """Test answers of a part being deleted go with it (they never count; real ones refuse
    the deletion before this)."""
    Answer.objects.filter(response__is_test=True, **lookup).delete()


def _refuse_part_delete(survey: Survey, part: Statement | Choice) -> None:
    if not services.may_delete_part(survey):
        raise ValidationError(structure_locked_message(), code="answered")
    if part.conditions.exists():
        raise ValidationError(
            _("Rivi „%(text)s” on näyttämisehdon vastaus. Poista ehto ensin.")
            % {"text": part.text},
            code="in_condition",
        )


def question_delete_errors(question: Question) -> list[str]:
    """Why this question cannot be deleted now (empty when it can)."""
    if not services.may_delete_part(question.survey):
        return [structure_locked_message()]
    if question.dependent_conditions.exists():
        return [question.dependents_message()]
    return []


@transaction.atomic
def question_delete(*, question: Question) -> None:
    survey = _locked(question.survey)
    services.ensure_deletable(survey)
    if question.dependent_conditions.exists():
        raise ValidationError(question.dependents_message(), code="has_dependents")
    page = question.page
    _drop_test_answers(question=question)
    question.delete()
    _renumber_questions(list(page.questions.order_by("order", "pk")))


def _renumber_questions(questions: list[Question]) -> None:
    for number, question in enumerate(questions, 1):
        if question.order != number:
            question.order = number
            question.save(update_fields=["order"])  # a save: cached structures retire


@transaction.atomic
def question_move(*, question: Question, direction: str) -> None:
    """One place up or down inside its page; past the first or last one, to the end of the
    previous page or the start of the next. Refused when a condition would point forward."""
    survey = _locked(question.survey)
    if direction not in DIRECTIONS:
        return
    page = question.page
    questions = list(page.questions.order_by("order", "pk"))
    index = next(i for i, q in enumerate(questions) if q.pk == question.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(questions):
        questions[index], questions[other] = questions[other], questions[index]
        _renumber_questions(questions)
        _refuse_if_conditions_break(survey)
        return
    pages = list(survey.pages.order_by("order", "pk"))
    page_index = next(i for i, p in enumerate(pages) if p.pk == page.pk)
    target_index = page_index - 1 if direction == "up" else page_index + 1
    if 0 <= target_index < len(pages):
        _move_to(question, pages[target_index], at_end=direction == "up")
        _refuse_if_conditions_break(survey)


def _move_to(question: Question, target: Page, *, at_end: bool = True) -> None:
    source = question.page
    others = [q for q in target.questions.order_by("order", "pk") if q.pk != question.pk]
    ordered = [*others, question] if at_end else [question, *others]
    question.page = target
    question.save(update_fields=["page"])
    _renumber_questions(ordered)
    _renumber_questions(list(source.questions.order_by("order", "pk")))


@transaction.atomic
def question_move_to_page(*, question: Question, page: Page) -> None:
    """Move a question to the end of another page of the same survey."""
    survey = _locked(question.survey)
    if page.survey_id != survey.pk:
        raise ValidationError(_("Sivu kuuluu toiseen kyselyyn."), code="other_survey")
    if page.pk == question.page_id:
        return
    _move_to(question, page)
    _refuse_if_conditions_break(survey)


@transaction.atomic
def questions_reorder(*, page: Page, question_ids: list[int]) -> None:
    """The order of a page's questions as dragged (every question of the page, once)."""
    survey = _locked(page.survey)
    questions = {q.pk: q for q in page.questions.all()}
    if sorted(question_ids) != sorted(questions):
        raise ValidationError(
            _("Järjestys ei vastaa sivun kysymyksiä. Lataa sivu uudelleen."), code="stale"
        )
    _renumber_questions([questions[pk] for pk in question_ids])
    _refuse_if_conditions_break(survey)


@transaction.atomic
def question_copy(*, question: Question, page: Page) -> Question:
    """A copy of a question (from any survey: the question bank) at the end of `page`,
    with its statements and choices; conditions stay behind (they point elsewhere)."""
    _locked(page.survey)
    statements = list(question.statements.all())
    choices = list(question.choices.all())
    copy = Question.objects.get(pk=question.pk)
    copy.pk = copy.id = None
    copy.survey_id = page.survey_id
    copy.page = page
    copy.order = _next_order(page)
    copy.previous = None
    copy.save()
    Statement.objects.bulk_create(
        Statement(question=copy, order=s.order, text_fi=s.text_fi, text_sv=s.text_sv)
        for s in statements
    )
    Choice.objects.bulk_create(
        Choice(question=copy, order=c.order, text_fi=c.text_fi, text_sv=c.text_sv) for c in choices
    )
    return copy


# Conditions --------------------------------------------------------------------------------


@transaction.atomic
def condition_create(
    *,
    source: Question,
    operator: str,
    target_page: Page | None = None,
    target_question: Question | None = None,
    choices=(),
    statement: Statement | None = None,
    value: int | None = None,
) -> Condition:
    """A display condition; its question must be on an earlier page (Condition.clean)."""
    _locked(source.survey)
    condition = Condition(
        page=target_page,
        question=target_question,
        source=source,
        operator=operator,
        statement=statement,
        value=value,
    )
    condition.full_clean()
    choices = list(choices)
    if operator == Condition.Operator.CHOICE_IN:
        if not choices:
            raise ValidationError(
                {"answers": _("Valitse vähintään yksi vastaus.")}, code="no_choices"
            )
        if any(choice.question_id != source.pk for choice in choices):
            raise ValidationError(
                {"answers": _("Valitse vastaukset samasta kysymyksestä.")}, code="mixed"
            )
    condition.save()
    condition.choices.set(choices)
    return condition


@transaction.atomic
def condition_delete(*, condition: Condition) -> None:
    condition.delete()


def _quoted(text: str) -> str:
    return f"”{text}”"


def condition_sentence(condition: Condition, numbers: dict[int, int]) -> str:
    """A condition as the builder shows it, e.g. Näytetään, jos kysymykseen 3 vastattiin
    ”Etänä”. Reads prefetched choices and the statement (no query when they are loaded)."""
    number = numbers.get(condition.source_id, "?")
    if condition.operator == Condition.Operator.CHOICE_IN:
        texts = [_quoted(choice.text) for choice in condition.choices.all()]
        if len(texts) > 1:
            answers = _("%(first)s tai %(last)s") % {
                "first": ", ".join(texts[:-1]),
                "last": texts[-1],
            }
        else:
            answers = texts[0] if texts else "–"
        return _("Näytetään, jos kysymykseen %(number)s vastattiin %(answers)s.") % {
            "number": number,
            "answers": answers,
        }
    values = {"number": number, "statement": condition.statement.text, "value": condition.value}
    if condition.operator == Condition.Operator.AT_LEAST:
        return (
            _(
                "Näytetään, jos kysymyksen %(number)s väittämään ”%(statement)s” vastattiin "
                "vähintään %(value)s."
            )
            % values
        )
    return (
        _(
            "Näytetään, jos kysymyksen %(number)s väittämään ”%(statement)s” vastattiin "
            "enintään %(value)s."
        )
        % values
    )


# The live preview ----------------------------------------------------------------------------


def question_unsaved(*, question: Question, formsets=()) -> Question:
    """Show `question` (loaded by answering.Structure, its form already validated onto it)
    with the statement or choice rows of its valid, bound `formsets` as typed: kept rows
    changed, deleted rows gone, new rows added. Nothing is written; a new row gets a
    temporary negative id so that its answering field has a name of its own."""
    for formset in formsets:
        rows = []
        for number, form in enumerate(formset.forms, start=1):
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not form.instance.text_fi:
                continue
            if form.instance.pk is None:
                form.instance.pk = -number
            rows.append(form.instance)
        rows.sort(key=lambda row: (row.order or 0, row.pk if row.pk > 0 else 10**9 - row.pk))
        name = "statements" if formset.model is Statement else "choices"
        queryset = formset.model.objects.none()
        queryset._result_cache = rows
        queryset._prefetch_done = True
        question._prefetched_objects_cache[name] = queryset
    return question
