"""Keeping the search documents current: one object at a time, never a full rebuild.

Every public object has a document for the search page of each language. Where the
object has no text in that language (a post written in Swedish only, a practice not yet
translated), the document holds the text of a language it is written in, says which
(`text_language`), and its vector is built with that language's configuration. A document
never mixes languages: fields not written in its text language stay out of it.

A save or delete of a registered model (or a change in one of its listed
many-to-many relations) re-indexes that object in the same transaction, so the
index and the content commit or roll back together.
"""

import html
import re

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import strip_tags

from core.content_cache import retire_at_commit
from core.translation_utils import LANGUAGE_CODES, localized_value

from . import registry
from .models import SearchDocument
from .registry import SearchSource, source_for_model, sources

CONFIGS = {"fi": "finnish", "sv": "swedish"}
# ts_headline marks matches with these; they never occur in indexed text.
MARK_START, MARK_STOP = "\x02", "\x03"
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: str) -> str:
    """Rich text as plain words: tags out, entities decoded, control characters out."""
    text = html.unescape(strip_tags(re.sub(r"<(/p|br\s*/?|/li|/h\d)>", r"<\1> ", value or "")))
    return re.sub(r"\s+", " ", CONTROL.sub(" ", text)).strip()


def field_text(obj, field: str, language: str) -> str:
    """A translated field in the document's text language and in no other: a field not yet
    written in it stays out (a Swedish title with Finnish-only steps), so that a document
    holds one language, is stemmed with that language's configuration, and its excerpt is
    marked with the language it is really in."""
    return localized_value(obj, field, language)


def written_in(field: str):
    """A source's `languages`: those in which the object's `field` (its title) is written."""
    return lambda obj: [
        code for code in LANGUAGE_CODES if localized_value(obj, field, code).strip()
    ]


def text_language(written, page_language: str) -> str:
    """The language of the text in the page's document: the page's own if the object is
    written in it, else the first one (in LANGUAGE_CODES order) it is written in."""
    if page_language in written:
        return page_language
    return next((code for code in LANGUAGE_CODES if code in written), page_language)


def texts_in(language: str) -> Q:
    """The documents whose text is written in `language` (rows from before
    `text_language` was kept leave it empty: their text is in the page's language)."""
    return Q(text_language=language) | Q(text_language="", language=language)


def register_source(source: SearchSource) -> SearchSource:
    """Register a source and keep its documents current on every save and delete."""
    registry.add(source)
    uid = f"search-{source.kind}"
    post_save.connect(on_save, sender=source.model, dispatch_uid=uid, weak=False)
    post_delete.connect(on_delete, sender=source.model, dispatch_uid=uid, weak=False)
    for through in source.m2m:
        m2m_changed.connect(
            on_m2m_changed, sender=through, dispatch_uid=f"{uid}-{through}", weak=False
        )
    return source


def index_object(source: SearchSource, obj) -> None:
    """Write (or remove) the object's documents in every language."""
    if not source.public().filter(pk=obj.pk).exists():
        SearchDocument.objects.filter(kind=source.kind, object_id=obj.pk).delete()
        return
    themes = "|" + "".join(f"{pk}|" for pk in sorted(set(source.theme_ids(obj))))
    written = set(source.languages(obj))
    for language in LANGUAGE_CODES:
        text_in = text_language(written, language)
        SearchDocument.objects.update_or_create(
            kind=source.kind,
            object_id=obj.pk,
            language=language,
            defaults={
                "text_language": text_in,
                "title": plain_text(source.title(obj, text_in))[:300],
                "body": plain_text(source.body(obj, text_in)),
                "url": source.url(obj, language)[:500],
                "themes": themes[:200],
            },
        )
    update_vectors(SearchDocument.objects.filter(kind=source.kind, object_id=obj.pk))


def index_newly_public(source: SearchSource, candidates, scope: str) -> int:
    """Index those of `candidates` (objects whose publish time has come) that have no
    documents yet: no save happens at that time, so the save signal cannot. Once each: the
    pages of `scope` (and so the search pages, which show every scope) are retired when
    something was added, since they were rendered and cached without it."""
    indexed = SearchDocument.objects.filter(kind=source.kind).values("object_id")
    count = 0
    for obj in candidates.exclude(pk__in=indexed):
        index_object(source, obj)
        count += 1
    if count:
        retire_at_commit([scope])
    return count


def update_vectors(documents) -> None:
    """Build the weighted vectors in the database (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return
    for language, config in CONFIGS.items():
        documents.filter(texts_in(language)).update(
            vector=SearchVector("title", weight="A", config=config)
            + SearchVector("body", weight="B", config=config)
        )


def reindex(kinds: list[str] | None = None) -> int:
    """Rebuild the documents of the given kinds (all by default); the number of objects."""
    count = 0
    for source in sources():
        if kinds and source.kind not in kinds:
            continue
        public_ids = set(source.public().values_list("pk", flat=True))
        SearchDocument.objects.filter(kind=source.kind).exclude(object_id__in=public_ids).delete()
        for obj in source.model._default_manager.filter(pk__in=public_ids).iterator():
            index_object(source, obj)
            count += 1
    return count


def _schedule(model, pk) -> None:
    """Re-index one object now, in the caller's transaction: a rollback undoes both."""
    source = source_for_model(model)
    if source is None or pk is None:
        return
    obj = source.model._default_manager.filter(pk=pk).first()
    if obj is None:
        SearchDocument.objects.filter(kind=source.kind, object_id=pk).delete()
    else:
        index_object(source, obj)


def on_save(sender, instance, raw=False, **kwargs):
    if not raw:
        _schedule(sender, instance.pk)


def on_delete(sender, instance, **kwargs):
    source = source_for_model(sender)
    if source is not None:
        SearchDocument.objects.filter(kind=source.kind, object_id=instance.pk).delete()


def on_m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        _schedule(type(instance), instance.pk)
        return
    # Changed from the other side (theme.practices.add(...)): re-index each object named.
    for pk in pk_set or ():
        _schedule(model, pk)
