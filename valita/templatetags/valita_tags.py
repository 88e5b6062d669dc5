from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from valita.query_params import cache_path as _cache_path
from valita.query_params import read_query
from valita.translation_utils import current_language, localized_value

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_urls(context):
    """The current page in every language: [(code, name, path)].

    A page about one object asks the object for its address in each language
    (the slug is translated too); any other page translates its own path.
    """
    request = context["request"]
    obj = context.get("object")
    current_path = _cache_path(request)  # only the parameters the page reads
    links = []
    for code, name in settings.LANGUAGES:
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with translation.override(code):
                path = obj.get_absolute_url()
        else:
            path = translate_url(current_path, code)
        links.append((code, name, path))
    return links


@register.inclusion_tag("includes/translated_field.html")
def translated(obj, field, rich=False, tag="div"):
    """A translated field, marked lang="fi" with a note when Swedish is missing."""
    language = current_language()
    own = localized_value(obj, field, language)
    fallback = not own and language != "fi"
    value = own or localized_value(obj, field, "fi")
    return {"value": value, "fallback": fallback, "rich": rich, "tag": tag}


@register.filter
def in_language(obj, field):
    """True when the field has text of its own in the current language."""
    return bool(localized_value(obj, field))


@register.simple_tag(takes_context=True)
def page_query(context, param, number):
    """The current query string with `param` set to `number` (the view's other
    declared parameters kept, nothing else)."""
    query = read_query(context.request).copy()
    query[param] = number
    return "?" + query.urlencode()


@register.filter
def cache_path(request) -> str:
    """The page's path with only the query parameters its view reads (a cache key part)."""
    return _cache_path(request)
