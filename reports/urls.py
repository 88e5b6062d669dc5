from django.urls import path, register_converter
from django.utils.translation import pgettext_lazy

from . import views


class FormatConverter:
    regex = "csv|xlsx"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(FormatConverter, "fmt")

app_name = "reports"
urlpatterns = [
    path(pgettext_lazy("url", "raportit/"), views.dashboard, name="dashboard"),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/"),
        views.survey_results,
        name="survey",
    ),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/avoimet/"),
        views.open_answers,
        name="open_answers",
    ),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/avoimet/<int:pk>/"),
        views.open_question,
        name="open_question",
    ),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/vienti/<slug:table>.<fmt:fmt>"),
        views.export_table,
        name="export",
    ),
    path(
        pgettext_lazy("url", "raportit/kyselyt/<slug:slug>/tulosta/"),
        views.print_report,
        name="print",
    ),
    path(
        pgettext_lazy("url", "raportit/viennit/<int:pk>/"),
        views.export_status,
        name="export_status",
    ),
    path(
        pgettext_lazy("url", "raportit/viennit/<int:pk>/uudelleen/"),
        views.export_retry,
        name="export_retry",
    ),
    path(
        pgettext_lazy("url", "raportit/viennit/<int:pk>/lataa/"),
        views.export_download,
        name="export_download",
    ),
    path(pgettext_lazy("url", "raportit/mittarit/"), views.network_metrics, name="metrics"),
    path(
        pgettext_lazy("url", "raportit/mittarit/<slug:table>.<fmt:fmt>"),
        views.metrics_export,
        name="metrics_export",
    ),
    path(
        pgettext_lazy("url", "raportit/julkaistut/"),
        views.published_manage,
        name="published_manage",
    ),
    path(pgettext_lazy("url", "tulokset/"), views.published_results, name="published"),
]
