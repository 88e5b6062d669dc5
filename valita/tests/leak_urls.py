"""Views that put one visitor's data on a public-looking page (test_page_cache), or
read a query parameter they do not declare."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csp import get_nonce
from django.template import engines
from django.urls import path

from valita.urls import urlpatterns as site_urlpatterns

MESSAGES = engines["django"].from_string("{% for m in messages %}{{ m }}{% endfor %}")


def with_message(request):
    messages.info(request, "Henkilökohtainen viesti 42")
    return HttpResponse(MESSAGES.render({}, request))


def with_nonce(request):
    return HttpResponse(f'<p nonce="{get_nonce(request)}">nonce</p>')


def with_cookie(request):
    response = HttpResponse("<p>Tervetuloa</p>")
    response.set_cookie("visitor", "henkilokohtainen-42")
    return response


def reads_undeclared(request):
    return HttpResponse(f"<p>{request.GET.get('nimi', '')}</p>")


urlpatterns = [
    path("fi/vuoto/viesti/", with_message),
    path("fi/vuoto/nonce/", with_nonce),
    path("fi/vuoto/eväste/", with_cookie),
    path("fi/vuoto/kysely/", reads_undeclared),
    *site_urlpatterns,
]
