"""Blog services: cover renditions, draft previews and the page-cache schedule."""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from core.content_cache import page_cache_invalidate
from core.images import renditions_save
from core.signed import Id, signed_load

from .models import COVER_RENDITION_WIDTHS, Post

PREVIEW_SALT = "blog.post-preview"
PREVIEW_MAX_AGE = timedelta(days=3)


def cover_renditions_make(*, post_id: int) -> bool:
    """Make the cover's smaller copies; a second run for the same file does nothing.

    The slow part (decoding and resizing) runs outside any transaction; the result
    is written only if the post still has the same cover (it may have changed).
    """
    post = Post.objects.filter(pk=post_id).only("cover_image", "cover_renditions").first()
    if post is None or not post.cover_image:
        return False
    source = post.cover_image.name
    if (post.cover_renditions or {}).get("source") == source:
        return False
    items = renditions_save(
        post.cover_image, folder=f"blog/renditions/{post_id}", widths=COVER_RENDITION_WIDTHS
    )
    with transaction.atomic():
        updated = Post.objects.filter(pk=post_id, cover_image=source).update(
            cover_renditions={"source": source, "items": items}
        )
        if updated:  # pages showing the cover may now use the renditions
            transaction.on_commit(page_cache_invalidate)
    return bool(updated)


@dataclass
class PreviewToken:
    post: Id


def preview_token(post: Post) -> str:
    return signing.dumps({"post": post.pk}, salt=PREVIEW_SALT, compress=True)


def preview_url(post: Post) -> str:
    return reverse("blog:post_preview", kwargs={"token": preview_token(post)})


def post_from_preview_token(token: str) -> Post | None:
    """The post of a signed preview link, or None when the link is forged or expired."""
    try:
        data = signed_load(token, salt=PREVIEW_SALT, schema=PreviewToken, max_age=PREVIEW_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return Post.objects.for_listing().filter(pk=data.post).first()


def next_scheduled_publish():
    """When the next scheduled post goes live (None if none is waiting)."""
    post = Post.objects.scheduled().order_by("publish_at").only("publish_at").first()
    return post.publish_at if post else None


def related_posts(post: Post, count: int = 3):
    """Published posts sharing a theme or project, newest first, in one query."""
    theme_ids = [t.pk for t in post.themes.all()]
    project_ids = [p.pk for p in post.projects.all()]
    matching = Post.objects.filter(Q(themes__in=theme_ids) | Q(projects__in=project_ids))
    ids = matching.exclude(pk=post.pk).values("pk")
    return list(Post.objects.published().filter(pk__in=ids).newest_first()[:count])
