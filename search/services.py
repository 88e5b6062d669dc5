"""One query over every registered source, in the visitor's language.

On PostgreSQL: full-text search with the language's configuration ("finnish"
or "swedish"), websearch syntax (quotes, or, -word) that never fails on odd
input, ranked with the title above the text, excerpts from ts_headline. On
SQLite (make run): every word must occur in the title or the text.
A search page costs a fixed number of queries however large the index.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .indexing import CONFIGS, CONTROL, MARK_START, MARK_STOP
from .models import SearchDocument

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
EXCERPT_CHARS = 240


def clean_query(value: str) -> str:
    """The visitor's words, without control characters, at most MAX_QUERY_LENGTH long."""
    text = CONTROL.sub(" ", value or "").replace(MARK_START, " ").replace(MARK_STOP, " ")
    return re.sub(r"\s+", " ", text).strip()[:MAX_QUERY_LENGTH]


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def matching(query: str, language: str):
    """Documents matching the query in one language, best first."""
    documents = SearchDocument.objects.filter(language=language)
    if uses_full_text():
        search_query = _search_query(query, language)
        return (
            documents.filter(vector=search_query)
            .annotate(rank=SearchRank(F("vector"), search_query))
            .order_by("-rank", "title", "pk")
        )
    words = query.split()[:MAX_WORDS]
    condition = Q()
    for word in words:
        condition &= Q(title__icontains=word) | Q(body__icontains=word)
    first = words[0] if words else ""
    return (
        documents.filter(condition)
        .annotate(
            rank=Case(
                When(title__icontains=first, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-rank", "title", "pk")
    )


def _search_query(query: str, language: str) -> SearchQuery:
    return SearchQuery(query, config=CONFIGS[language], search_type="websearch")


def with_theme(documents, theme_id: int):
    return documents.filter(themes__contains=f"|{theme_id}|")


def kind_counts(documents) -> dict[str, int]:
    rows = documents.order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def with_headlines(documents, query: str, language: str):
    """Add highlighted excerpts to a page of documents (PostgreSQL builds them)."""
    if uses_full_text():
        return documents.annotate(
            headline=SearchHeadline(
                "body",
                _search_query(query, language),
                config=CONFIGS[language],
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    return documents


def excerpt(document, query: str) -> str:
    """Safe HTML: the excerpt escaped, its matches in <mark>."""
    raw = getattr(document, "headline", None)
    if raw is None:
        raw = _plain_excerpt(document.body, query)
    raw = raw[: EXCERPT_CHARS * 3]
    html = escape(raw).replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    # An unbalanced mark (a cut excerpt) must not leak into the rest of the page.
    if html.count("<mark>") != html.count("</mark>"):
        html = escape(raw.replace(MARK_START, "").replace(MARK_STOP, ""))
    return mark_safe(html)  # noqa: S308 - escaped above, only <mark> added


def _plain_excerpt(body: str, query: str) -> str:
    words = [w for w in query.split()[:MAX_WORDS] if w]
    lower = body.lower()
    hits = [lower.find(w.lower()) for w in words if lower.find(w.lower()) >= 0]
    start = max(min(hits) - 60, 0) if hits else 0
    text = body[start : start + EXCERPT_CHARS]
    if words:
        pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
        text = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_STOP}", text)
    prefix = "… " if start else ""
    suffix = " …" if start + EXCERPT_CHARS < len(body) else ""
    return prefix + text + suffix
