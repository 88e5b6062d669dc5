"""The survey builder in the workspace: `/fi/tyotila/kyselyt/`, `/sv/arbetsyta/enkater/`."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import collect_urls
from . import workspace_views as views

app_name = "surveys_workspace"
urlpatterns = [
    path("", views.survey_list, name="survey_list"),
    path(pgettext_lazy("url", "uusi/"), views.survey_create, name="survey_create"),
    path(pgettext_lazy("url", "tuo/"), views.survey_import, name="survey_import"),
    path("<int:pk>/", views.survey_builder, name="survey_builder"),
    path(
        pgettext_lazy("url", "<int:pk>/asetukset/"), views.survey_settings, name="survey_settings"
    ),
    path(pgettext_lazy("url", "<int:pk>/vie/"), views.survey_export, name="survey_export"),
    path(
        pgettext_lazy("url", "<int:pk>/seuraava-kierros/"),
        views.survey_next_round,
        name="survey_next_round",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymyspankki/"), views.question_bank, name="question_bank"
    ),
    path(pgettext_lazy("url", "<int:pk>/sivut/lisaa/"), views.page_add, name="page_add"),
    path(pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/"), views.page_edit, name="page_edit"),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/siirra/"),
        views.page_move,
        name="page_move",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/poista/"),
        views.page_delete,
        name="page_delete",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/jarjesta/"),
        views.page_reorder,
        name="page_reorder",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/esikatselu/<str:language>/"),
        views.page_preview,
        name="page_preview",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/esikatselu/"),
        views.page_preview_live,
        name="page_preview_live",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/kysymys/"),
        views.question_add,
        name="question_add",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/sivut/<int:page_pk>/ehto/"),
        views.condition_add,
        name="page_condition_add",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymykset/<int:question_pk>/"),
        views.question_edit,
        name="question_edit",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymykset/<int:question_pk>/esikatselu/"),
        views.question_preview_live,
        name="question_preview_live",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymykset/<int:question_pk>/siirra/"),
        views.question_move,
        name="question_move",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymykset/<int:question_pk>/poista/"),
        views.question_delete,
        name="question_delete",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/kysymykset/<int:question_pk>/ehto/"),
        views.condition_add,
        name="question_condition_add",
    ),
    path(
        pgettext_lazy("url", "<int:pk>/ehdot/<int:condition_pk>/poista/"),
        views.condition_delete,
        name="condition_delete",
    ),
]

# The collect page and monitor (surveys/workspace_collect.py) share the namespace.
urlpatterns += collect_urls.urlpatterns
