"""Helpers for model content translated with modeltranslation."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from modeltranslation.manager import MultilingualManager, MultilingualQuerySet

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


def get_by_slug(queryset, slug: str):
    """The object of a translated slug (404 if none), and whether the slug was another
    language's (the caller then redirects to the object's own address)."""
    obj = get_object_or_404(queryset.by_slug(slug)[:1])
    return obj, obj.slug != slug


class TranslatedQuerySet(MultilingualQuerySet):
    """The base of the custom QuerySets of translated models (`objects = X.as_manager()`).

    modeltranslation makes a custom QuerySet multilingual by building a new subclass of it
    each time its manager makes a queryset (manager.multilingual_queryset_factory): about
    a hundred classes a page, each a reference cycle left to the garbage collector. This
    QuerySet is multilingual from the start, and its manager (TranslatedManager, a
    MultilingualManager, which modeltranslation leaves as it is) uses it as it is.
    """

    @classmethod
    def as_manager(cls):
        return TranslatedManager.from_queryset(cls)()

    def __reduce__(self):
        # MultilingualQuerySet pickles through that factory, naming its first base; this
        # class pickles as itself.
        return (_new_queryset, (type(self),), self.__getstate__())


def _new_queryset(cls):
    return cls.__new__(cls)


class TranslatedManager(MultilingualManager):
    def get_queryset(self):
        # Django's own: the manager's QuerySet class, already multilingual.
        return models.Manager.get_queryset(self)
