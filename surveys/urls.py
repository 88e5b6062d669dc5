from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "surveys"
urlpatterns = [
    path(pgettext_lazy("url", "kyselyt/"), views.survey_list, name="survey_list"),
    path(
        pgettext_lazy("url", "kyselyt/kutsu/<str:token>/"),
        views.invitation_answer,
        name="invitation_answer",
    ),
    path(pgettext_lazy("url", "kyselyt/<slug:slug>/"), views.survey_answer, name="survey_answer"),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/upotus/"),
        views.survey_answer,
        {"embed": True},
        name="survey_embed",
    ),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/kiitos/"),
        views.survey_thanks,
        name="survey_thanks",
    ),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/upotus/kiitos/"),
        views.survey_thanks,
        {"embed": True},
        name="survey_thanks_embed",
    ),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/linkki/<str:token>/"),
        views.collector_answer,
        name="collector_answer",
    ),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/linkki/<str:token>/upotus/"),
        views.collector_answer,
        {"embed": True},
        name="collector_embed",
    ),
    path(
        pgettext_lazy("url", "kyselyt/<slug:slug>/esikatselu/"),
        views.survey_preview,
        name="survey_preview",
    ),
    path(pgettext_lazy("url", "kyselyt/<slug:slug>/testi/"), views.survey_test, name="survey_test"),
]
