"""Input that no page can use is refused at the edge, before a view or a query sees it.

PostgreSQL cannot store or compare a string with a NUL character (psycopg refuses the
query), so a NUL in the address, a query parameter or a form field would turn whatever
look-up it reaches into a 500. No person types one, so:

- an address with NUL names no page: 404, the site's own page;
- a query string or form with NUL is a bad request: 400, the site's page saying why
  (valita.views.bad_request), in the language of the address;
- a cookie with NUL is dropped, as if it had not been sent (a broken session cookie is no
  session), so the visitor still gets the page.

Django itself answers 400 to a form it cannot parse or that is too large. An id a view
reads from a form or query goes through `requested_id(s)`, so that junk finds nothing (a
404) instead of failing the look-up.
"""

from django.core.exceptions import BadRequest
from django.http import Http404
from django.utils.translation import gettext_lazy as _

NUL = "\x00"


class InvalidInput(BadRequest):
    user_message = _(
        "Osoitteessa tai lomakkeessa oli merkkejä, joita ei voi käsitellä. Tarkista osoite "
        "tai lomakkeen tiedot ja yritä uudelleen."
    )


def _carries_nul(data) -> bool:
    """Whether a QueryDict / MultiValueDict has NUL in a key or any of its values."""
    return any(NUL in key or any(NUL in str(v) for v in values) for key, values in data.lists())


class InvalidInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        unusable = [name for name, value in request.COOKIES.items() if NUL in name + value]
        for name in unusable:
            del request.COOKIES[name]
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if NUL in request.path_info:
            raise Http404("NUL in the path")
        # The raw query string, not request.GET: reading GET would count as reading every
        # parameter for the page cache (core.query_params), and NUL is only ever "%00".
        query_string = request.META.get("QUERY_STRING", "")
        if "%00" in query_string or NUL in query_string:
            raise InvalidInput("NUL in the query string")
        # Uploaded files' names need no check: Django drops non-printable characters.
        if request.method == "POST" and _carries_nul(request.POST):
            raise InvalidInput("NUL in the form")
        return None


def requested_id(value) -> int | None:
    """The id a form or query names (digits within bigint), or None, which finds nothing."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and 0 < int(value) < 2**63:
        return int(value)
    return None


def requested_ids(values) -> list[int]:
    return [pk for pk in map(requested_id, values) if pk is not None]
