"""The current page's address in another language, for the language switcher and hreflang.

A page about one object asks the object (its slug is translated too). Any other page
translates its path, and its query string keeps the visitor's filters: a filter whose
value is a theme's or a project's slug (`teema`, `hanke`, the same names on every list)
gets that object's slug in the other language; every other value (a format, a status,
a page number) means the same in both languages and is kept as it is.
"""

from django.db.models import Q
from django.http import QueryDict
from django.urls import translate_url
from django.utils import translation

from projects.models import Project, Theme

# Query parameters whose value is the translated slug of an object of this queryset.
SLUG_PARAMETERS = {
    "teema": lambda: Theme.objects.all(),
    "hanke": lambda: Project.objects.published(),
}


def page_in_language(request, language: str, obj=None) -> str:
    """The address of the page shown by request in language (path and query)."""
    if obj is not None and hasattr(obj, "get_absolute_url"):
        with translation.override(language):
            return obj.get_absolute_url()
    path = translate_url(request.path, language)
    query = translated_query(request.GET, language)
    return f"{path}?{query}" if query else path


def translated_query(query: QueryDict, language: str) -> str:
    """query with each slug parameter's values in language, URL-encoded."""
    query = query.copy()
    for parameter, objects in SLUG_PARAMETERS.items():
        values = query.getlist(parameter)
        if not any(values):
            continue
        matches = objects().filter(Q(slug_fi__in=values) | Q(slug_sv__in=values))
        slugs = {}
        for obj in matches.only("slug_fi", "slug_sv"):
            target = getattr(obj, f"slug_{language}") or obj.slug_fi
            slugs[obj.slug_fi] = slugs[obj.slug_sv] = target
        query.setlist(parameter, [slugs.get(value, value) for value in values])
    return query.urlencode()
