"""Practice pages (list, page, attachment download) and the follow-up rounds:
started and followed by network coordinators, answered through a signed link."""

from functools import partial

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from core.content_cache import deferred, shared_with_visitors, shows
from core.files import file_response
from core.query_params import reads_query
from core.roles import is_network_coordinator
from core.translation_utils import get_by_slug
from projects.models import Project, Theme

from . import services
from .forms import FollowUpAnswerForm, PracticeFilterForm
from .jsonld import practice_jsonld
from .models import Adoption, Practice, adoptions_prefetch

PER_PAGE = 20


def _practice_list_content(request) -> dict:
    """The list's data: queried only when its shared fragment is rendered."""
    themes = list(Theme.objects.all())
    projects = list(Project.objects.published())
    form = PracticeFilterForm(request.GET or None, themes=themes, projects=projects)
    practices = (
        form.filter(Practice.objects.published())
        .for_cards()
        .annotate(
            adoption_count=Count(
                "adoptions", filter=~Q(adoptions__status=Adoption.Status.DISCONTINUED)
            )
        )
        .order_by("title", "pk")
    )
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("sivu"))
    return {"form": form, "page": page}


@require_GET
@shows("practices")
@reads_query(*PracticeFilterForm.base_fields, "sivu")
def practice_list(request):
    content = deferred(partial(_practice_list_content, request), "form", "page")
    return render(request, "practices/practice_list.html", content)


@require_GET
@shows("practices")
def practice_detail(request, slug):
    practice = shared_with_visitors(
        request,
        ("practice-page", slug),
        "practices",
        lambda: get_by_slug(
            Practice.objects.visible_to(request.user).prefetch_related(
                "projects", "themes", "attachments", "links", adoptions_prefetch()
            ),
            slug,
        )[0],
    )
    wrong_slug = practice.slug != slug  # per request: the slug follows the language
    if wrong_slug:
        return redirect(practice, permanent=True)
    may_edit = (
        request.user.is_authenticated
        and Practice.objects.editable_by(request.user).filter(pk=practice.pk).exists()
    )
    context = {
        "object": practice,
        "practice": practice,
        **deferred(partial(_practice_content, practice), "adoptions", "last_confirmed", "jsonld"),
        "may_edit": may_edit,
        "may_follow_up": is_network_coordinator(request.user),
    }
    return render(request, "practices/practice_detail.html", context)


def _practice_content(practice) -> dict:
    """The page's data: queried only when its shared fragments are rendered."""
    confirmed = [a.last_confirmed_at for a in practice.active_adoptions if a.last_confirmed_at]
    return {
        "adoptions": practice.active_adoptions,
        "last_confirmed": max(confirmed) if confirmed else None,
        "jsonld": practice_jsonld(practice),
    }


@require_GET
def practice_attachment(request, slug, pk):
    """An attachment as a download with its checked content type, never rendered inline."""
    practice = get_object_or_404(Practice.objects.visible_to(request.user).by_slug(slug)[:1])
    attachment = get_object_or_404(practice.attachments, pk=pk)
    return file_response(
        attachment.file, filename=attachment.download_name, content_type=attachment.content_type
    )


@require_http_methods(["GET", "POST"])
def followup_answer(request, signed):
    """The short follow-up form, answered through a signed link without an account."""
    followup = services.followup_from_signature(signed)
    if followup is None:
        raise Http404
    practice = followup.adoption.practice
    refusal = services.followup_refusal(followup)
    if refusal:
        context = {"practice": practice, "followup": followup, "refusal": refusal}
        return render(request, "practices/followup_closed.html", context, status=410)
    form = FollowUpAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_answer(request=followup, **form.cleaned_data)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            return render(request, "practices/followup_thanks.html", {"practice": practice})
    context = {"practice": practice, "followup": followup, "form": form}
    return render(request, "practices/followup_answer.html", context)


def _add_service_error(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# The follow-up rounds moved into the staff workspace (practices/workspace_views.py); the
# old addresses lead there.


@require_GET
@reads_query("malli")
def followup_start(request):
    query = request.GET.urlencode() if request.GET.getlist("malli") else ""
    target = reverse("practices_workspace:followup_start")
    return redirect(f"{target}?{query}" if query else target, permanent=True)


@require_GET
def followup_round(request, pk):
    return redirect("practices_workspace:followup_detail", pk=pk, permanent=True)


@require_GET
def followup_rounds(request):
    return redirect("practices_workspace:followup_list", permanent=True)
