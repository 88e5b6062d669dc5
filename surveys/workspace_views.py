"""The survey builder in the staff workspace (`/fi/tyotila/kyselyt/`, `/sv/arbetsyta/enkater/`).

Network coordinators build every survey (`Survey.objects.editable_by`): a survey outside it
is a 404, building without the role a 403. Each view binds a form, calls one service of
surveys/builder.py (or definition.py, services.py) and redirects back with a message, or
shows the form again with its errors beside the fields. Every action is a plain form POST,
so the builder works with the keyboard and without JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.query_params import reads_query
from core.roles import is_network_coordinator
from core.staff import workspace_page

from . import builder, definition, services
from .answering import PageForm, Structure
from .models import Condition, Page, Question, Survey, structure_locked_message
from .workspace_forms import (
    ConditionForm,
    PageEditForm,
    QuestionAddForm,
    QuestionBankSearchForm,
    QuestionForm,
    QuestionMoveForm,
    SurveyCreateForm,
    SurveyImportForm,
    SurveySettingsForm,
    part_formsets,
)

BANK_LIMIT = 30


def _survey(request, pk) -> Survey:
    return get_object_or_404(Survey.objects.editable_by(request.user), pk=pk)


def _page(survey: Survey, page_pk) -> Page:
    return get_object_or_404(survey.pages.all(), pk=page_pk)


def _question(survey: Survey, question_pk) -> Question:
    return get_object_or_404(survey.questions.select_related("page"), pk=question_pk)


def _may_build(user) -> None:
    """Building a new survey: the rule of Survey.objects.editable_by (network coordinators)."""
    if not is_network_coordinator(user):
        raise PermissionDenied


def _builder_url(survey: Survey, anchor: str = "") -> str:
    url = reverse("surveys_workspace:survey_builder", kwargs={"pk": survey.pk})
    return f"{url}#{anchor}" if anchor else url


def _refused(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


# Survey list, new survey, import -----------------------------------------------------------


@workspace_page
@require_GET
def survey_list(request):
    user = request.user
    builds = is_network_coordinator(user)
    surveys = Survey.objects.editable_by(user) if builds else Survey.objects.visible_to(user)
    context = {"surveys": surveys.order_by("-created_at", "pk"), "builds": builds}
    return render(request, "surveys/workspace/survey_list.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def survey_create(request):
    _may_build(request.user)
    existing = [
        (f"survey-{s.pk}", _("Kopio kyselystä: %(title)s") % {"title": s.title})
        for s in Survey.objects.editable_by(request.user).order_by("-created_at")[:50]
    ]
    templates = [(f"template-{name}", title) for name, title in definition.templates()]
    form = SurveyCreateForm(request.POST or None, templates=templates + existing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        title = {"fi": data["title_fi"], "sv": data["title_sv"]}
        try:
            survey = _create_survey(request, data["template"], title, data["series"])
        except ValidationError as error:
            _refused(request, error)
        else:
            messages.success(request, _("Kysely luotiin luonnokseksi."))
            return redirect(_builder_url(survey))
    return render(request, "surveys/workspace/survey_create.html", {"form": form})


def _create_survey(request, template: str, title: dict, series: str) -> Survey:
    if template.startswith("template-"):
        source = definition.template_definition(template.removeprefix("template-"))
    elif template.startswith("survey-"):
        original = _survey(request, template.removeprefix("survey-"))
        source = definition.validate(definition.survey_export(original))
    else:
        source = {
            "survey": {
                "title": title,
                "intro": {},
                "thank_you": {},
                "anonymous": True,
                "is_listed": True,
            },
            "pages": [{"key": "p1", "title": {}, "intro": {}, "conditions": [], "questions": []}],
        }
    return definition.survey_import(source, series=series, title=title)


@workspace_page
@require_http_methods(["GET", "POST"])
def survey_import(request):
    _may_build(request.user)
    form = SurveyImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            parsed = definition.parse(form.cleaned_data["file"].read())
            survey = definition.survey_import(parsed, series=form.cleaned_data["series"])
        except definition.DefinitionError as error:
            problems = error.problems
        except ValidationError as error:
            problems = [("", message) for message in error.messages]
        else:
            messages.success(request, _("Kysely tuotiin luonnokseksi."))
            return redirect(_builder_url(survey))
    status = 400 if problems else 200
    return render(
        request,
        "surveys/workspace/survey_import.html",
        {"form": form, "problems": problems},
        status=status,
    )


# The builder -------------------------------------------------------------------------------


def _annotate(structure: Structure, survey: Survey) -> dict:
    """Numbers, condition sentences, refusals and missing Swedish of every part, from the
    loaded structure (no query per question)."""
    numbers = builder.question_numbers(structure.pages)
    statements = {
        s.pk: s for p in structure.pages for q in p.questions.all() for s in q.statements.all()
    }
    sources = set()
    answered = survey.has_responses()
    for page in structure.pages:
        items = [page, *page.questions.all()]
        for item in items:
            for condition in item.conditions.all():
                sources.add(condition.source_id)
                if condition.statement_id:
                    condition.statement = statements[condition.statement_id]
                condition.sentence = builder.condition_sentence(condition, numbers)
    for page in structure.pages:
        page.missing_sv = bool(page.title_fi and not page.title_sv)
        for question in page.questions.all():
            question.number = numbers[question.pk]
            parts = [*question.statements.all(), *question.choices.all()]
            question.missing_sv = not question.text_sv or any(not p.text_sv for p in parts)
            if answered:
                question.delete_refusal = structure_locked_message()
            elif question.pk in sources:
                question.delete_refusal = _("Kysymykseen viittaa näyttämisehto. Poista ehto ensin.")
            else:
                question.delete_refusal = ""
    return {"numbers": numbers, "answered": answered}


EDIT_PARAMETER = "muokkaa"


@workspace_page
@require_GET
@reads_query(EDIT_PARAMETER)
def survey_builder(request, pk):
    """The pages and questions in order; `?muokkaa=<id>` shows that question's edit form in
    its place (static/workspace/surveys.js loads the same form without a page load)."""
    survey = _survey(request, pk)
    structure = Structure(survey)
    notes = _annotate(structure, survey)
    context = {
        "survey": survey,
        "pages": structure.pages,
        "add_form": QuestionAddForm(),
        "editing": _inline_edit(request, survey, structure, notes),
        **notes,
    }
    return render(request, "surveys/workspace/builder.html", context)


def _inline_edit(request, survey, structure, notes) -> dict | None:
    """The edit form of the question named by `?muokkaa=`, as on the question's own page."""
    value = request.GET.get(EDIT_PARAMETER)
    if value is None:
        return None
    question = next(
        (q for p in structure.pages for q in p.questions.all() if str(q.pk) == value.strip()),
        None,
    )
    if question is None:
        messages.error(request, _("Muokattavaa kysymystä ei löytynyt kyselystä."))
        return None
    auto_id = f"q{question.pk}-%s"
    return {
        "question": question,
        "form": QuestionForm(instance=question, auto_id=auto_id),
        "formsets": part_formsets(question, auto_id=auto_id),
        "answered": notes["answered"],
        "action": reverse(
            "surveys_workspace:question_edit", kwargs={"pk": survey.pk, "question_pk": question.pk}
        ),
        "live_preview_url": _question_live_url(survey, question),
    }


