"""The search sources of the apps this branch knows: themes, projects, events, practices.

Other apps (the blog) register their own sources in their AppConfig.ready().
"""

from django.utils.translation import gettext_lazy as _

from events.models import Event
from practices.models import Practice
from projects.models import Project, Theme

from .indexing import field_text, register_source, written_in
from .registry import SearchSource


def _joined(obj, language: str, *fields: str) -> str:
    return " \n".join(field_text(obj, name, language) for name in fields)


def _theme_ids(obj):
    return obj.themes.values_list("pk", flat=True)


def register_all() -> None:
    """Register each searchable kind of content with what the index reads from it.

    Long because it is one declaration per kind, read side by side like a table; helpers
    would only scatter the four entries.
    """
    register_source(
        SearchSource(
            kind="practice",
            label=_("Toimintamalli"),
            model=Practice,
            public=Practice.objects.published,
            title=lambda obj, lang: field_text(obj, "title", lang),
            languages=written_in("title"),
            body=lambda obj, lang: _joined(
                obj,
                lang,
                "summary",
                "problem",
                "target_group_details",
                "steps",
                "resources",
                "evaluation",
            ),
            theme_ids=_theme_ids,
            m2m=(Practice.themes.through,),
            order=10,
        )
    )
    register_source(
        SearchSource(
            kind="project",
            label=_("Hanke"),
            model=Project,
            public=Project.objects.published,
            title=lambda obj, lang: field_text(obj, "name", lang),
            languages=written_in("name"),
            body=lambda obj, lang: _joined(obj, lang, "summary", "description", "goals", "region"),
            theme_ids=_theme_ids,
            m2m=(Project.themes.through,),
            order=20,
        )
    )
    register_source(
        SearchSource(
            kind="event",
            label=_("Tapahtuma"),
            model=Event,
            public=Event.objects.published,
            title=lambda obj, lang: field_text(obj, "title", lang),
            languages=written_in("title"),
            body=lambda obj, lang: _joined(obj, lang, "description", "venue", "audience"),
            theme_ids=_theme_ids,
            m2m=(Event.themes.through,),
            order=30,
        )
    )
    register_source(
        SearchSource(
            kind="theme",
            label=_("Teema"),
            model=Theme,
            public=Theme.objects.all,
            title=lambda obj, lang: field_text(obj, "name", lang),
            languages=written_in("name"),
            body=lambda obj, lang: field_text(obj, "description", lang),
            theme_ids=lambda obj: [obj.pk],
            order=40,
        )
    )
