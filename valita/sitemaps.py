from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from blog.sitemaps import PostSitemap
from events.models import Event
from practices.models import Practice
from projects.models import Project, Theme
from surveys.models import Survey


class I18nSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return [
            "home",
            "projects:project_list",
            "events:event_list",
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
