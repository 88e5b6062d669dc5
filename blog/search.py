"""The blog in the site search: published posts, and scheduled ones once their time comes."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.indexing import field_text, index_object, register_source
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
    """Index posts whose publish time came within `window`: no save happens at that time,
    so the save signal cannot. Idempotent; the beat runs it every ten minutes."""
    now = timezone.now()
    source = source_for("post")
    due = Post.objects.published(now=now).filter(publish_at__gt=now - window)
    count = 0
    for post in due:
        index_object(source, post)
        count += 1
    return count
