from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from blog.services import workspace_panel as blog_panel
from core.query_params import reads_query
from core.roles import is_network_coordinator, is_oph_viewer, is_project_coordinator
from core.staff import workspace_page
from events.services import workspace_panel as events_panel
from practices.services import followup_overview
from projects.models import Project
from surveys.collecting import surveys_to_follow
from surveys.models import Survey

from . import translations as translation_workflow
from .forms import TranslationFilterForm


def user_projects(user):
    """The projects a user works for: all of the network's for network coordinators."""
    projects = Project.objects.order_by("name")
    if is_network_coordinator(user):
        return projects
    return projects.filter(memberships__user=user)


@workspace_page
def home(request):
    user = request.user
    context = {
        "projects": user_projects(user),
        "open_surveys": Survey.objects.visible_to(user)
        .open()
        .with_response_counts()
        .order_by("closes_at", "pk"),
        "is_network_coordinator": is_network_coordinator(user),
        "is_oph_viewer": is_oph_viewer(user),
        **needs_me(user),
        **events_panel(user),
        "collect_surveys": surveys_to_follow(user),
        "blog": blog_panel(user),
    }
    return render(request, "workspace/home.html", context)


NEEDS_ITEMS = 5


def needs_me(user) -> dict:
    """What waits for the user: Swedish missing or out of date among their objects, and
    (network coordinators) follow-up rounds open or due. Nothing for OPH viewers."""
    if not (is_network_coordinator(user) or is_project_coordinator(user)):
        return {}
    waiting = translation_workflow.waiting_for(user)
    return {
        "needs_translations": {
            "count": waiting.count(),
            "items": translation_workflow.items_of(waiting[:NEEDS_ITEMS]),
        },
        "needs_followup": followup_overview(user),
    }


PER_PAGE = 25


@workspace_page
@require_GET
@reads_query("hanke", "tyyppi", "sivu")
def translations(request):
    """What waits for a Swedish translation among the objects the user may edit."""
    user = request.user
    projects = Project.objects.editable_by(user).order_by("name")
    may_edit = is_network_coordinator(user) or is_project_coordinator(user)
    form = TranslationFilterForm(request.GET or None, projects=projects)
    waiting = translation_workflow.waiting_for(user, **form.filters()).select_related(
        "requested_by"
    )
    page = Paginator(waiting, PER_PAGE).get_page(request.GET.get("sivu"))
    context = {
        "form": form,
        "page": page,
        "items": translation_workflow.items_of(page.object_list),
        "may_edit": may_edit,
    }
    return render(request, "workspace/translations.html", context)


@workspace_page
@require_POST
def translation_request(request, kind, pk):
    """A coordinator asks for the Swedish of one of their objects."""
    tracked = translation_workflow.TRACKED.get(kind)
    if tracked is None:
        raise Http404
    if not (is_network_coordinator(request.user) or is_project_coordinator(request.user)):
        raise PermissionDenied
    obj = get_object_or_404(tracked.model.objects.editable_by(request.user), pk=pk)
    try:
        translation_workflow.translation_request(obj=obj, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("Käännöstä pyydetty: %(title)s. Verkostokoordinaattorit näkevät pyynnön.")
            % {"title": obj},
        )
    return redirect(_safe_next(request) or reverse("workspace:translations"))


def _safe_next(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""
