"""The blog in the site search: published posts, and scheduled ones once their time comes."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.indexing import field_text, index_newly_public, register_source
from search.registry import SearchSource, source_for

from .models import Post


def register() -> None:
    register_source(
        SearchSource(
            kind="post",
            label=_("Blogikirjoitus"),
            model=Post,
            public=Post.objects.published,
            title=lambda obj, lang: field_text(obj, "title", lang),
            languages=lambda obj: obj.languages,
            body=lambda obj, lang: (
                field_text(obj, "lead", lang) + " \n" + field_text(obj, "body", lang)
            ),
            theme_ids=lambda obj: obj.themes.values_list("pk", flat=True),
            m2m=(Post.themes.through,),
            order=25,
        )
    )


def index_due_posts(*, window=timedelta(hours=2)) -> int:
    """Index posts whose publish time came within `window` (search.indexing.index_newly_public);
    the beat runs it every ten minutes."""
    now = timezone.now()
    due = Post.objects.published(now=now).filter(publish_at__gt=now - window)
    return index_newly_public(source_for("post"), due, "blog")
