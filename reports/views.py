"""The results dashboard (signed in) and the public published results.

Views are thin: the figures come from reports/survey_report.py and reports/metrics.py,
which read surveys/results.py and events' participation_stats(); access from
reports/access.py (dashboard_view).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core import exports as spreadsheets
from core.access_log import log_access
from core.content_cache import deferred, shows
from core.files import file_response
from core.input_guard import requested_id, requested_ids
from surveys import privacy, results
from surveys.models import Answer, Code, Question, Response, Survey

from . import exports, metrics, published, services, survey_report
from .access import dashboard_view
from .forms import SurveyFilterForm
from .models import Export, PublishedResult, Quote
from .tables import Column, Table


def _survey(request, slug: str) -> Survey:
    survey = request.scope.surveys().by_slug(slug).first()
    if survey is None:
        raise Http404
    return survey


def _export_base(survey) -> str:
    """The export address of the survey's tables, without "<table>.<format>"."""
    return reverse("reports:export", args=[survey.slug, "x", "csv"])[: -len("x.csv")]


@dashboard_view
def dashboard(request):
    surveys = request.scope.surveys().with_response_counts().order_by("series", "-round")
    return render(request, "reports/dashboard.html", {"surveys": surveys})


@dashboard_view
def survey_results(request, slug):
    survey = _survey(request, slug)
    scope = request.scope
    questions = survey_report.survey_questions(survey)
    form = SurveyFilterForm(request.GET or None, survey=survey, scope=scope, questions=questions)
    project, by, other = form.selected()
    report = survey_report.build(survey, scope, project=project, questions=questions)
    crosstab = survey_report.crosstab(survey, scope, by, project=project) if by else None
    comparison = (
        survey_report.round_comparison(survey, other, scope, project=project) if other else None
    )
    feedback = survey_report.event_feedback(survey, scope)
    return render(
        request,
        "reports/survey.html",
        {
            "survey": survey,
            "form": form,
            "report": report,
            "crosstab": crosstab,
            "comparison": comparison,
            "feedback": feedback,
            "query": request.GET.urlencode(),
            "export_base": reverse("reports:export", args=[survey.slug, "x", "csv"])[
                : -len("x.csv")
            ],
        },
    )


OPEN_KINDS = [Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT]
ANSWERS_PER_PAGE = 50


def _readable_projects(request, survey) -> list[int]:
    """A project coordinator's projects whose open answers they read (not small groups)."""
    return privacy.projects_large_enough(
        Response.objects.counted().filter(survey=survey), request.scope.project_ids
    )


def _open_answers(request, survey, question):
    """Counted, non-empty answers of an open question a user may read."""
    answers = Answer.objects.filter(
        question=question,
        response__in=Response.objects.counted().filter(survey=survey),
    ).exclude(text="")
    if not request.scope.full:
        answers = answers.filter(response__project__in=_readable_projects(request, survey))
    return answers


@dashboard_view
def open_answers(request, slug):
    survey = _survey(request, slug)
    counted = Q(
        answers__response__is_test=False, answers__response__completed_at__isnull=False
    ) & ~Q(answers__text="")
    if not request.scope.full:
        counted &= Q(answers__response__project__in=_readable_projects(request, survey))
    questions = (
        Question.objects.filter(survey=survey, kind__in=OPEN_KINDS)
        .annotate(answer_count=Count("answers", filter=counted))
        .order_by("page__order", "order", "pk")
    )
    return render(request, "reports/open_answers.html", {"survey": survey, "questions": questions})


@dashboard_view
def open_question(request, slug, pk):
    """An open question's answers with their themes; a coder adds themes and tags by POST."""
    survey = _survey(request, slug)
    question = get_object_or_404(Question, pk=pk, survey=survey, kind__in=OPEN_KINDS)
    if request.method == "POST":
        if not request.scope.can_edit:
            raise PermissionDenied
        _code_open_answer(request, survey, question)
        return redirect(f"{request.path}?{request.GET.urlencode()}")
    context = _open_question_context(request, survey, question)
    return render(request, "reports/open_question.html", context)


