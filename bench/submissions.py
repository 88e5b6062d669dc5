"""Survey submissions under load: N concurrent respondents submit through HTTP, then
the database is counted: accepted (HTTP said yes), stored (rows), lost (accepted but
not stored; must be 0), and submissions per second.

WAITING FOR THE SURVEYS APP. The HTTP part is written; wire the two hooks below
when surveys land: `survey_form_data(survey)` (the POST fields of one valid
answer set) and `stored_responses(survey)` (the count in the database).
"""

import http.cookiejar
import re
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from .pages import Waiting


def survey_form_data(survey) -> dict:
    raise Waiting("surveys app: the POST fields of a valid response are not wired yet")


def stored_responses(survey) -> int:
    raise Waiting("surveys app: counting stored responses is not wired yet")


def bench_survey():
    from django.apps import apps

    try:
        model = apps.get_model("surveys", "Survey")
    except LookupError as error:
        raise Waiting("surveys app: no Survey model yet") from error
    survey = model._default_manager.order_by("pk").first()
    if survey is None:
        raise Waiting("surveys app: no survey in the bench data")
    return survey


def _respond(base_url: str, path: str, fields: dict) -> bool:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base_url + path, timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    data = {**fields, **({"csrfmiddlewaretoken": token.group(1)} if token else {})}
    request = urllib.request.Request(  # noqa: S310 - our own server
        base_url + path,
        data=urllib.parse.urlencode(data, doseq=True).encode(),
        headers={"Referer": base_url + path},
    )
    try:
        with opener.open(request, timeout=30) as response:
            return response.status in (200, 302, 303)
    except urllib.error.HTTPError as error:
        return error.code in (302, 303)


def run(base_url: str, respondents: int = 500, concurrency: int = 32) -> dict:
    survey = bench_survey()
    path = survey.get_absolute_url()
    fields = survey_form_data(survey)
    before = stored_responses(survey)
    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda _: _respond(base_url, path, fields), range(respondents)))
    elapsed = time.monotonic() - started
    accepted = sum(results)
    stored = stored_responses(survey) - before
    return {
        "respondents": respondents,
        "accepted": accepted,
        "stored": stored,
        "lost": accepted - stored,
        "per_second": accepted / elapsed if elapsed else 0.0,
    }
