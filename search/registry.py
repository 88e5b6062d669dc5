"""What the site search covers: each app registers its sources here.

A source says which objects are public, which languages each is written in, and
what their title, text, address and themes are in each language. The search app
keeps one SearchDocument row per object and page language (holding the text of
another language where the object has none in the page's), updated when the
object (or one of the listed many-to-many relations) changes, so the index is
never rebuilt whole.

An app registers itself in its AppConfig.ready(), without the search app
importing it (blog/search.py):

    from search.indexing import register_source
    from search.registry import SearchSource
    register_source(SearchSource(kind="post", label=_("Blogikirjoitus"), model=Post,
                                 languages=lambda post: post.languages, ...))
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import translation


@dataclass(frozen=True)
class SearchSource:
    kind: str
    label: str  # a lazy translation: the kind's name shown beside each result
    model: type[models.Model]
    public: Callable[[], models.QuerySet]  # the objects anyone may find
    title: Callable[[models.Model, str], str]
    body: Callable[[models.Model, str], str]
    # The languages the object is written in (search.indexing.written_in("title")): a
    # page in another language finds the object in the text of one of these.
    languages: Callable[[models.Model], Iterable[str]]
    theme_ids: Callable[[models.Model], Iterable[int]] = lambda obj: ()
    m2m: tuple = field(default=())  # through models whose changes re-index the object
    order: int = 50  # position among the kind filters

    def url(self, obj, language: str) -> str:
        with translation.override(language):
            return obj.get_absolute_url()


_sources: dict[str, SearchSource] = {}


def add(source: SearchSource) -> SearchSource:
    """Add a source to the registry (search.indexing.register_source also keeps it indexed)."""
    _sources[source.kind] = source
    return source


def sources() -> list[SearchSource]:
    return sorted(_sources.values(), key=lambda source: (source.order, source.kind))


def source_for(kind: str) -> SearchSource | None:
    return _sources.get(kind)


def source_for_model(model) -> SearchSource | None:
    for source in _sources.values():
        if source.model is model or issubclass(model, source.model):
            return source
    return None
