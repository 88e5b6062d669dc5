from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The note beside a result whose text is in another language than the page.
WRITTEN_IN = {
    "fi": pgettext_lazy("tekstin kieli", "Suomeksi"),
    "sv": pgettext_lazy("tekstin kieli", "Ruotsiksi"),
}


class SearchDocument(models.Model):
    """One public object as the search page of one language sees it.

    `language` is the page's language; `text_language` the language the title
    and text are written in: the same, unless the object has no text in the
    page's language (a post written in Swedish only has a Finnish document
    holding its Swedish text). `vector` is the weighted text search vector
    (title A, text B) built by PostgreSQL with the configuration of the text's
    language; on SQLite it stays empty and the search falls back to a plain
    match on title and text.
    """

    kind = models.CharField(_("laji"), max_length=30)
    object_id = models.PositiveBigIntegerField()
    language = models.CharField(_("kieli"), max_length=2)
    # Empty in rows written before the text's language was kept: the page's language.
    # A database default, so that the previous release's pods can still insert rows.
    text_language = models.CharField(_("tekstin kieli"), max_length=2, blank=True, db_default="")
    title = models.CharField(_("otsikko"), max_length=300)
    body = models.TextField(_("teksti"), blank=True)
    url = models.CharField(_("osoite"), max_length=500)
    # "|1|3|": the ids of the object's themes, so that one index row filters by theme.
    themes = models.CharField(_("teemat"), max_length=200, blank=True, default="|")
    vector = SearchVectorField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Index rows are not content: saving them must not retire the page cache.
    page_cache_exempt = True

    class Meta:
        verbose_name = _("hakuhakemiston rivi")
        verbose_name_plural = _("hakuhakemisto")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_document_unique"
            )
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_doc_vector_gin"),
            models.Index(fields=["language", "kind"], name="search_doc_lang_kind"),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"

    @property
    def written_in(self) -> str:
        return self.text_language or self.language

    @property
    def in_other_language(self) -> bool:
        return self.written_in != self.language

    @property
    def written_in_note(self) -> str:
        return WRITTEN_IN.get(self.written_in, self.written_in)
