from django.urls import path
from django.utils.translation import pgettext_lazy

from . import feeds, views

app_name = "blog"
urlpatterns = [
    path(pgettext_lazy("url", "blogi/"), views.post_list, name="post_list"),
    path(pgettext_lazy("url", "blogi/rss/"), feeds.PostRssFeed(), name="rss"),
    path(pgettext_lazy("url", "blogi/atom/"), feeds.PostAtomFeed(), name="atom"),
    path(
        pgettext_lazy("url", "blogi/teema/<slug:slug>/rss/"),
        feeds.ThemeRssFeed(),
        name="theme_rss",
    ),
    path(
        pgettext_lazy("url", "blogi/teema/<slug:slug>/atom/"),
        feeds.ThemeAtomFeed(),
        name="theme_atom",
    ),
    path(
        pgettext_lazy("url", "blogi/hanke/<slug:slug>/rss/"),
        feeds.ProjectRssFeed(),
        name="project_rss",
    ),
    path(
        pgettext_lazy("url", "blogi/hanke/<slug:slug>/atom/"),
        feeds.ProjectAtomFeed(),
        name="project_atom",
    ),
    path(
        pgettext_lazy("url", "blogi/esikatselu/<str:token>/"),
        views.post_preview,
        name="post_preview",
    ),
    path(pgettext_lazy("url", "blogi/<slug:slug>/"), views.post_detail, name="post_detail"),
]
