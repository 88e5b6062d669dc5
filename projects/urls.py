from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "projects"
urlpatterns = [
    path(pgettext_lazy("url", "teemat/<slug:slug>/"), views.theme_detail, name="theme_detail"),
    path(pgettext_lazy("url", "hankkeet/"), views.project_list, name="project_list"),
    path(
        pgettext_lazy("url", "hankkeet/<slug:slug>/"),
        views.project_detail,
        name="project_detail",
    ),
]
