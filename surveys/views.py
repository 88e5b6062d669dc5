"""Public answering (page, collector link, invitation, embed) and the staff preview and test mode.

The answering views are CSRF-exempt on purpose: inside another site's iframe the
browser sends no SameSite=Lax cookie, so the signed draft (surveys/answering.py)
is the form token. They never cache (each visitor gets their own submission key).
"""

import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.csp import CSP
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from valita import ratelimit
from valita.content_cache import shared_object
from valita.query_params import reads_query
from valita.signed import SignedValueInvalid

from . import services
from .answering import Draft, PageForm, Structure, merge_page_answers
from .models import Collector, Invitation, SavedDraft, Survey

# Page submissions per client address in five minutes (settings.SURVEYS_SUBMISSIONS_PER_5MIN,
# default 300): a school class answering together behind one address (30 people, a few
# pages each) stays well below it; a flood does not.
SUBMIT_WINDOW = 300


def _language() -> str:
    return (translation.get_language() or "fi")[:2]


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
    response = render(request, template, context, status=status)
    if embed:
        _embed_headers(response, context["survey"])
    return response


def _base(embed: bool) -> str:
    return "surveys/embed_base.html" if embed else "base.html"


@require_GET
def survey_list(request):
    surveys = Survey.objects.listed()
    return render(request, "surveys/survey_list.html", {"surveys": surveys})


def _answer(
    request,
    *,
    survey: Survey,
    collector: Collector | None,
    invitation: Invitation | None = None,
    embed: bool = False,
    test: bool = False,
    action_url: str,
    thanks_url: str,
):
    """The shared answering flow of every way in."""
    context = {"survey": survey, "object": survey, "action_url": action_url, "test": test}
    reason = "" if test else survey.closed_reason()
    if reason:
        return _render(request, "surveys/closed.html", {**context, "reason": reason}, embed=embed)
    if invitation is not None and invitation.used_at and not test:
        reason = translation.gettext("Tällä kutsulla on jo vastattu. Kiitos!")
        return _render(request, "surveys/closed.html", {**context, "reason": reason}, embed=embed)

    structure = Structure.for_survey(survey)
    if (
        request.method == "POST"
        and not test
        and not ratelimit.allow(
            request,
            "survey-answer",
            limit=settings.SURVEYS_SUBMISSIONS_PER_5MIN,
            period=SUBMIT_WINDOW,
        )
    ):
        return _render(request, "surveys/rate_limited.html", context, embed=embed, status=429)
    try:
        draft = _draft(request, survey=survey, structure=structure, test=test, context=context)
    except SignedValueInvalid as error:
        # Signed by us (or with our key), yet not a draft we wrote: refuse, in the frame.
        context["reason"] = error.user_message
        return _render(request, "surveys/closed.html", context, embed=embed, status=400)
    if draft is None:
        draft = Draft(
            survey=survey.pk,
            key=str(uuid.uuid4()),
            started=timezone.now().timestamp(),
            collector=collector.pk if collector else None,
            invitation=invitation.pk if invitation else None,
            test=test,
        )
    pages = structure.visible_pages(draft.answers)
    if not pages:
        raise Http404
    page = next((p for p in pages if p.pk == draft.page), pages[0])
    focus = ""
    # Built only when rendered: a first visit's page comes from the shared fragments.
    form = SimpleLazyObject(lambda: PageForm(structure=structure, page=page, answers=draft.answers))
    if request.method == "POST" and not context.get("expired"):
        action = request.POST.get("action", "next")
        form = PageForm(request.POST, structure=structure, page=page, answers=draft.answers)
        if form.is_valid():
            draft.answers = merge_page_answers(draft.answers, form, form.answers())
            if not draft.counted and not test:
                services.collector_count_start(collector)
                draft.counted = True
            pages = structure.visible_pages(draft.answers)
            index = next((i for i, p in enumerate(pages) if p.pk == page.pk), 0)
            if action == "back":
                page = pages[max(index - 1, 0)]
            elif action == "save":
                saved = SavedDraft.objects.filter(survey=survey, token=draft.saved or "").first()
                saved = saved or SavedDraft.objects.create(survey=survey, data={})
                draft.page = page.pk
                draft.saved = saved.token
                saved.data = {"draft": draft.dumps()}
                saved.save(update_fields=["data", "updated_at"])
                link = request.build_absolute_uri(f"{action_url}?jatka={saved.token}")
                context["link"] = link
                return _render(request, "surveys/saved.html", context, embed=embed)
            elif index + 1 < len(pages):
                page = pages[index + 1]
            else:
                try:
                    services.response_submit(
                        survey=survey,
                        answers=draft.answers,
                        structure=structure,
                        submission_key=draft.key,
                        collector=collector,
                        invitation=invitation,
                        is_test=test,
                        language=_language(),
                        started_at=draft.started_at,
                    )
                except ValidationError as error:
                    reason = " ".join(error.messages)
                    return _render(
                        request, "surveys/closed.html", {**context, "reason": reason}, embed=embed
                    )
                if draft.saved:
                    SavedDraft.objects.filter(survey=survey, token=draft.saved).delete()
                return redirect(thanks_url)
            draft.page = page.pk
            form = PageForm(structure=structure, page=page, answers=draft.answers)
            focus = "heading"
        elif action == "back":
            # Going back from an invalid page keeps its valid answers (only the invalid
            # ones are dropped), so that coming forward again finds what was typed.
            draft.answers = merge_page_answers(draft.answers, form, form.answers())
            pages = structure.visible_pages(draft.answers)
            index = next((i for i, p in enumerate(pages) if p.pk == page.pk), 0)
            page = pages[max(index - 1, 0)]
            draft.page = page.pk
            form = PageForm(structure=structure, page=page, answers=draft.answers)
            focus = "heading"
        else:
            focus = "errors"
    draft.page = page.pk
    expected = structure.expected_pages(draft.answers, page)
    number = next((i for i, p in enumerate(expected, 1) if p.pk == page.pk), 1)
    context.update(
        {
            "page": page,
            "form": form,
            "blocks": SimpleLazyObject(lambda: form.bound_blocks()),
            "draft": draft.dumps(),
            "page_number": number,
            "page_count": len(expected),
            "is_first": number == 1,
            "is_last": number == len(expected),
            "focus": focus,
            # A first visit's empty questions are the same for everyone: shared rendering.
            "fresh": request.method != "POST" and not draft.answers,
        }
    )
    return _render(request, "surveys/answer.html", context, embed=embed)


