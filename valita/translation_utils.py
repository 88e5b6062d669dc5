"""Helpers for model content translated with modeltranslation."""

from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify

LANGUAGE_CODES = ("fi", "sv")


def localized_value(obj, field: str, language: str | None = None) -> str:
    """The raw value of field in one language, without fallback."""
    language = language or translation.get_language() or "fi"
    return getattr(obj, f"{field}_{language[:2]}", "") or ""


def fill_missing_slugs(obj, source: str = "title") -> None:
    """Give every language a slug: from its own title, else from the Finnish slug."""
    for language in LANGUAGE_CODES:
        if not getattr(obj, f"slug_{language}", None):
            title = getattr(obj, f"{source}_{language}", "") or ""
            setattr(obj, f"slug_{language}", slugify(title)[:200] or obj.slug_fi)


class TranslatedSlugQuerySetMixin:
    def by_slug(self, slug: str):
        """Match the slug of any language, preferring none: slugs are unique per language."""
        return self.filter(Q(slug_fi=slug) | Q(slug_sv=slug))
