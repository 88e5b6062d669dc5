from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

from core.query_params import cache_path as _cache_path
from core.query_params import read_query
from core.roles import can_use_workspace as _can_use_workspace
from core.translation_utils import current_language, localized_value
from valita.language_switch import page_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_urls(context):
    """The current page in every language: [(code, name, path)], filters kept
    (valita.language_switch)."""
    request = context["request"]
    urls = getattr(request, "alternate_urls", None)
    if urls is None:  # the head and the header both ask: reckoned once per request
        obj = context.get("object")
        urls = [
            (code, name, page_in_language(request, code, obj)) for code, name in settings.LANGUAGES
        ]
        request.alternate_urls = urls
    return urls


@register.inclusion_tag("includes/translated_field.html")
def translated(obj, field, rich=False, tag="div"):
    """A translated field, marked lang="fi" with a note when Swedish is missing."""
    language = current_language()
    own = localized_value(obj, field, language)
    fallback = not own and language != "fi"
    value = own or localized_value(obj, field, "fi")
    return {"value": value, "fallback": fallback, "rich": rich, "tag": tag}


@register.simple_tag
def short_name(project):
    """A project's short name, marked lang="fi" on a Swedish page where it is the Finnish
    one (no Swedish name of its own, or the Finnish name used as is), so that a screen
    reader says "Ääni" in Finnish."""
    language = (translation.get_language() or "fi")[:2]
    finnish = project.short_name_fi or ""
    own = localized_value(project, "short_name", language)
    if language == "fi" or (own and own != finnish):
        return own or finnish
    return format_html('<span lang="fi">{}</span>', finnish)


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


@register.filter
def can_use_workspace(user) -> bool:
    return _can_use_workspace(user)
