from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.sitemaps import PostSitemap
from events.models import Event
from practices.models import Practice
from projects.models import Project, Theme
from surveys.models import Survey


class I18nSitemap(Sitemap):
    """Each address with its other-language alternates and an x-default.

    Django writes x-default as the Finnish address without its language prefix, which
    this site (every page under /fi/ or /sv/) answers only with a redirect. Search engines
    want every hreflang target to answer 200 itself (a redirecting alternate is reported
    and ignored), so x-default is the Finnish page, the version for a reader of neither
    language, as in the pages' own hreflang links (templates/base.html).
    """

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, *args, **kwargs):
        urls = super().get_urls(*args, **kwargs)
        for url in urls:
            alternates = url.get("alternates", [])
            default = next(
                (a["location"] for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE),
                None,
            )
            for alternate in alternates:
                if alternate["lang_code"] == "x-default" and default:
                    alternate["location"] = default
        return urls


class StaticPagesSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "projects:project_list",
            "events:event_list",
            "blog:post_list",
            "surveys:survey_list",
            "accessibility_statement",
            "privacy_notice",
        ]

    def location(self, item):
        return reverse(item)


class ThemeSitemap(I18nSitemap):
    def items(self):
        return Theme.objects.all()


class ProjectSitemap(I18nSitemap):
    def items(self):
        return Project.objects.published()


class EventSitemap(I18nSitemap):
    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PracticeListSitemap(StaticPagesSitemap):
    def items(self):
        return ["practices:practice_list"]


class PracticeSitemap(I18nSitemap):
    def items(self):
        return Practice.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class SurveySitemap(I18nSitemap):
    def items(self):
        return Survey.objects.listed()


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "themes": ThemeSitemap,
    "projects": ProjectSitemap,
    "events": EventSitemap,
    "practice-list": PracticeListSitemap,
    "practices": PracticeSitemap,
    "blog": PostSitemap,
    "surveys": SurveySitemap,
}


class PublishedResultsSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["reports:published"]

    def location(self, item):
        return reverse(item)


SITEMAPS["results"] = PublishedResultsSitemap
