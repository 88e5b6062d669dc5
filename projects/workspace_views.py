"""A project's public page in the staff workspace: its texts (FI/SV side by side), logo and
contact people, and its coordinators (projects/team.py). `Project.objects.editable_by`
decides, as in the admin: a project's coordinators edit their own projects, network
coordinators every project; projects are added and removed by the network in the admin.
Coordinators are added and removed by the network (`team.may_manage`)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.staff import workspace_page

from . import team
from .models import Project
from .workspace_forms import ContactFormSet, CoordinatorForm, ProjectForm


def _editable(request, slug) -> Project:
    return get_object_or_404(Project.objects.editable_by(request.user).by_slug(slug)[:1])


@workspace_page
@require_GET
def project_list(request):
    projects = (
        Project.objects.editable_by(request.user)
        .annotate(coordinator_count=Count("memberships"))
        .order_by("kind", "name")
    )
    return render(request, "projects/workspace/project_list.html", {"projects": projects})


@transaction.atomic
def project_save(form) -> Project:
    return form.save()


@transaction.atomic
def contacts_save(formset) -> None:
    formset.save()


@workspace_page
@require_http_methods(["GET", "POST"])
def project_edit(request, slug):
    project = _editable(request, slug)
    form = ProjectForm(request.POST or None, request.FILES or None, instance=project)
    if request.method == "POST" and form.is_valid():
        project = project_save(form)
        messages.success(request, _("Hankkeen sivu tallennettu."))
        return redirect("projects_workspace:project_edit", slug=project.slug)
    context = {"form": form, "project": project, "section": "edit"}
    return render(request, "projects/workspace/project_form.html", context)


@workspace_page
@require_http_methods(["GET", "POST"])
def project_contacts(request, slug):
    project = _editable(request, slug)
    formset = ContactFormSet(request.POST or None, instance=project)
    if request.method == "POST" and formset.is_valid():
        contacts_save(formset)
        messages.success(request, _("Yhteyshenkilöt tallennettu."))
        return redirect("projects_workspace:project_contacts", slug=project.slug)
    context = {"formset": formset, "project": project, "section": "contacts"}
    return render(request, "projects/workspace/project_contacts.html", context)


def _membership(request, slug, pk):
    project = _editable(request, slug)
    return project, get_object_or_404(project.memberships.select_related("user"), pk=pk)


def _added_message(user, invited: bool) -> str:
    if invited:
        return _("Kutsu lähtee osoitteeseen %(email)s hetken kuluttua.") % {"email": user.email}
    return _(
        "%(email)s lisättiin hankkeen koordinaattoriksi. Hän saa siitä viestin hetken kuluttua."
    ) % {"email": user.email}


@workspace_page
@require_http_methods(["GET", "POST"])
def project_coordinators(request, slug):
    """Everyone who edits the project sees who else does; the network adds and removes."""
    project = _editable(request, slug)
    may_manage = team.may_manage(request.user)
    if request.method == "POST" and not may_manage:
        raise PermissionDenied
    form = CoordinatorForm(request.POST or None) if may_manage else None
    if request.method == "POST" and form.is_valid():
        try:
            membership, invited = team.coordinator_add(
                project=project, **form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _added_message(membership.user, invited))
            return redirect("projects_workspace:project_coordinators", slug=project.slug)
    context = {
        "project": project,
        "section": "coordinators",
        "coordinators": team.coordinators(project),
        "may_manage": may_manage,
        "form": form,
        "invitation_days": settings.INVITATION_VALID_DAYS,
    }
    return render(request, "projects/workspace/project_coordinators.html", context)


@workspace_page
@require_POST
def coordinator_reinvite(request, slug, pk):
    project, membership = _membership(request, slug, pk)
    try:
        team.coordinator_reinvite(membership=membership, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Uusi kutsu lähtee osoitteeseen %(email)s hetken kuluttua.")
            % {"email": membership.user.email},
        )
    return redirect("projects_workspace:project_coordinators", slug=project.slug)


@workspace_page
@require_http_methods(["GET", "POST"])
def coordinator_remove(request, slug, pk):
    """Asks first: the button on the list leads here, and only the POST removes."""
    project, membership = _membership(request, slug, pk)
    if not team.may_manage(request.user):
        raise PermissionDenied
    if request.method == "POST":
        team.coordinator_remove(membership=membership, by=request.user)
        messages.success(
            request,
            _("%(user)s ei ole enää hankkeen koordinaattori.") % {"user": membership.user},
        )
        return redirect("projects_workspace:project_coordinators", slug=project.slug)
    context = {"project": project, "membership": membership, "section": "coordinators"}
    return render(request, "projects/workspace/coordinator_remove.html", context)
