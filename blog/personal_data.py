"""A post's author: the posts one wrote are exported; erasing leaves the posts unsigned."""

from core.content_cache import retire_at_commit
from core.personal_data import register

from .models import Post


@register("blog.authored_posts")
class AuthoredPosts:
    def export(self, email, user):
        if user is None:
            return []
        return [
            {"title": str(post), "status": post.status, "publish_at": post.publish_at}
            for post in Post.objects.filter(author=user).order_by("pk")
        ]

    def erase(self, email, user):
        # The posts belong to the projects; only the byline goes (it shows the network).
        if user is None:
            return 0
        erased = Post.objects.filter(author=user).update(author=None)
        if erased:
            retire_at_commit(("blog",))  # .update() sends no signal; the bylines show it
        return erased