def _code_open_answer(request, survey, question) -> None:
    """Add a theme, or set an answer's themes and quote flag; the outcome as a message."""
    try:
        if request.POST.get("action") == "add_code":
            services.code_create(
                user=request.user, question=question, name=request.POST.get("name", "")
            )
            messages.success(request, _("Teema lisätty."))
            return
        answer = get_object_or_404(
            _open_answers(request, survey, question),
            pk=requested_id(request.POST.get("answer")),
        )
        codes = list(
            Code.objects.filter(
                question=question, pk__in=requested_ids(request.POST.getlist("codes"))
            )
        )
        services.answer_code(
            user=request.user,
            answer=answer,
            codes=codes,
            quote=request.POST.get("quote") == "1",
        )
        messages.success(request, _("Vastauksen teemat tallennettu."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


def _open_question_context(request, survey, question) -> dict:
    """The page of answers (searched, filtered by theme) and the theme counts."""
    answers = _open_answers(request, survey, question)
    codes = list(
        Code.objects.filter(question=question)
        .annotate(answer_count=Count("answers", filter=Q(answers__in=answers.values("pk"))))
        .order_by("name")
    )
    search = request.GET.get("q", "").strip()[:200]
    if search:
        answers = answers.filter(text__icontains=search)
    theme = requested_id(request.GET.get("theme", ""))
    if theme is not None:
        answers = answers.filter(codes=theme)
    page = Paginator(
        answers.select_related("quote", "response__project")
        .prefetch_related("codes")
        .order_by("pk"),
        ANSWERS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    theme_table = Table(
        slug=f"themes-{question.pk}",
        title=_("Teemat: %(question)s") % {"question": question.text},
        columns=[Column(_("Teema")), Column(_("Vastauksia"), "int")],
        rows=[[code.name, code.answer_count] for code in codes],
    )
    params = request.GET.copy()
    params.pop("page", None)
    return {
        "survey": survey,
        "question": question,
        "codes": codes,
        "theme_table": theme_table,
        "page_obj": page,
        "search": search,
        "theme": theme,
        "can_code": request.scope.can_edit,
        "page_query": params.urlencode(),
        "export_base": _export_base(survey) if request.scope.full else None,
        "query": request.GET.urlencode(),
    }


def _selected(request, survey):
    questions = survey_report.survey_questions(survey)
    form = SurveyFilterForm(
        request.GET or None, survey=survey, scope=request.scope, questions=questions
    )
    return form.selected()


@dashboard_view
def export_table(request, slug, table, fmt):
    survey = _survey(request, slug)
    if table == "responses":
        if not request.scope.raw_rows:  # row-level data: network coordinators only
            raise PermissionDenied
        log_access(request, f"surveys.responses.export.{fmt}", survey)
        if results.response_count(survey) > exports.sync_limit():
            export = services.export_start(
                user=request.user, survey=survey, table=table, fmt=fmt, params={}
            )
            return redirect(export)
        data = exports.raw_responses_file(survey, fmt)
    else:
        project, by, other = _selected(request, survey)
        tables = exports.survey_tables(survey, request.scope, project=project, by=by, other=other)
        if table not in tables:
            raise Http404
        data = exports.render(tables[table], fmt)
    return spreadsheets.attachment(data, fmt, filename=f"{survey.slug}-{table}")


@dashboard_view
def export_status(request, pk):
    export = get_object_or_404(Export.objects.visible_to(request.user), pk=pk)
    context = {"export": export, "raw_notice": privacy.raw_export_notice()}
    return render(request, "reports/export_status.html", context)


@dashboard_view
@require_POST
def export_retry(request, pk):
    export = get_object_or_404(Export.objects.visible_to(request.user), pk=pk)
    return redirect(services.export_retry(user=request.user, export=export))


@dashboard_view
def export_download(request, pk):
    """The one way to an export's file: its owner, while allowed, and logged."""
    export = get_object_or_404(
        Export.objects.visible_to(request.user), pk=pk, status=Export.Status.READY
    )
    response = file_response(
        export.file,
        filename=f"{export.survey.slug}-{export.table}.{export.format}",
        content_type=exports.CONTENT_TYPES[export.format],
    )
    log_access(request, f"surveys.{export.table}.download.{export.format}", export.survey)
    return response


@dashboard_view
def print_report(request, slug):
    survey = _survey(request, slug)
    project, _by, _other = _selected(request, survey)
    report = survey_report.build(survey, request.scope, project=project)
    quotes = Quote.objects.for_listing().filter(answer__question__survey=survey)
    if not request.scope.full:  # as on the open answers page
        quotes = quotes.filter(answer__response__project__in=_readable_projects(request, survey))
    return render(
        request,
        "reports/print.html",
        {"survey": survey, "report": report, "quotes": quotes},
    )


@dashboard_view
def network_metrics(request):
    tables = metrics.metric_tables(request.scope)
    return render(
        request,
        "reports/metrics.html",
        {"tables": tables, "export_base": reverse("reports:metrics")},
    )


@dashboard_view
def metrics_export(request, table, fmt):
    tables = {t.slug: t for t in metrics.metric_tables(request.scope)}
    if table not in tables:
        raise Http404
    return spreadsheets.attachment(exports.render(tables[table], fmt), fmt, filename=table)


@require_GET
@shows("surveys", "results")
def published_results(request):
    """Public, cached whole for anonymous visitors (core.middleware): no per-visitor data.
    The figures are computed only when the shared fragment is rendered."""
    items = deferred(lambda: {"items": published.published_items()}, "items")
    return render(request, "reports/published.html", items)


@dashboard_view(full=True)
def published_manage(request):
    if request.method == "POST":
        if not request.scope.can_edit:
            raise PermissionDenied
        survey = get_object_or_404(Survey, pk=requested_id(request.POST.get("survey")))
        question = quote = None
        if request.POST.get("question"):
            question = get_object_or_404(
                Question, pk=requested_id(request.POST["question"]), survey=survey
            )
        else:
            quote = get_object_or_404(
                Quote, pk=requested_id(request.POST.get("quote")), answer__question__survey=survey
            )
        try:
            entry = services.publish_toggle(
                user=request.user, survey=survey, question=question, quote=quote
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Julkaistu tulossivulla.") if entry else _("Poistettu tulossivulta."),
            )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = reverse("reports:published_manage")
        return redirect(target)
    entries = PublishedResult.objects.for_listing()
    quotes = Quote.objects.for_listing().select_related("published")
    return render(
        request,
        "reports/published_manage.html",
        {"entries": entries, "quotes": quotes},
    )
