from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import history, views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("url", "kaannokset/"), views.translations, name="translations"),
    path(
        pgettext_lazy("url", "kaannokset/pyyda/<str:kind>/<int:pk>/"),
        views.translation_request,
        name="translation_request",
    ),
    # The history of events, posts, practices and project pages (workspace/history.py).
    *history.urlpatterns_for_history(),
]

# Each area's staff pages, under the workspace's address but in the area's own namespace
# (`blog_workspace:post_list`, as the navigation names them): valita/urls.py includes this
# list beside `urlpatterns` (an include inside this URLconf would nest the namespaces).
area_patterns = [
    path("", include("events.workspace_urls")),
    path(pgettext_lazy("url", "blogi/"), include("blog.workspace_urls")),
    path(pgettext_lazy("url", "kyselyt/"), include("surveys.workspace_urls")),
    path(pgettext_lazy("url", "hyvat-kaytannot/"), include("practices.workspace_urls")),
    path(pgettext_lazy("url", "hankkeet/"), include("projects.workspace_urls")),
]
