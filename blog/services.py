"""Blog services: writing, review and publishing, cover renditions, draft previews and
the page-cache schedule."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import outbox
from core.content_cache import retire_at_commit
from core.images import renditions_save
from core.roles import (
    NETWORK_COORDINATOR_GROUP,
    is_network_coordinator,
    is_project_coordinator,
)
from core.signed import Id, signed_load
from core.versions import set_comment, versions_of
from projects.models import Theme
from projects.services import projects_after_edit

from .models import COVER_RENDITION_WIDTHS, Post, PostImage

PREVIEW_SALT = "blog.post-preview"
PREVIEW_MAX_AGE = timedelta(days=3)
PANEL_ITEMS = 10


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
            retire_at_commit(("blog",))
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


# Writing, review and publishing -------------------------------------------------------
# Every change of a post's state goes through these, each in one transaction, recorded in
# the post's history (core/versions.py) under a code that the history page shows.

INTENT_SAVE, INTENT_PUBLISH, INTENT_SUBMIT = "save", "publish", "submit"
EMAIL_TASK = "blog.emails.send_review_email"


def _needs_review_error() -> ValidationError:
    return ValidationError(
        _(
            "Tämän hankkeen kirjoitukset julkaisee verkostokoordinaattori. "
            "Lähetä kirjoitus tarkistettavaksi."
        ),
        code="needs_review",
    )


def _notify(post: Post, recipients, kind: str, note: str = "") -> None:
    for user_id in sorted({user.pk for user in recipients if user is not None}):
        outbox.enqueue(EMAIL_TASK, post.pk, user_id, kind, note)


def reviewers():
    """Who reviews posts: the active network coordinators (not superusers by rank alone)."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=NETWORK_COORDINATOR_GROUP)
        .distinct()
    )


def _submitters(post: Post) -> list:
    return [post.submitted_by or post.author, post.author]


def _publish(post: Post, now) -> None:
    """Published at its set time; a time already past (the draft's creation) becomes now."""
    post.status = Post.Status.PUBLISHED
    if post.publish_at is None or post.publish_at <= now:
        post.publish_at = now


@transaction.atomic
def post_write(*, post: Post, user, projects, themes, intent: str = INTENT_SAVE) -> Post:
    """Save the editor's text (a validated instance) with its projects and themes.

    `intent`: "save" keeps the state (a published post stays published for those who
    may publish it); "publish" publishes at `post.publish_at` (now, or a set time:
    scheduled); "submit" sends it to a network coordinator's review, which a project
    coordinator of a project that asks for approval must do instead of publishing.
    """
    now = timezone.now()
    was = Post.objects.filter(pk=post.pk).values_list("status", flat=True).first()
    needs_review = post.needs_review_by(user, projects=projects)
    publishes = intent == INTENT_PUBLISH or (intent == INTENT_SAVE and was == "published")
    if publishes and needs_review:
        raise _needs_review_error()
    if intent == INTENT_PUBLISH:
        _publish(post, now)
        post.review_note = ""
    elif intent == INTENT_SUBMIT:
        if not needs_review:
            raise ValidationError(
                _("Kirjoitus ei tarvitse tarkistusta: julkaise se."), code="no_review"
            )
        post.status = Post.Status.REVIEW
        post.submitted_by, post.submitted_at = user, now
    elif was is None:
        post.status = Post.Status.DRAFT
    if post.author_id is None:
        post.author = user
    post.save()
    post.projects.set(projects)
    post.themes.set(themes)
    if intent == INTENT_SUBMIT:
        set_comment("submitted")
        _notify(post, reviewers(), "submitted")
    elif intent == INTENT_PUBLISH:
        set_comment("approved" if was == Post.Status.REVIEW else "published")
        if was == Post.Status.REVIEW:
            _notify(post, _submitters(post), "approved")
    return post


def _reviewed(post: Post, reviewer) -> Post:
    if not is_network_coordinator(reviewer):
        raise PermissionDenied
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status != Post.Status.REVIEW:
        raise ValidationError(
            _("Kirjoitus ei enää odota tarkistusta: joku ehti käsitellä sen."), code="not_in_review"
        )
    return post


