from functools import partial

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.content_cache import deferred
from core.query_params import reads_query
from core.translation_utils import current_language
from projects.models import Theme

from . import services
from .registry import sources

PER_PAGE = 20
SEARCH_NAMES = (
    "themes",
    "kinds",
    "kind_labels",
    "selected_kind",
    "selected_theme",
    "too_long",
    "page",
    "results",
    "kind_counts",
    "total",
)


def _search_content(request, query: str) -> dict:
    """The form's choices and the results: queried only when the shared fragment is
    rendered (the same query string gives every visitor the same page)."""
    language = current_language()
    themes = list(Theme.objects.all())
    kinds = [(source.kind, source.label) for source in sources()]
    kind = request.GET.get("tyyppi", "")
    kind = kind if kind in dict(kinds) else ""
    theme = next((t for t in themes if request.GET.get("teema") in (t.slug_fi, t.slug_sv)), None)
    context = {
        "themes": themes,
        "kinds": kinds,
        "kind_labels": dict(kinds),
        "selected_kind": kind,
        "selected_theme": theme,
        "too_long": len(request.GET.get("q", "")) > services.MAX_QUERY_LENGTH,
    }
    if query:
        documents = services.matching(query, language)
        if theme:
            documents = services.with_theme(documents, theme.pk)
        counts = services.kind_counts(documents)
        if kind:
            documents = documents.filter(kind=kind)
        page = Paginator(services.with_headlines(documents, query), PER_PAGE).get_page(
            request.GET.get("sivu")
        )
        context.update(
            page=page,
            results=[(doc, services.excerpt(doc, query)) for doc in page.object_list],
            kind_counts=[(k, label, counts.get(k, 0)) for k, label in kinds],
            total=sum(counts.values()),
        )
    return context


@require_GET
@reads_query("q", "tyyppi", "teema", "sivu")
def search(request):
    query = services.clean_query(request.GET.get("q", ""))
    content = deferred(partial(_search_content, request, query), *SEARCH_NAMES)
    return render(request, "search/search.html", {"query": query, **content})
