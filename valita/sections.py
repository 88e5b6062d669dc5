"""What the home, theme and project pages show from the apps: the site composes them here
by plain imports (the apps below know nothing of these pages).

Each function returns template context built from a fixed number of queries, whatever
the data; templates/includes/{home,theme,project}_sections.html show it.
"""

from django.urls import reverse

from blog.models import Post
from events.models import Event
from practices.models import Practice
from reports import published
from surveys.models import Collector, Survey

HOME_COUNT = 3
EVENTS_PAGE_COUNT = 5
POSTS_PAGE_COUNT = 3
PRACTICES_PAGE_COUNT = 6

# The names each function gives the template (core.content_cache.deferred needs them
# before anything is queried).
_COMMON = (
    "events_upcoming", "events_more_url", "events_feed_url",
    "posts_latest", "posts_more_url", "posts_feed_url",
    "practices_section", "practices_more_url",
    "results_chart", "results_quote",
)  # fmt: skip
HOME_NAMES = (*_COMMON, "surveys_open", "surveys_list_url")
THEME_NAMES = _COMMON
PROJECT_NAMES = (*_COMMON, "surveys_project_links")


def home_sections() -> dict:
    return {
        "events_upcoming": list(_upcoming_events()[:HOME_COUNT]),
        "events_more_url": reverse("events:event_list"),
        "events_feed_url": reverse("events:feed"),
        "posts_latest": list(_latest_posts()[:HOME_COUNT]),
        "posts_more_url": reverse("blog:post_list"),
        "posts_feed_url": reverse("blog:rss"),
        "practices_section": list(_recent_practices()[:HOME_COUNT]),
        "practices_more_url": reverse("practices:practice_list"),
        "surveys_open": list(Survey.objects.listed()[:HOME_COUNT]),
        "surveys_list_url": reverse("surveys:survey_list"),
        **_results(),
    }


def theme_sections(theme) -> dict:
    query, slug = f"?teema={theme.slug}", {"slug": theme.slug}
    return {
        "events_upcoming": list(_upcoming_events().with_theme(theme)[:EVENTS_PAGE_COUNT]),
        "events_more_url": reverse("events:event_list") + query,
        "events_feed_url": reverse("events:theme_feed", kwargs=slug),
        "posts_latest": list(_latest_posts().with_theme(theme)[:POSTS_PAGE_COUNT]),
        "posts_more_url": reverse("blog:post_list") + query,
        "posts_feed_url": reverse("blog:theme_rss", kwargs=slug),
        "practices_section": list(_recent_practices().with_theme(theme)[:PRACTICES_PAGE_COUNT]),
        "practices_more_url": reverse("practices:practice_list") + query,
        **_results(),
    }


def project_sections(project) -> dict:
    query, slug = f"?hanke={project.slug}", {"slug": project.slug}
    return {
        "events_upcoming": list(_upcoming_events().with_project(project)[:EVENTS_PAGE_COUNT]),
        "events_more_url": reverse("events:event_list") + query,
        "events_feed_url": reverse("events:project_feed", kwargs=slug),
        "posts_latest": list(_latest_posts().with_project(project)[:POSTS_PAGE_COUNT]),
        "posts_more_url": reverse("blog:post_list") + query,
        "posts_feed_url": reverse("blog:project_rss", kwargs=slug),
        "practices_section": list(_recent_practices().with_project(project)[:PRACTICES_PAGE_COUNT]),
        "practices_more_url": reverse("practices:practice_list") + query,
        "surveys_project_links": _survey_links(project),
        **_results(),
    }


def _upcoming_events():
    return Event.objects.published().filter(status=Event.Status.PUBLISHED).upcoming().lean()


def _latest_posts():
    return Post.objects.published().lean().newest_first()


def _recent_practices():
    return Practice.objects.published().lean().order_by("-updated_at", "-pk")


def _survey_links(project) -> list:
    """Open surveys that have a link of this project: answers through it count for it."""
    collectors = (
        Collector.objects.filter(
            project=project,
            kind=Collector.Kind.PROJECT,
            is_active=True,
            survey__in=Survey.objects.listed(),
        )
        .select_related("survey")
        .order_by("survey__closes_at", "pk")
    )
    return list(collectors)


def _results() -> dict:
    """The first published chart and quote of the survey results, with a link to them.

    The figures are the whole network's (one project's answers are too few to publish on
    their own), so each page shows the same highlight; it costs the queries of the results
    page (one with nothing published), whatever the page.
    """
    items = published.published_items()
    return {
        "results_chart": next((item for item in items if item.group), None),
        "results_quote": next((item for item in items if item.quote_text), None),
    }
