"""Survey submissions under load: N concurrent respondents submit through HTTP, then
the database is counted: accepted (HTTP said yes), stored (rows), lost (accepted but
not stored; must be 0), and submissions per second.

Each respondent opens the survey page (which carries the signed draft of the
answers, surveys/answering.py), then posts one valid answer set with that draft.
"""

import html
import http.cookiejar
import re
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from .pages import Waiting


def survey_form_data(survey) -> dict:
    """One valid answer to every question of the (one-page) bench survey."""
    from surveys.answering import field_name
    from surveys.models import Question

    fields = {}
    for question in survey.questions.prefetch_related("statements", "choices"):
        if question.kind == Question.Kind.LIKERT:
            for statement in question.statements.all():
                fields[field_name(question, statement)] = "4"
        elif question.kind == Question.Kind.SINGLE:
            fields[field_name(question)] = str(question.choices.all()[0].pk)
        else:
            fields[field_name(question)] = "Kuormitustestin vastaus."
    return fields


def stored_responses(survey) -> int:
    return survey.responses.filter(completed_at__isnull=False, is_test=False).count()


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


def post_data(page: str, fields: dict) -> dict:
    """The page's hidden fields (the signed draft) with the answers."""
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return {**{name: html.unescape(value) for name, value in hidden}, **fields}


def _respond(base_url: str, path: str, fields: dict) -> bool:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base_url + path, timeout=30).read().decode()
    data = post_data(page, fields)
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
