"""The filter form of a list of project content (events, practices): theme and project
for every list, and each list's own choice fields.

A plain GET form, so it works without JavaScript. The themes and projects to choose
from are given by the view, so this module imports no feature app; the queryset it
filters is a core.project_content.ProjectContentQuerySet.
"""

from django import forms
from django.utils.translation import gettext_lazy as _


class ProjectContentFilterForm(forms.Form):
    teema = forms.ChoiceField(label=_("Teema"), required=False)
    hanke = forms.ChoiceField(label=_("Hanke"), required=False)

    #: a subclass's own choice fields: the query parameter and the model field it filters
    field_lookups: dict[str, str] = {}

    def __init__(self, *args, themes, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = {theme.slug: theme for theme in themes}
        self.projects = {project.slug: project for project in projects}
        self.fields["teema"].choices = [("", _("Kaikki teemat"))] + [
            (slug, theme.name) for slug, theme in self.themes.items()
        ]
        self.fields["hanke"].choices = [("", _("Kaikki hankkeet"))] + [
            (slug, project.name) for slug, project in self.projects.items()
        ]

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data["teema"]:
            queryset = queryset.with_theme(self.themes[data["teema"]])
        if data["hanke"]:
            queryset = queryset.with_project(self.projects[data["hanke"]])
        for name, lookup in self.field_lookups.items():
            if data[name]:
                queryset = queryset.filter(**{lookup: data[name]})
        return queryset

    @property
    def active(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    @property
    def selected_theme(self):
        return self.is_valid() and self.themes.get(self.cleaned_data["teema"]) or None

    @property
    def selected_project(self):
        return self.is_valid() and self.projects.get(self.cleaned_data["hanke"]) or None
