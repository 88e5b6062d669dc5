"""schema.org BlogPosting (an Article) for a post, escaped for a
<script type="application/ld+json"> block."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from core.jsonld import absolute, dumps, project_organization, site_publisher

from .models import Post


def post_jsonld(post: Post) -> str:
    """The post's projects (prefetched by for_listing) are its authors: the writer's own
    name is personal data the page does not show either."""
    url = absolute(post.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": Truncator(post.display_title).chars(110),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": post.content_language,
        "datePublished": post.publish_at.isoformat(),
        "dateModified": max(post.updated_at, post.publish_at).isoformat(),
        "author": [project_organization(project) for project in post.projects.all()],
        "publisher": site_publisher(),
        "about": [theme.name for theme in post.themes.all()],
    }
    description = Truncator(strip_tags(post.display_lead or post.display_body)).chars(300)
    if description:
        data["description"] = description
    if post.cover_image:
        data["image"] = absolute(post.cover_og_url())
    return dumps(data)
