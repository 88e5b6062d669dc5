from django.urls import include, path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "workspace"
urlpatterns = [
    path("", views.home, name="home"),
    path(pgettext_lazy("url", "kaannokset/"), views.translations, name="translations"),
    path(
        pgettext_lazy("url", "kaannokset/pyyda/<str:kind>/<int:pk>/"),
        views.translation_request,
        name="translation_request",
    ),
]

# Each area's staff pages, included under the same /tyotila/ by valita/urls.py but outside
# the "workspace" namespace, so that their names are their own
# ("practices_workspace:practice_list"), as the navigation names them.
area_patterns = [
    path(pgettext_lazy("url", "hyvat-kaytannot/"), include("practices.workspace_urls")),
    path(pgettext_lazy("url", "hankkeet/"), include("projects.workspace_urls")),
]
