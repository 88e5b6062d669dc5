"""One query over every registered source, for the search page of the visitor's language.

The page's documents are one per object: in the visitor's language, or, for an object
with no text in it, in the language it is written in (search.indexing). So an object
written in Swedish only is found from the Finnish page, and one written in both is
listed once, in the visitor's language.

On PostgreSQL: full-text search with the configuration ("finnish" or "swedish") of the
language each document's text is written in, websearch syntax (quotes, or, -word) that
never fails on odd input, ranked with the title above the text, excerpts from
ts_headline. Texts in the other language are ranked among the rest by the same measure:
such an object has no version the visitor could read instead, so putting them all last
would bury an exact match of its title under weak ones. On an equal rank the visitor's
language comes first. On SQLite (make run): every word must occur in the title or the
text, whatever its language. A search page costs a fixed number of queries however
large the index.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Q, TextField, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .indexing import CONFIGS, CONTROL, MARK_START, MARK_STOP, texts_in
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
    """The documents of the search page in `language` that match the query, best first."""
    documents = SearchDocument.objects.filter(language=language)
    if uses_full_text():
        # One condition per text language, each with its own configuration, so that the
        # GIN index serves each of them.
        matches = Q()
        ranks = []
        for text_language in CONFIGS:
            search_query = _search_query(query, text_language)
            written = texts_in(text_language)
            matches |= written & Q(vector=search_query)
            ranks.append(When(written, then=SearchRank(F("vector"), search_query)))
        return (
            documents.filter(matches)
            .annotate(
                rank=Case(*ranks, default=Value(0.0), output_field=FloatField()),
                other_language=_other_language(language),
            )
            .order_by("-rank", "other_language", "title", "pk")
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
            ),
            other_language=_other_language(language),
        )
        .order_by("-rank", "other_language", "title", "pk")
    )


def _other_language(language: str) -> Case:
    """0 for a text in the visitor's language, 1 for one in another: on an equal rank,
    the visitor's language first."""
    return Case(
        When(texts_in(language), then=Value(0)), default=Value(1), output_field=IntegerField()
    )


def _search_query(query: str, language: str) -> SearchQuery:
    return SearchQuery(query, config=CONFIGS[language], search_type="websearch")


def with_theme(documents, theme_id: int):
    return documents.filter(themes__contains=f"|{theme_id}|")


def kind_counts(documents) -> dict[str, int]:
    rows = documents.order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def with_headlines(documents, query: str):
    """Add highlighted excerpts to a page of documents (PostgreSQL builds them), each with
    the configuration of its text's language."""
    if uses_full_text():
        headlines = [
            When(
                texts_in(text_language),
                then=SearchHeadline(
                    "body",
                    _search_query(query, text_language),
                    config=config,
                    start_sel=MARK_START,
                    stop_sel=MARK_STOP,
                    max_words=30,
                    min_words=12,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )
            for text_language, config in CONFIGS.items()
        ]
        return documents.annotate(headline=Case(*headlines, output_field=TextField()))
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
