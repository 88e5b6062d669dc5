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

from core.query_params import declared_query
from core.translation_utils import LANGUAGE_CODES
from projects.models import Project, Theme

# Query parameters whose value is the translated slug of an object of this queryset.
SLUG_PARAMETERS = {
    "teema": lambda: Theme.objects.all(),
    "hanke": lambda: Project.objects.published(),
}


def page_in_language(request, language: str, obj=None) -> str:
    """The address of the page shown by request in language (path and query). The
    object's own address only on its own page: a form, a preview or a signed link about it
    is a page of its own (its slug, if in the other language, is redirected by its view)."""
    if (
        obj is not None
        and hasattr(obj, "get_absolute_url")
        and obj.get_absolute_url() == request.path
    ):
        with translation.override(language):
            return obj.get_absolute_url()
    path = translate_url(request.path, language)
    # Only the parameters the page reads (core.query_params): junk is never carried over.
    query = translated_query(declared_query(request), language, _slug_pairs(request))
    return f"{path}?{query}" if query else path


def _slug_pairs(request) -> dict[str, list[tuple[str, str]]]:
    """The slugs (one per language) of the objects the query names: one query per parameter
    present, once per request (the head and the switcher both ask)."""
    pairs = getattr(request, "_language_switch_slugs", None)
    if pairs is None:
        pairs = {}
        # Only the slug parameters the view declares (declared_query never reads GET itself).
        query = declared_query(request)
        for parameter, objects in SLUG_PARAMETERS.items():
            values = [value for value in query.getlist(parameter) if value]
            if values:
                matches = objects().filter(Q(slug_fi__in=values) | Q(slug_sv__in=values))
                fields = [f"slug_{code}" for code in LANGUAGE_CODES]
                pairs[parameter] = list(matches.values_list(*fields))
        request._language_switch_slugs = pairs
    return pairs


def translated_query(query: QueryDict, language: str, pairs: dict) -> str:
    """query with each slug parameter's values in language, URL-encoded; a value that
    names nothing is kept as it is."""
    query = query.copy()
    for parameter, objects in pairs.items():
        slugs = {}
        for pair in objects:
            by_language = dict(zip(LANGUAGE_CODES, pair, strict=True))
            for slug in pair:
                slugs[slug] = by_language.get(language) or by_language["fi"]
        query.setlist(parameter, [slugs.get(value, value) for value in query.getlist(parameter)])
    return query.urlencode()
