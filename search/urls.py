from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("url", "haku/"), views.search, name="search"),
]
