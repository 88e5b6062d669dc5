from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "reports"
urlpatterns = [
    path(pgettext_lazy("url", "raportit/"), views.dashboard, name="dashboard"),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/"),
        views.survey_results,
        name="survey",
    ),
]
