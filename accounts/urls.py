from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "accounts"
urlpatterns = [
    path(
        pgettext_lazy("url", "kutsu/<str:token>/"),
        views.invitation_accept_view,
        name="invitation_accept",
    ),
]
