"""Writes shared by the content that several projects share (events, posts, practices)."""

from collections.abc import Iterable

from django.db import transaction

from .models import Project


def projects_after_edit(*, user, current: Iterable[int], wanted: Iterable[int]) -> list[Project]:
    """The projects a shared object links to after `user` asks for `wanted`: links to the
    projects the user may edit follow the request, the others stay as they are. The rule
    of projects.forms.ProjectsKeptFormMixin, for writes without that form (a restore)."""
    editable = set(Project.objects.editable_by(user).values_list("pk", flat=True))
    current, wanted = set(current), set(wanted)
    return list(Project.objects.filter(pk__in=(wanted & editable) | (current - editable)))


@transaction.atomic
def shared_content_restore(*, obj, m2m: dict, user):
    """The history's restore (core.versions.version_restore) of an event or a practice:
    its projects only within the user's own, as the editor's form keeps them."""
    if "projects" in m2m:
        current = obj.projects.values_list("pk", flat=True)
        wanted = m2m["projects"]
        m2m = {**m2m, "projects": projects_after_edit(user=user, current=current, wanted=wanted)}
    obj.save()
    for field_name, values in m2m.items():
        getattr(obj, field_name).set(values)
    return obj
