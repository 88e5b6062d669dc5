"""RSS and Atom feeds per language, per theme and per project (django.contrib.syndication).

A feed lists the posts written in its own language; the address carries the language.
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core.translation_utils import current_language
from projects.models import Project, Theme

from .models import Post

FEED_SIZE = 20


class PostRssFeed(Feed):
    def title(self, obj=None):
        name = _("Kuulumisia kentältä")
        return f"{obj} – {name}" if obj else f"Välitä! – {name}"

    def description(self, obj=None):
        return _("Välitä!-verkoston hankkeiden kuulumiset ja kokemukset.")

    def link(self, obj=None):
        url = reverse("blog:post_list")
        if isinstance(obj, Theme):
            return f"{url}?teema={obj.slug}"
        if isinstance(obj, Project):
            return f"{url}?hanke={obj.slug}"
        return url

    def feed_url(self, obj=None):
        return None  # the request's own address

    def items(self, obj=None):
        posts = Post.objects.published().in_language(current_language())
        if isinstance(obj, Theme):
            posts = posts.with_theme(obj)
        elif isinstance(obj, Project):
            posts = posts.with_project(obj)
        return posts.for_listing().newest_first()[:FEED_SIZE]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        return item.display_lead or item.display_body

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"valita-blog-post-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_name

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class PostAtomFeed(PostRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class ThemeRssFeed(PostRssFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Theme.objects.by_slug(slug)[:1])


class ThemeAtomFeed(PostAtomFeed, ThemeRssFeed):
    pass


class ProjectRssFeed(PostRssFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Project.objects.published().by_slug(slug)[:1])


class ProjectAtomFeed(PostAtomFeed, ProjectRssFeed):
    pass
