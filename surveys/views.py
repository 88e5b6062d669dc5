"""Public answering (page, collector link, invitation, embed) and the staff preview and test mode.

Each answering view finds its way in and renders what surveys/flow.py AnswerFlow decides.
The answering views are CSRF-exempt on purpose: inside another site's iframe the
browser sends no SameSite=Lax cookie, so the signed draft (surveys/answering.py)
is the form token. They never cache (each visitor gets their own submission key).
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.csp import CSP
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from core.content_cache import local_memo, shows
from core.context_processors import PRIVATE as PRIVATE_FRAGMENTS
from core.query_params import reads_query

from . import services
from .answering import PageForm, Structure
from .flow import AnswerFlow
from .models import Collector, Invitation, Survey


def _survey_by_slug(slug: str, queryset=None) -> Survey:
    queryset = queryset if queryset is not None else Survey.objects.all()
    return get_object_or_404(queryset.by_slug(slug)[:1])


def _embed_headers(response, survey: Survey):
    """Let the listed sites (and this site) frame the embed variant, nobody else."""
    response._csp_config = {
        **settings.SECURE_CSP,
        "frame-ancestors": [CSP.SELF, *survey.embed_domain_list()],
    }
    response.xframe_options_exempt = True
    return response


def _render(request, template, context, *, embed: bool, status: int = 200):
    context = {"embed": embed, "base_template": _base(embed), **context}
    if not context.get("fresh"):  # a page with the respondent's answers is theirs alone
        context["fragment_cache"] = PRIVATE_FRAGMENTS
    response = render(request, template, context, status=status)
    if embed:
        _embed_headers(response, context["survey"])
    return response


def _base(embed: bool) -> str:
    return "surveys/embed_base.html" if embed else "base.html"


@require_GET
@shows("surveys")
def survey_list(request):
    surveys = Survey.objects.listed()
    return render(request, "surveys/survey_list.html", {"surveys": surveys})


def _answer(request, flow: AnswerFlow, *, embed: bool = False):
    """Render what the answering flow (surveys/flow.py) decided for this request."""
    outcome = flow.respond(request)
    if outcome.redirect_to:
        return redirect(outcome.redirect_to)
    return _render(request, outcome.template, outcome.context, embed=embed, status=outcome.status)


def _thanks_url(survey: Survey, embed: bool) -> str:
    name = "surveys:survey_thanks_embed" if embed else "surveys:survey_thanks"
    return reverse(name, kwargs={"slug": survey.slug})


def _public_collector(survey: Survey) -> Collector:
    collector = survey.collectors.filter(kind=Collector.Kind.PUBLIC, is_active=True).first()
    if collector is None:
        raise Http404
    return collector


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
@shows("surveys")
def survey_answer(request, slug, embed=False):
    def fetch() -> tuple[Survey, Collector]:
        survey = _survey_by_slug(slug, Survey.objects.exclude(status=Survey.Status.DRAFT))
        return survey, _public_collector(survey)

    # A respondent's first page, the survey page's commonest request: the survey and its
    # public link are kept in the process while the surveys' generation stands.
    first_visit = request.method in ("GET", "HEAD") and not request.user.is_authenticated
    survey, collector = (
        local_memo(("survey-answer", slug), "surveys", fetch) if first_visit else fetch()
    )
    if survey.slug != slug:
        name = "surveys:survey_embed" if embed else "surveys:survey_answer"
        return redirect(name, slug=survey.slug)
    name = "surveys:survey_embed" if embed else "surveys:survey_answer"
    flow = AnswerFlow(
        survey=survey,
        collector=collector,
        action_url=reverse(name, kwargs={"slug": survey.slug}),
        thanks_url=_thanks_url(survey, embed),
    )
    return _answer(request, flow, embed=embed)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
@shows("surveys")
def collector_answer(request, slug, token, embed=False):
    collector = get_object_or_404(
        Collector.objects.select_related("survey", "project").exclude(
            kind__in=[Collector.Kind.INVITATION, Collector.Kind.EVENT]
        ),
        token=token[:64],
        is_active=True,
    )
    survey = collector.survey
    if survey.status == Survey.Status.DRAFT:
        raise Http404
    name = "surveys:collector_embed" if embed else "surveys:collector_answer"
    flow = AnswerFlow(
        survey=survey,
        collector=collector,
        action_url=reverse(name, kwargs={"slug": survey.slug, "token": collector.token}),
        thanks_url=_thanks_url(survey, embed),
    )
    return _answer(request, flow, embed=embed)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
@shows("surveys")
def invitation_answer(request, token):
    invitation = get_object_or_404(
        Invitation.objects.reachable().select_related("collector__survey"),
        token=token[:64],
        collector__is_active=True,
    )
    survey = invitation.collector.survey
    if survey.status == Survey.Status.DRAFT:
        raise Http404
    if request.method == "GET":
        services.invitation_mark_opened(invitation)
    flow = AnswerFlow(
        survey=survey,
        collector=invitation.collector,
        invitation=invitation,
        action_url=reverse("surveys:invitation_answer", kwargs={"token": invitation.token}),
        thanks_url=_thanks_url(survey, False),
    )
    return _answer(request, flow)


@require_GET
@shows("surveys")
def survey_thanks(request, slug, embed=False):
    survey = _survey_by_slug(slug)
    if survey.status == Survey.Status.DRAFT and not (
        Survey.objects.editable_by(request.user).filter(pk=survey.pk).exists()
    ):
        raise Http404
    return _render(request, "surveys/thanks.html", {"survey": survey}, embed=embed)


# Staff: preview and test mode --------------------------------------------------------------


@login_required
@require_GET
def survey_preview(request, slug):
    survey = _survey_by_slug(slug, Survey.objects.editable_by(request.user))
    structure = Structure(survey)
    pages = [
        {
            "page": page,
            "blocks": PageForm(
                structure=structure, page=page, answers={}, all_questions=True
            ).bound_blocks(),
        }
        for page in structure.pages
    ]
    return render(
        request,
        "surveys/preview.html",
        {"survey": survey, "pages": pages, "base_template": "base.html"},
    )


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
def survey_test(request, slug):
    survey = _survey_by_slug(slug, Survey.objects.editable_by(request.user))
    flow = AnswerFlow(
        survey=survey,
        collector=None,
        test=True,
        action_url=reverse("surveys:survey_test", kwargs={"slug": survey.slug}),
        thanks_url=reverse("surveys:survey_thanks", kwargs={"slug": survey.slug}),
    )
    return _answer(request, flow)