def _question_live_url(survey, question) -> str:
    return reverse(
        "surveys_workspace:question_preview_live",
        kwargs={"pk": survey.pk, "question_pk": question.pk},
    )


@workspace_page
@require_http_methods(["GET", "POST"])
def survey_settings(request, pk):
    survey = _survey(request, pk)
    form = SurveySettingsForm(request.POST or None, instance=survey)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Kyselyn asetukset tallennettiin."))
        return redirect(_builder_url(survey))
    return render(request, "surveys/workspace/settings.html", {"survey": survey, "form": form})


@workspace_page
@require_GET
def survey_export(request, pk):
    survey = _survey(request, pk)
    response = HttpResponse(
        definition.survey_export_json(survey), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{survey.slug}.json"'
    return response


@workspace_page
@require_POST
def survey_next_round(request, pk):
    survey = _survey(request, pk)
    try:
        copy = services.survey_copy_as_next_round(survey)
    except ValidationError as error:
        _refused(request, error)
        return redirect(_builder_url(survey))
    messages.success(
        request, _("Kysely kopioitiin kierrokseksi %(round)s.") % {"round": copy.round}
    )
    return redirect(_builder_url(copy))


# Pages -------------------------------------------------------------------------------------


@workspace_page
@require_POST
def page_add(request, pk):
    survey = _survey(request, pk)
    page = builder.page_create(survey=survey)
    messages.success(request, _("Sivu lisättiin."))
    return redirect(_builder_url(survey, f"page-{page.pk}"))


def _conditions_context(survey, structure, target_page, numbers, data=None):
    """The earlier questions a condition of a part of `target_page` may use, and the form."""
    index = next(i for i, p in enumerate(structure.pages) if p.pk == target_page.pk)
    sources = [q for p in structure.pages[:index] for q in p.questions.all()]
    return ConditionForm(data, sources=sources, numbers=numbers)


@workspace_page
@require_http_methods(["GET", "POST"])
def page_edit(request, pk, page_pk):
    survey = _survey(request, pk)
    page = _page(survey, page_pk)
    form = PageEditForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Sivu tallennettiin."))
        return redirect(_builder_url(survey, f"page-{page.pk}"))
    return _page_edit_render(request, survey, page, form, None)


def _page_edit_render(request, survey, page, form, condition_form, status=200):
    structure = Structure(survey)
    notes = _annotate(structure, survey)
    loaded = next(p for p in structure.pages if p.pk == page.pk)
    condition_form = condition_form or _conditions_context(
        survey, structure, page, notes["numbers"]
    )
    context = {
        "survey": survey,
        "page": loaded,
        "form": form,
        "condition_form": condition_form,
        "page_number": structure.pages.index(loaded) + 1,
        "live_preview_url": reverse(
            "surveys_workspace:page_preview_live", kwargs={"pk": survey.pk, "page_pk": page.pk}
        ),
    }
    return render(request, "surveys/workspace/page_edit.html", context, status=status)


@workspace_page
@require_POST
def page_move(request, pk, page_pk):
    survey = _survey(request, pk)
    page = _page(survey, page_pk)
    try:
        builder.page_move(page=page, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        _refused(request, error)
    return redirect(_builder_url(survey, f"page-{page.pk}"))


@workspace_page
@require_POST
def page_delete(request, pk, page_pk):
    survey = _survey(request, pk)
    page = _page(survey, page_pk)
    try:
        builder.page_delete(page=page)
    except ValidationError as error:
        _refused(request, error)
        return redirect(_builder_url(survey, f"page-{page.pk}"))
    messages.success(request, _("Sivu poistettiin."))
    return redirect(_builder_url(survey))


@workspace_page
@require_POST
def page_reorder(request, pk, page_pk):
    """The order of a page's questions as dragged (static/workspace/surveys.js)."""
    survey = _survey(request, pk)
    page = _page(survey, page_pk)
    try:
        ids = [int(value) for value in request.POST.getlist("question")]
        builder.questions_reorder(page=page, question_ids=ids)
    except ValueError:
        messages.error(request, _("Järjestys ei vastaa sivun kysymyksiä. Lataa sivu uudelleen."))
    except ValidationError as error:
        _refused(request, error)
    return redirect(_builder_url(survey, f"page-{page.pk}"))


@workspace_page
@require_GET
def page_preview(request, pk, page_pk, language):
    """One page as the respondent sees it in `language`, every question shown, nothing saved."""
    if language not in LANGUAGES:
        raise Http404
    survey = _survey(request, pk)
    structure = Structure(survey)
    page = next((p for p in structure.pages if p.pk == int(page_pk)), None)
    if page is None:
        raise Http404
    context = {**_preview_context(structure, page, language), "pages": structure.pages}
    return render(request, "surveys/workspace/page_preview.html", context)


LANGUAGES = ("fi", "sv")


def _preview_context(structure: Structure, page: Page, language: str) -> dict:
    with translation.override(language):
        blocks = PageForm(
            structure=structure, page=page, answers={}, all_questions=True
        ).bound_blocks()
    return {
        "survey": structure.survey,
        "page": page,
        "blocks": blocks,
        "language": language,
        "page_number": structure.pages.index(page) + 1,
        "page_count": len(structure.pages),
    }


def _live_preview(request, structure, page, form, formsets=(), question=None):
    """The instant preview: the page as the respondent would see it with the unsaved
    `form` (and rows), rendered with the answering templates; nothing is saved. Bad input
    answers 400 with a message in place of the preview."""
    language = request.POST.get("preview_language", "")
    valid = all([form.is_valid(), *(f.is_valid() for f in formsets)])  # every error found
    errors = []
    if language not in LANGUAGES:
        problem = _("Valitse esikatselun kieli: suomi tai ruotsi.")
    elif not valid:
        problem = _("Esikatselua ei päivitetty: lomakkeessa on virhe. Korjaa se ja jatka.")
        errors = _form_errors(form, formsets)
    else:
        if question is not None:
            builder.question_unsaved(question=question, formsets=formsets)
        context = _preview_context(structure, page, language)
        return render(request, "surveys/workspace/includes/preview_page.html", context)
    context = {"problem": problem, "errors": errors}
    return render(request, "surveys/workspace/includes/preview_problem.html", context, status=400)


def _form_errors(form, formsets) -> list[str]:
    """The errors of a form and its rows as lines ("Rivi 2, Suomeksi: …")."""

    def lines(one, prefix=""):
        for name, errors in one.errors.items():
            label = one.fields[name].label if name in one.fields else ""
            for error in errors:
                yield f"{prefix}{label}: {error}" if label else f"{prefix}{error}"

    found = list(lines(form))
    for formset in formsets:
        found += [str(error) for error in formset.non_form_errors()]
        for number, row in enumerate(formset.forms, start=1):
            prefix = _("Rivi %(number)s") % {"number": number} + ", "
            found += list(lines(row, prefix))
    return found


@workspace_page
@require_POST
def page_preview_live(request, pk, page_pk):
    """The page's preview with its unsaved title and introduction (page_edit.html)."""
    survey = _survey(request, pk)
    structure = Structure(survey)
    page = next((p for p in structure.pages if p.pk == int(page_pk)), None)
    if page is None:
        raise Http404
    return _live_preview(request, structure, page, PageEditForm(request.POST, instance=page))


@workspace_page
@require_POST
def question_preview_live(request, pk, question_pk):
    """The question's page with the question as typed on its unsaved form."""
    survey = _survey(request, pk)
    structure = Structure(survey)
    found = [(p, q) for p in structure.pages for q in p.questions.all() if q.pk == int(question_pk)]
    if not found:
        raise Http404
    page, question = found[0]
    form = QuestionForm(request.POST, instance=question)
    formsets = part_formsets(question, request.POST)
    return _live_preview(request, structure, page, form, formsets, question=question)


# Questions ---------------------------------------------------------------------------------


@workspace_page
@require_POST
def question_add(request, pk, page_pk):
    survey = _survey(request, pk)
    page = _page(survey, page_pk)
    form = QuestionAddForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect(_builder_url(survey, f"add-{page.pk}"))
    question = builder.question_create(page=page, **form.cleaned_data)
    messages.success(request, _("Kysymys lisättiin. Täydennä se tällä lomakkeella."))
    return redirect("surveys_workspace:question_edit", pk=survey.pk, question_pk=question.pk)


@workspace_page
@require_http_methods(["GET", "POST"])
def question_edit(request, pk, question_pk):
    survey = _survey(request, pk)
    question = _question(survey, question_pk)
    data = request.POST if request.method == "POST" else None
    form = QuestionForm(data, instance=question)
    formsets = part_formsets(question, data)
    if data is not None and form.is_valid() and all(f.is_valid() for f in formsets):
        try:
            builder.question_update(question=form.instance, formsets=formsets)
        except ValidationError as error:
            _errors_to_form(form, error)
        else:
            messages.success(request, _("Kysymys tallennettiin."))
            return redirect(_builder_url(survey, f"question-{question.pk}"))
        form.instance = _question(survey, question_pk)
    return _question_edit_render(request, survey, question, form, formsets, None)


def _errors_to_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _question_edit_render(request, survey, question, form, formsets, condition_form, status=200):
    structure = Structure(survey)
    notes = _annotate(structure, survey)
    loaded = next(q for p in structure.pages for q in p.questions.all() if q.pk == question.pk)
    page = next(p for p in structure.pages if p.pk == loaded.page_id)
    condition_form = condition_form or _conditions_context(
        survey, structure, page, notes["numbers"]
    )
    context = {
        "survey": survey,
        "question": loaded,
        "page": page,
        "form": form,
        "formsets": formsets,
        "condition_form": condition_form,
        "move_form": QuestionMoveForm(survey=survey, initial={"page": page.pk}),
        "any_errors": form.errors or any(f.total_error_count() for f in formsets),
        "answered": notes["answered"],
        "live_preview_url": _question_live_url(survey, loaded),
    }
    return render(request, "surveys/workspace/question_edit.html", context, status=status)


@workspace_page
@require_POST
def question_move(request, pk, question_pk):
    survey = _survey(request, pk)
    question = _question(survey, question_pk)
    try:
        if "page" in request.POST:
            form = QuestionMoveForm(request.POST, survey=survey)
            if not form.is_valid():
                raise ValidationError(_("Valitse sivu, jolle kysymys siirretään."))
            builder.question_move_to_page(question=question, page=form.cleaned_data["page"])
        else:
            builder.question_move(question=question, direction=request.POST.get("direction", ""))
    except ValidationError as error:
        _refused(request, error)
    return redirect(_builder_url(survey, f"question-{question.pk}"))


@workspace_page
@require_POST
def question_delete(request, pk, question_pk):
    survey = _survey(request, pk)
    question = _question(survey, question_pk)
    try:
        builder.question_delete(question=question)
    except ValidationError as error:
        _refused(request, error)
        return redirect(_builder_url(survey, f"question-{question.pk}"))
    messages.success(request, _("Kysymys poistettiin."))
    return redirect(_builder_url(survey, f"page-{question.page_id}"))


# Conditions --------------------------------------------------------------------------------


@workspace_page
@require_POST
def condition_add(request, pk, page_pk=None, question_pk=None):
    survey = _survey(request, pk)
    question = _question(survey, question_pk) if question_pk else None
    page = question.page if question else _page(survey, page_pk)
    structure = Structure(survey)
    numbers = builder.question_numbers(structure.pages)
    form = _conditions_context(survey, structure, page, numbers, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            builder.condition_create(
                source=data["source"],
                operator=data["operator"],
                target_page=None if question else page,
                target_question=question,
                choices=data["choices"],
                statement=data.get("statement_obj"),
                value=data.get("value"),
            )
        except ValidationError as error:
            _errors_to_condition_form(form, error)
        else:
            messages.success(request, _("Näyttämisehto lisättiin."))
            anchor = f"question-{question.pk}" if question else f"page-{page.pk}"
            return redirect(_builder_url(survey, anchor))
    if question:
        return _question_edit_render(
            request,
            survey,
            question,
            QuestionForm(instance=question),
            part_formsets(question),
            form,
            status=400,
        )
    return _page_edit_render(request, survey, page, PageEditForm(instance=page), form, status=400)


def _errors_to_condition_form(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error("answers" if field not in form.fields else field, errors)
    else:
        form.add_error("answers", error)


@workspace_page
@require_POST
def condition_delete(request, pk, condition_pk):
    survey = _survey(request, pk)
    condition = get_object_or_404(
        Condition.objects.filter(Q(page__survey=survey) | Q(question__survey=survey)),
        pk=condition_pk,
    )
    anchor = f"question-{condition.question_id}" if condition.question_id else "pages"
    builder.condition_delete(condition=condition)
    messages.success(request, _("Näyttämisehto poistettiin."))
    return redirect(_builder_url(survey, anchor))


# Question bank -----------------------------------------------------------------------------


@workspace_page
@require_http_methods(["GET", "POST"])
@reads_query("q")
def question_bank(request, pk):
    """Questions of the other surveys, searchable by text, copied to a page of this one."""
    survey = _survey(request, pk)
    if request.method == "POST":
        source = get_object_or_404(
            Question.objects.editable_by(request.user).exclude(survey=survey),
            pk=int(question_id)
            if (question_id := request.POST.get("question", "")).isdigit()
            else 0,
        )
        form = QuestionMoveForm(request.POST, survey=survey)
        if form.is_valid():
            copy = builder.question_copy(question=source, page=form.cleaned_data["page"])
            messages.success(request, _("Kysymys kopioitiin kyselyyn."))
            return redirect(_builder_url(survey, f"question-{copy.pk}"))
        messages.error(request, _("Valitse sivu, jolle kysymys kopioidaan."))
    search = QuestionBankSearchForm(request.GET or None)
    found = Question.objects.none()
    text = search.cleaned_data.get("q", "").strip() if search.is_valid() else ""
    if text:
        found = (
            Question.objects.editable_by(request.user)
            .exclude(survey=survey)
            .filter(Q(text_fi__icontains=text) | Q(text_sv__icontains=text))
            .select_related("survey")
            .prefetch_related("statements", "choices")
            .order_by("-survey__created_at", "page__order", "order")[:BANK_LIMIT]
        )
    context = {
        "survey": survey,
        "search": search,
        "text": text,
        "found": found,
        "limit": BANK_LIMIT,
        "pages": list(survey.pages.all()),
    }
    return render(request, "surveys/workspace/question_bank.html", context)
