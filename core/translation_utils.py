"""Helpers for model content translated with modeltranslation."""

from django.conf import settings
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify

from .content_cache import shared_object

LANGUAGE_CODES = ("fi", "sv")


def current_language() -> str:
    """The two-letter code of the active language (the default one where none is
    active, e.g. in a task): the field suffix of modeltranslation."""
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def first_url_word(url_name: str, language: str) -> str:
    """The first word of a named URL's path in a language ("tili" for account_login in
    Finnish, "konto" in Swedish): translated URL words are written once, in the URLconf."""
    with translation.override(language):
        return reverse(url_name).removeprefix(f"/{language}/").split("/")[0]


def localized_value(obj, field: str, language: str | None = None) -> str:
    """The raw value of field in one language, without fallback."""
    language = language or current_language()
    return getattr(obj, f"{field}_{language[:2]}", "") or ""


def fill_missing_slugs(obj, source: str = "title") -> None:
    """Give every language a slug: from its own title, else from the Finnish slug.

    A slug made here never collides: "-2", "-3"… is added until it is free.
    """
    for language in LANGUAGE_CODES:
        field = f"slug_{language}"
        if not getattr(obj, field, None):
            title = getattr(obj, f"{source}_{language}", "") or ""
            base = slugify(title)[:190] or obj.slug_fi
            setattr(obj, field, _free_slug(obj, field, base))


def _free_slug(obj, field: str, base: str) -> str:
    taken = type(obj)._default_manager.exclude(pk=obj.pk).filter(**{f"{field}__startswith": base})
    taken = set(taken.values_list(field, flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class TranslatedSlugQuerySetMixin:
    def by_slug(self, slug: str):
        """Match the slug of any language, preferring none: slugs are unique per language."""
        return self.filter(Q(slug_fi=slug) | Q(slug_sv=slug))


def get_by_slug(queryset, slug: str, *, shared_as: str = "", request=None):
    """The object of a translated slug (404 if none), and whether the slug was another
    language's (the caller then redirects to the object's own address).

    With shared_as and the request, an anonymous visitor's lookup is shared within the
    process while the content stands (core.content_cache.shared_object); shared_as
    names the queryset, so that different querysets of one model never mix. The
    queryset may then be given as a function, so that a shared lookup builds none.
    """

    def fetch():
        objects = queryset() if callable(queryset) else queryset
        return get_object_or_404(objects.by_slug(slug)[:1])

    if shared_as and request is not None:
        obj = shared_object(request, (shared_as, slug), fetch)
    else:
        obj = fetch()
    return obj, obj.slug != slug


# django-modeltranslation 0.20 builds a new QuerySet subclass each time a manager of a
# model with a custom QuerySet makes a queryset (manager.py, multilingual_queryset_factory):
# about a hundred classes a page, each a reference cycle left to the garbage collector.
# The class depends only on the QuerySet class it extends, so each is built once.
_multilingual_classes: dict[type, type] = {}
_original_multilingual_queryset_factory = None


def multilingual_queryset_factory(old_cls: type, instantiate: bool = True):
    """modeltranslation's factory with one class per QuerySet class (module-level, so that
    a pickled queryset, whose __reduce__ names the factory, can be unpickled)."""
    new_cls = _multilingual_classes.get(old_cls)
    if new_cls is None:
        new_cls = _original_multilingual_queryset_factory(old_cls, instantiate=False)
        _multilingual_classes[old_cls] = new_cls
    return new_cls() if instantiate else new_cls


def share_multilingual_queryset_classes() -> None:
    """Install the factory above in modeltranslation (from AppConfig.ready)."""
    global _original_multilingual_queryset_factory
    from modeltranslation import manager

    if manager.multilingual_queryset_factory is not multilingual_queryset_factory:
        _original_multilingual_queryset_factory = manager.multilingual_queryset_factory
        manager.multilingual_queryset_factory = multilingual_queryset_factory
