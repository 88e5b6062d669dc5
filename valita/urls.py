from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.i18n import JavaScriptCatalog

from blog import views as blog_views
from core.files import serve_media
from projects import views as project_views
from workspace import urls as workspace_urls

from . import views
from .sitemaps import SITEMAPS

# The admin signs in through allauth, so its second factor and its rate limits apply
# (Django's own admin sign-in asks for the password alone).
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = "Välitä! – Visa omtanke!"
admin.site.site_title = "Välitä! – Visa omtanke!"

handler400 = "valita.views.bad_request"
handler404 = "valita.views.page_not_found"
handler500 = "valita.views.server_error"

# The network's pages: the list is the projects app's; the theme and project pages gather
# the sections of every app, so they are the site's.
projects_urlpatterns = [
    path(pgettext_lazy("url", "teemat/<slug:slug>/"), views.theme_detail, name="theme_detail"),
    path(pgettext_lazy("url", "hankkeet/"), project_views.project_list, name="project_list"),
    path(
        pgettext_lazy("url", "hankkeet/<slug:slug>/"),
        views.project_detail,
        name="project_detail",
    ),
]

urlpatterns = [
    path("", views.language_redirect, name="language_redirect"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # Blog covers are in the private storage: this view shows each while its post may be seen.
    path("covers/<int:post_id>/<str:name>", blog_views.cover, name="blog_cover"),
    # Images inside a post's text, private too: shown while their post may be seen.
    path("post-images/<int:image_id>", blog_views.body_image, name="blog_image"),
]

if settings.SERVE_MEDIA:
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media, name="media"))

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path(
        pgettext_lazy("url", "saavutettavuusseloste/"),
        views.accessibility_statement,
        name="accessibility_statement",
    ),
    path(pgettext_lazy("url", "tietosuojaseloste/"), views.privacy_notice, name="privacy_notice"),
    path(pgettext_lazy("url", "tili/"), include("allauth.urls")),
    path("", include("accounts.urls")),
    path("admin/", admin.site.urls),
    path(pgettext_lazy("url", "tyotila/"), include("workspace.urls")),
    # The JavaScript catalogue: the rich text editor's own strings in Finnish and Swedish
    # (locale/*/LC_MESSAGES/djangojs.po), read through window.gettext.
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript_catalog"),
    path(pgettext_lazy("url", "tyotila/"), include(workspace_urls.area_patterns)),
    path("", include((projects_urlpatterns, "projects"))),
    path("", include("practices.urls")),
    path("", include("events.urls")),
    path("", include("blog.urls")),
    path("", include("surveys.urls")),
    path("", include("reports.urls")),
    path("", include("search.urls")),
    prefix_default_language=True,
)
