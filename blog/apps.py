from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Blogi")

    def ready(self):
        from core.content_cache import register_scheduled_change

        from . import search, services, signals  # noqa: F401 - signals connect on import

        # Cached pages are retired when a scheduled post's time comes, with nobody acting.
        register_scheduled_change(services.next_scheduled_publish, scopes=("blog",))
        search.register()
        register_history()


def register_history():
    from core import versions

    from .models import Post

    # A restore brings back the text, cover, projects and themes; never the publishing
    # state (it goes through review as an edit would: blog.services.post_restore).
    publishing = ("status", "publish_at", "author", "submitted_by", "submitted_at", "review_note")
    versions.register(
        Post,
        key="post",
        kept=(*publishing, "cover_renditions"),
        hidden=("cover_renditions", "cover_width", "cover_height", "submitted_at"),
        restore="blog.services.post_restore",
    )
