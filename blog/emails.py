"""The review emails of posts, each written in its recipient's language (outbox targets)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Post

SUBJECTS = {
    "submitted": lambda title: _("Tarkistettavana: %(title)s") % {"title": title},
    "approved": lambda title: _("Kirjoituksesi on hyväksytty: %(title)s") % {"title": title},
    "returned": lambda title: (
        _("Kirjoituksesi palautettiin muokattavaksi: %(title)s") % {"title": title}
    ),
}


def review_message(post: Post, user, kind: str, note: str = "") -> EmailMessage:
    language = user.language if user.language in ("fi", "sv") else "fi"
    with translation.override(language):
        title = post.display_title or str(post)
        name = "post_review" if kind == "submitted" else "post_edit"
        url = settings.SITE_URL + reverse(f"blog_workspace:{name}", kwargs={"pk": post.pk})
        context = {"post": post, "title": title, "kind": kind, "note": note, "url": url}
        subject = SUBJECTS[kind](title)
        body = render_to_string("blog/email/review.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def send_review_email(post_id: int, user_id: int, kind: str, note: str = "") -> None:
    """Outbox target: one email about a post's review to one person; nothing when the post
    or the person is gone (deleted, or the account closed) by the time it runs."""
    post = Post.objects.filter(pk=post_id).first()
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if post is None or user is None or not user.email:
        return
    review_message(post, user, kind, note).send()