def _draft(request, *, survey: Survey, structure: Structure, test: bool, context: dict):
    """The draft the form sent, or the saved one a `?jatka=` link names (None: start anew)."""
    draft = None
    if request.method == "POST":
        draft = Draft.loads(request.POST.get("draft", ""), structure=structure)
        if draft is None or draft.test != test:
            draft = None
            context["expired"] = True
    saved_token = request.GET.get("jatka") if request.method == "GET" else None
    if draft is None and saved_token:
        saved = SavedDraft.objects.filter(survey=survey, token=saved_token[:64]).first()
        if saved is not None:
            draft = Draft.loads(saved.data.get("draft", ""), structure=structure)
            if draft is not None:
                draft.saved = saved.token
    return draft


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
def survey_answer(request, slug, embed=False):
    def fetch() -> tuple[Survey, Collector]:
        survey = _survey_by_slug(slug, Survey.objects.exclude(status=Survey.Status.DRAFT))
        return survey, _public_collector(survey)

    # A respondent's first page: the survey and its public link, shared in the process.
    survey, collector = shared_object(request, ("survey-answer", slug), fetch)
    if survey.slug != slug:
        name = "surveys:survey_embed" if embed else "surveys:survey_answer"
        return redirect(name, slug=survey.slug)
    name = "surveys:survey_embed" if embed else "surveys:survey_answer"
    return _answer(
        request,
        survey=survey,
        collector=collector,
        embed=embed,
        action_url=reverse(name, kwargs={"slug": survey.slug}),
        thanks_url=_thanks_url(survey, embed),
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
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
    return _answer(
        request,
        survey=survey,
        collector=collector,
        embed=embed,
        action_url=reverse(name, kwargs={"slug": survey.slug, "token": collector.token}),
        thanks_url=_thanks_url(survey, embed),
    )


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@reads_query("jatka")
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
    return _answer(
        request,
        survey=survey,
        collector=invitation.collector,
        invitation=invitation,
        action_url=reverse("surveys:invitation_answer", kwargs={"token": invitation.token}),
        thanks_url=_thanks_url(survey, False),
    )


@require_GET
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
    return _answer(
        request,
        survey=survey,
        collector=None,
        test=True,
        action_url=reverse("surveys:survey_test", kwargs={"slug": survey.slug}),
        thanks_url=reverse("surveys:survey_thanks", kwargs={"slug": survey.slug}),
    )
