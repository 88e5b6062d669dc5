"""The site's URLs and the benchmark's hello-world baseline (bench/settings.py)."""

from django.http import HttpResponse
from django.urls import path

from valita import urls as site_urls
from valita.urls import handler400, handler404, handler500  # noqa: F401 - the site's error pages


def hello(request):
    """The baseline: the same server and middleware, no template, no query."""
    return HttpResponse("Hello, world!", content_type="text/plain; charset=utf-8")


urlpatterns = [path("bench/hello", hello, name="bench_hello"), *site_urls.urlpatterns]
