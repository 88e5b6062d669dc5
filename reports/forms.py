from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import Question, Survey


class SurveyFilterForm(forms.Form):
    """The GET form of a survey page: project, background question, round to compare."""

    project = forms.TypedChoiceField(label=_("Hanke"), required=False, coerce=int, empty_value=None)
    by = forms.ChoiceField(label=_("Ristiintaulukoi taustakysymyksen mukaan"), required=False)
    compare = forms.TypedChoiceField(
        label=_("Vertaa kierrokseen"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data, *, survey: Survey, scope, questions):
        super().__init__(data)
        self.projects = {p.pk: p for p in scope.projects()}
        self.fields["project"].choices = [("", _("Koko verkosto"))] + [
            (p.pk, p.name) for p in self.projects.values()
        ]
        self.background = {str(q.pk): q for q in questions if q.kind == Question.Kind.SINGLE}
        self.fields["by"].choices = [
            ("", _("Ei ristiintaulukointia")),
            ("project", _("Hanke")),
        ] + [(pk, q.text) for pk, q in self.background.items()]
        self.rounds = {
            s.pk: s
            for s in scope.surveys()  # a round the scope may not open is no comparison either
            .filter(series=survey.series)
            .exclude(pk=survey.pk)
            .exclude(status=Survey.Status.DRAFT)
            .order_by("round")
        }
        self.fields["compare"].choices = [("", _("Ei vertailua"))] + [
            (s.pk, f"{s.round}: {s.title}") for s in self.rounds.values()
        ]
        if not self.rounds:
            del self.fields["compare"]

    def selected(self):
        """(project, grouping, other round), each None when not chosen or invalid."""
        if not self.is_valid():
            return None, None, None
        data = self.cleaned_data
        project = self.projects.get(data.get("project"))
        by = data.get("by") or None
        if by and by != "project":
            by = self.background.get(by)
        other = self.rounds.get(data.get("compare"))
        return project, by, other
