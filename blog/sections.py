"""Latest posts on the home, theme and project pages: a fixed number of queries each."""

from django.urls import reverse

from .models import Post

HOME_COUNT = 3
PAGE_COUNT = 3


def _latest():
    return Post.objects.published().for_listing().newest_first()


def home_section() -> dict:
    return {
        "posts_latest": list(_latest()[:HOME_COUNT]),
        "posts_more_url": reverse("blog:post_list"),
        "posts_feed_url": reverse("blog:rss"),
    }


def theme_section(theme) -> dict:
    return {
        "posts_latest": list(_latest().with_theme(theme)[:PAGE_COUNT]),
        "posts_more_url": reverse("blog:post_list") + f"?teema={theme.slug}",
        "posts_feed_url": reverse("blog:theme_rss", kwargs={"slug": theme.slug}),
    }


def project_section(project) -> dict:
    return {
        "posts_latest": list(_latest().with_project(project)[:PAGE_COUNT]),
        "posts_more_url": reverse("blog:post_list") + f"?hanke={project.slug}",
        "posts_feed_url": reverse("blog:project_rss", kwargs={"slug": project.slug}),
    }
