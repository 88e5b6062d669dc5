from django.urls import path
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