@transaction.atomic
def post_approve(*, post: Post, reviewer, reviewed: str | None = None) -> Post:
    """A network coordinator publishes a post waiting for review (at its set time).
    `reviewed` is the post's `review_stamp()` on the page the reviewer read: a post
    changed since is not published unseen."""
    post = _reviewed(post, reviewer)
    if reviewed is not None and reviewed != post.review_stamp():
        raise ValidationError(
            _("Kirjoitusta muutettiin sen jälkeen, kun avasit sen. Tarkista muutokset uudelleen."),
            code="changed",
        )
    _publish(post, timezone.now())
    post.review_note = ""
    post.save()
    set_comment("approved")
    _notify(post, _submitters(post), "approved")
    return post


@transaction.atomic
def post_return(*, post: Post, reviewer, note: str) -> Post:
    """A network coordinator returns a post to its writer with a note (required)."""
    if not (note or "").strip():
        raise ValidationError(
            _("Kirjoita kommentti: kerro kirjoittajalle, mitä pitää muuttaa."), code="no_note"
        )
    post = _reviewed(post, reviewer)
    post.status = Post.Status.DRAFT
    post.review_note = note.strip()
    post.save()
    set_comment("returned")
    _notify(post, _submitters(post), "returned", post.review_note)
    return post


@transaction.atomic
def post_unpublish(*, post: Post, user) -> Post:
    """Take a published or scheduled post off the site (back to a draft) at once."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if post.status != Post.Status.PUBLISHED:
        raise ValidationError(_("Kirjoitus ei ole julkaistu."), code="not_published")
    post.status = Post.Status.DRAFT
    post.save()
    set_comment("unpublished")
    return post


def post_restore(*, obj: Post, m2m: dict, user) -> Post:
    """The history's restore of a post's content (core.versions.version_restore): its
    projects only within the user's own (as the editor's form keeps them), and a published
    post restored by someone whose posts need review goes to review as an edit would."""
    current = obj.projects.values_list("pk", flat=True)
    wanted = m2m.get("projects", current)
    projects = projects_after_edit(user=user, current=current, wanted=wanted)
    themes = list(Theme.objects.filter(pk__in=m2m.get("themes", [])))
    intent = INTENT_SAVE
    if obj.status == Post.Status.PUBLISHED and obj.needs_review_by(user, projects=projects):
        intent = INTENT_SUBMIT
    return post_write(post=obj, user=user, projects=projects, themes=themes, intent=intent)


@transaction.atomic
def post_image_add(*, post: Post, image, alt_fi: str, alt_sv: str) -> PostImage:
    """An image for the post's text, through the image pipeline, described in both
    languages."""
    post_image = PostImage(post=post, image=image, alt_fi=alt_fi.strip(), alt_sv=alt_sv.strip())
    post_image.full_clean()
    post_image.save()
    return post_image


# Reads of the workspace ---------------------------------------------------------------


def may_write(user) -> bool:
    """Who writes posts: network coordinators and project coordinators (OPH reads only)."""
    return is_network_coordinator(user) or is_project_coordinator(user)


def workspace_panel(user) -> dict | None:
    """The blog panel of the workspace home: the user's drafts, what waits for review
    (for network coordinators: everything waiting; for others: their own) and what is
    scheduled; None for those who write no posts. Three bounded queries."""
    if not may_write(user):
        return None
    editable = Post.objects.editable_by(user).select_related("author").order_by("-updated_at")
    return {
        "drafts": list(editable.drafts()[:PANEL_ITEMS]),
        "review": list(editable.waiting_for_review().order_by("submitted_at")[:PANEL_ITEMS]),
        "scheduled": list(editable.scheduled().order_by("publish_at")[:PANEL_ITEMS]),
        "is_reviewer": is_network_coordinator(user),
    }


def last_published_version(post: Post):
    """The newest kept version of the post in which it was published (None if never)."""
    return (
        versions_of(post)
        .filter(serialized_data__contains='"status": "published"')
        .select_related(None)
        .first()
    )


def previous_submission(post: Post):
    """The version sent to review the time before this one (a returned post sent again)."""
    history = versions_of(post)
    returned = history.exclude(serialized_data__contains='"status": "review"').first()
    if returned is None:
        return None
    return (
        history.filter(pk__lt=returned.pk, serialized_data__contains='"status": "review"')
        .select_related(None)
        .first()
    )
