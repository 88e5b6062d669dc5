"""Forms for objects that several projects share (events, posts, practices).

A project coordinator chooses among their own projects only; the projects of the
object they may not edit stay on it when they save, whatever the form sent. The
admin and any staff page use the same form, so the rule holds everywhere.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Project


class ProjectsKeptFormMixin:
    """A ModelForm with a `projects` field, for the user who saves (`editor`).

    Pass `editor=user` when building the form, or make a bound class with
    `for_editor(user)` where the caller builds the form itself (the admin).
    """

    editor = None

    @classmethod
    def for_editor(cls, user):
        return type(cls.__name__, (cls,), {"editor": user, "__module__": cls.__module__})

    def __init__(self, *args, editor=None, **kwargs):
        super().__init__(*args, **kwargs)
        if editor is not None:
            self.editor = editor
        field = self.fields.get("projects")
        if field is None or self.editor is None:
            return
        field.queryset = Project.objects.editable_by(self.editor)
        kept = self.kept_projects()
        if kept:
            names = ", ".join(str(project) for project in kept)
            note = _("Pysyy myös näissä hankkeissa, joita et voi muuttaa: %(projects)s.") % {
                "projects": names
            }
            field.help_text = f"{field.help_text} {note}".strip()

    def kept_projects(self) -> list[Project]:
        """The object's projects that the editor may not add or remove."""
        if self.editor is None or self.instance.pk is None:
            return []
        editable = Project.objects.editable_by(self.editor).values("pk")
        return list(self.instance.projects.exclude(pk__in=editable))

    def clean_projects(self):
        chosen = list(self.cleaned_data["projects"])
        return chosen + [project for project in self.kept_projects() if project not in chosen]


class ProjectsKeptForm(ProjectsKeptFormMixin, forms.ModelForm):
    """The admin's base form for the models with a `projects` field."""
