from django.urls import path
from django.utils.translation import pgettext_lazy

from . import workspace_views as views

app_name = "blog_workspace"
urlpatterns = [
    path("", views.post_list, name="post_list"),
    path(pgettext_lazy("url", "uusi/"), views.post_create, name="post_create"),
    path("<int:pk>/", views.post_edit, name="post_edit"),
    path(pgettext_lazy("url", "<int:pk>/kuvat/"), views.post_image_add, name="post_image_add"),
    path(pgettext_lazy("url", "<int:pk>/esikatselu/"), views.post_preview, name="post_preview"),
    path(
        pgettext_lazy("url", "<int:pk>/poista-julkaisusta/"),
        views.post_unpublish,
        name="post_unpublish",
    ),
    path(pgettext_lazy("url", "<int:pk>/tarkistus/"), views.post_review, name="post_review"),
]
