"""A project's public page in the staff workspace: its texts (FI/SV side by side), logo and
contact people. `Project.objects.editable_by` decides, as in the admin: a project's
coordinators edit their own projects, network coordinators every project; projects are
added and removed by the network in the admin."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.staff import workspace_page

from .models import Project
from .workspace_forms import ContactFormSet, ProjectForm


def _editable(request, slug) -> Project:
    return get_object_or_404(Project.objects.editable_by(request.user).by_slug(slug)[:1])


@workspace_page
@require_GET
def project_list(request):
    projects = Project.objects.editable_by(request.user).order_by("kind", "name")
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
