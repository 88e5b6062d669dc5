"""The practices in the staff workspace: list, editor (FI/SV side by side), attachments,
links and adoptions, and the follow-up rounds.

After the workspace gate the models' helpers decide, as in the admin: a practice outside
`Practice.objects.editable_by(user)` is a 404; creating one needs a coordinator role (403
for OPH viewers); follow-up rounds are the network coordinators' (`FollowUpRound.objects
.editable_by`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from core.query_params import reads_query
from core.roles import is_network_coordinator, is_project_coordinator
from core.staff import workspace_page

from . import services
from .forms import FollowUpRoundForm
from .models import FollowUpRound, Practice
from .workspace_forms import ROWS, PracticeForm, organisation_choices

PER_PAGE = 25


def may_create(user) -> bool:
    """Who may add practices in the admin today: network and project coordinators."""
    return is_network_coordinator(user) or is_project_coordinator(user)


def _editable(request, pk) -> Practice:
    return get_object_or_404(Practice.objects.editable_by(request.user), pk=pk)


@workspace_page
@require_GET
@reads_query("sivu")
def practice_list(request):
    practices = (
        Practice.objects.editable_by(request.user).for_listing().order_by("-updated_at", "pk")
    )
    page = Paginator(practices, PER_PAGE).get_page(request.GET.get("sivu"))
    context = {
        "page": page,
        "may_create": may_create(request.user),
        "may_follow_up": is_network_coordinator(request.user),
    }
    return render(request, "practices/workspace/practice_list.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_create(request):
    if not may_create(request.user):
        raise PermissionDenied
    form = PracticeForm(request.POST or None, editor=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_save(form)
        messages.success(request, _("Toimintamalli tallennettu."))
        return redirect("practices_workspace:practice_edit", pk=practice.pk)
    return render(request, "practices/workspace/practice_form.html", {"form": form})


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_edit(request, pk):
    practice = _editable(request, pk)
    form = PracticeForm(request.POST or None, instance=practice, editor=request.user)
    if request.method == "POST" and form.is_valid():
        services.practice_save(form)
        messages.success(request, _("Toimintamalli tallennettu."))
        return redirect("practices_workspace:practice_edit", pk=practice.pk)
    context = {"form": form, "practice": practice, "section": "edit"}
    return render(request, "practices/workspace/practice_form.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_delete(request, pk):
    practice = _editable(request, pk)
    if request.method == "POST":
        title = str(practice)
        services.practice_delete(practice)
        messages.success(request, _("Toimintamalli %(title)s poistettu.") % {"title": title})
        return redirect("practices_workspace:practice_list")
    return render(request, "practices/workspace/practice_delete.html", {"practice": practice})


ROW_PAGES = {
    "attachments": {
        "title": lambda: _("Liitteet"),
        "intro": lambda: _(
            "PDF-, DOCX-, PPTX- tai ODT-tiedostoja. Liite näkyy sivulla ladattavana niille, jotka "
            "näkevät toimintamallin."
        ),
    },
    "links": {
        "title": lambda: _("Linkit"),
        "intro": lambda: _("Linkit muualle verkkoon, esimerkiksi materiaaleihin."),
    },
    "adoptions": {
        "title": lambda: _("Käyttöönotot"),
        "intro": lambda: _(
            "Organisaatiot, jotka käyttävät mallia. Seurantakyselyt lähetetään yhteyshenkilön "
            "sähköpostiin hänen kielellään."
        ),
    },
}


def _rows(request, pk, kind):
    practice = _editable(request, pk)
    Formset = ROWS[kind]
    rows = Formset.model.objects.filter(practice=practice)
    form_kwargs = {}
    if kind == "adoptions":
        rows = rows.select_related("organisation", "practice")  # a row's legend names both
        form_kwargs = {"organisation_choices": organisation_choices()}
    formset = Formset(
        request.POST or None,
        request.FILES or None,
        instance=practice,
        form_kwargs=form_kwargs,
        queryset=rows,
    )
    if request.method == "POST" and formset.is_valid():
        services.practice_rows_save(formset)
        messages.success(request, _("Muutokset tallennettu."))
        return redirect(request.path)
    page = ROW_PAGES[kind]
    context = {
        "practice": practice,
        "formset": formset,
        "section": kind,
        "title": page["title"](),
        "intro": page["intro"](),
        "multipart": kind == "attachments",
    }
    return render(request, "practices/workspace/practice_rows.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_attachments(request, pk):
    return _rows(request, pk, "attachments")


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_links(request, pk):
    return _rows(request, pk, "links")


@workspace_page
@require_http_methods(["GET", "POST"])
def practice_adoptions(request, pk):
    return _rows(request, pk, "adoptions")


# ---------------------------------------------------------------- follow-up rounds


def _network_only(user):
    if not is_network_coordinator(user):
        raise PermissionDenied


@workspace_page
@require_GET
def followup_list(request):
    _network_only(request.user)
    rounds = FollowUpRound.objects.editable_by(request.user).with_counts()
    context = {"rounds": rounds, "due": services.followup_due()}
    return render(request, "practices/workspace/followup_list.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
@reads_query("malli")
def followup_start(request):
    _network_only(request.user)
    practices = Practice.objects.filter(adoptions__isnull=False).distinct().order_by("title")
    initial = {"practices": request.GET.getlist("malli")} if request.method == "GET" else None
    form = FollowUpRoundForm(request.POST or None, practices=practices, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round = services.followup_round_start(
                title=data["title"],
                practices=data["practices"],
                closes_at=form.closes_at,
                months_after=data["months_after"],
                remind_after_days=data["remind_after_days"],
                started_by=request.user,
            )
        except ValidationError as error:
            for field, errors in getattr(error, "error_dict", {None: error.error_list}).items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            count = round.requests.count()
            messages.success(
                request,
                ngettext(
                    "Seurantakierros aloitettu: %(count)s kysely lähetetään.",
                    "Seurantakierros aloitettu: %(count)s kyselyä lähetetään.",
                    count,
                )
                % {"count": count},
            )
            return redirect("practices_workspace:followup_detail", pk=round.pk)
    return render(request, "practices/workspace/followup_start.html", {"form": form})


@workspace_page
@require_GET
def followup_detail(request, pk):
    round = get_object_or_404(FollowUpRound.objects.editable_by(request.user), pk=pk)
    requests = round.requests.select_related("adoption__practice", "adoption__organisation")
    context = {
        "round": round,
        "summary": services.practice_status_summary(round),
        "requests": requests.order_by("adoption__practice__title", "adoption__organisation__name"),
    }
    return render(request, "practices/workspace/followup_detail.html", context)
