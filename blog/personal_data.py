"""A post's author: the posts one wrote are exported; erasing leaves the posts unsigned."""

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
        return Post.objects.filter(author=user).update(author=None)
