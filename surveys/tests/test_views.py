"""Answering in both languages: pages, conditions, errors next to fields, one response."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from projects.tests.factories import ProjectFactory
from surveys.models import Answer, Collector, Invitation, Response, SavedDraft, Survey
from surveys.tests.factories import CollectorFactory, InvitationFactory, build_survey
from surveys.tests.helpers import draft_of, page1, post_page, url_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


def test_urls_are_translated(s):
    assert url_of(s["survey"]) == f"/fi/kyselyt/{s['survey'].slug_fi}/"
    assert url_of(s["survey"], "sv") == f"/sv/enkater/{s['survey'].slug_sv}/"
    with translation.override("sv"):
        assert reverse("surveys:survey_list") == "/sv/enkater/"


def test_list_shows_open_surveys_only(client, s):
    SurveyClosed = build_survey(status=Survey.Status.CLOSED)["survey"]
    response = client.get("/fi/kyselyt/")
    assert s["survey"].title_fi in response.content.decode()
    assert SurveyClosed.title_fi not in response.content.decode()
    response = client.get("/sv/enkater/")
    assert s["survey"].title_sv in response.content.decode()


def test_whole_survey_in_swedish_with_condition(client, s):
    project = ProjectFactory(kind="network")
    url = url_of(s["survey"], "sv")
    first = client.get(url)
    body = first.content.decode()
    assert first.status_code == 200
    assert 'lang="sv"' in body
    assert "Sida 1 / 3" in body
    assert "Påstående" in body and "Vet inte" in body
    second = post_page(client, url, first, page1(s, project=project))
    body = second.content.decode()
    assert "Sida 2 / 3" in body
    assert f"q{s['long'].pk}" in body  # statement 1 was 5 >= 4
    third = post_page(
        client,
        url,
        second,
        {
            f"q{s['multiple'].pk}": [str(s["m1"].pk), str(s["m2"].pk)],
            f"q{s['number'].pk}": "3,5",
            f"q{s['long'].pk}": "Långt svar",
        },
    )
    assert "Sida 3 / 3" in third.content.decode()
    done = post_page(client, url, third, {f"q{s['short'].pk}": "Kort"})
    assert done.status_code == 302
    assert done["Location"] == f"/sv/enkater/{s['survey'].slug_sv}/tack/"
    response = Response.objects.get()
    assert response.language == "sv"
    assert response.project == project
    assert not response.is_test
    rows = Answer.objects.filter(response=response)
    assert rows.filter(statement=s["s1"], value=5).exists()
    assert rows.filter(statement=s["s2"], dont_know=True, value=None).exists()
    assert rows.filter(choice=s["m1"]).exists() and rows.filter(choice=s["m2"]).exists()
    assert rows.get(question=s["number"]).number == pytest.approx(3.5)
    assert rows.get(question=s["long"]).text == "Långt svar"
    thanks = client.get(done["Location"])
    assert "Tack för dina svar." in thanks.content.decode()


def test_hidden_page_is_skipped_and_stores_nothing(client, s):
    url = url_of(s["survey"])
    first = client.get(url)
    second = post_page(client, url, first, page1(s, yes=False))
    assert "Sivu 2 / 2" in second.content.decode()
    assert f"q{s['short'].pk}" in second.content.decode()
    done = post_page(client, url, second, {f"q{s['short'].pk}": "Lyhyt"})
    assert done.status_code == 302
    assert not Answer.objects.filter(question__in=[s["multiple"], s["number"], s["long"]]).exists()


def test_hidden_question_is_not_shown_when_condition_fails(client, s):
    url = url_of(s["survey"])
    first = client.get(url)
    second = post_page(client, url, first, page1(s, s1=2))
    assert f"q{s['long'].pk}" not in second.content.decode()


def test_answers_of_a_page_hidden_after_going_back_are_dropped(client, s):
    url = url_of(s["survey"])
    first = client.get(url)
    second = post_page(client, url, first, page1(s))
    third = post_page(client, url, second, {f"q{s['number'].pk}": "7"})
    back = post_page(client, url, third, {}, action="back")
    back = post_page(client, url, back, {}, action="back")
    assert "Sivu 1 / 3" in back.content.decode()
    changed = post_page(client, url, back, page1(s, yes=False))
    done = post_page(client, url, changed, {f"q{s['short'].pk}": "x"})
    assert done.status_code == 302
    assert not Answer.objects.filter(question=s["number"]).exists()


def test_previous_page_after_an_error_keeps_the_valid_answers_of_the_page(client, s):
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s))
    invalid = {f"q{s['long'].pk}": "Kirjoitettu vastaus", f"q{s['number'].pk}": "ei luku"}
    back = post_page(client, url, second, invalid, action="back")
    assert "Sivu 1 / 3" in back.content.decode()
    again = post_page(client, url, back, page1(s)).content.decode()
    assert "Sivu 2 / 3" in again
    assert "Kirjoitettu vastaus" in again  # the valid answer came back with the page
    assert "ei luku" not in again  # the invalid one is not stored


@pytest.mark.parametrize(
    ("language", "message", "summary"),
    [
        ("fi", "Valitse vastaus tähän väittämään.", "Korjaa nämä kohdat"),
        ("sv", "Välj ett svar på det här påståendet.", "Rätta de här punkterna"),
    ],
)
def test_required_errors_sit_next_to_fields_in_the_respondents_language(
    client, s, language, message, summary
):
    url = url_of(s["survey"], language)
    first = client.get(url)
    again = post_page(client, url, first, {})
    body = again.content.decode()
    assert again.status_code == 200
    assert summary in body
    assert message in body
    field = f"q{s['likert'].pk}_{s['s1'].pk}"
    assert f'aria-describedby="{field}_error"' in body
    assert f'href="#f_{field}"' in body
    assert "autofocus" in body
    assert not Response.objects.exists()


def test_replayed_final_post_makes_one_response(client, s):
    url = url_of(s["survey"])
    page = post_page(client, url, client.get(url), page1(s, yes=False))
    data = {"draft": draft_of(page), "action": "next", f"q{s['short'].pk}": "x"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert Response.objects.count() == 1


def test_tampered_draft_starts_over(client, s):
    url = url_of(s["survey"])
    response = client.post(url, {"draft": "forged:token", "action": "next"})
    assert response.status_code == 200
    assert "vanhentunut" in response.content.decode()
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("status", "opens", "closes", "text"),
    [
        (Survey.Status.CLOSED, None, None, "Kysely on suljettu"),
        (Survey.Status.OPEN, 1, None, "Kysely avautuu"),
        (Survey.Status.OPEN, None, -1, "Kysely on suljettu"),
    ],
)
def test_closed_or_not_yet_open_survey_says_so(client, status, opens, closes, text):
    now = timezone.now()
    s = build_survey(
        status=status,
        opens_at=now + timezone.timedelta(days=opens) if opens else None,
        closes_at=now + timezone.timedelta(days=closes) if closes else None,
    )
    response = client.get(url_of(s["survey"]))
    assert text in response.content.decode()
    assert 'name="draft"' not in response.content.decode()


def test_draft_survey_is_not_public(client):
    s = build_survey(status=Survey.Status.DRAFT)
    assert client.get(url_of(s["survey"])).status_code == 404


def test_project_link_attributes_answers_to_the_project(client, s):
    collector = CollectorFactory(survey=s["survey"])
    url = collector.get_absolute_url()
    page = post_page(client, url, client.get(url), page1(s, yes=False))
    post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    response = Response.objects.get()
    assert response.collector == collector
    assert response.project == collector.project
    collector.refresh_from_db()
    assert collector.started_count == 1


def test_anonymous_invitation_keeps_only_that_it_was_used(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    url = invitation.get_absolute_url()
    page = post_page(client, url, client.get(url), page1(s, yes=False))
    post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    invitation.refresh_from_db()
    assert invitation.used_at is not None
    response = Response.objects.get()
    assert response.invitation is None
    again = client.get(url)
    assert "Tällä kutsulla on jo vastattu" in again.content.decode()


def test_named_invitation_links_the_response(client):
    s = build_survey(anonymous=False)
    invitation = InvitationFactory(collector__survey=s["survey"])
    url = invitation.get_absolute_url()
    page = post_page(client, url, client.get(url), page1(s, yes=False))
    post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    assert Response.objects.get().invitation == invitation


def test_used_token_cannot_answer_with_an_open_form(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    url = invitation.get_absolute_url()
    page_a = post_page(client, url, client.get(url), page1(s, yes=False))
    page_b = post_page(client, url, client.get(url), page1(s, yes=False))
    assert post_page(client, url, page_a, {f"q{s['short'].pk}": "a"}).status_code == 302
    refused = post_page(client, url, page_b, {f"q{s['short'].pk}": "b"})
    assert refused.status_code == 200
    assert "jo vastattu" in refused.content.decode()
    assert Response.objects.count() == 1
    assert Invitation.objects.get().used_at


def test_save_and_continue_later(client, s):
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s))
    saved = post_page(client, url, second, {f"q{s['number'].pk}": "4"}, action="save")
    body = saved.content.decode()
    assert "tallennettu" in body
    link = body.split('class="saved-link"><a href="')[1].split('"')[0]
    resumed = client.get(link)
    assert "Sivu 2 / 3" in resumed.content.decode()
    assert 'value="4"' in resumed.content.decode()


def test_saving_again_keeps_one_link_and_sending_forgets_it(client, s):
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s))
    saved = post_page(client, url, second, {f"q{s['number'].pk}": "4"}, action="save")
    link = saved.content.decode().split('class="saved-link"><a href="')[1].split('"')[0]
    resumed = client.get(link)
    again = post_page(client, url, resumed, {f"q{s['number'].pk}": "5"}, action="save")
    assert link in again.content.decode()
    assert SavedDraft.objects.count() == 1
    third = post_page(client, url, client.get(link), {f"q{s['number'].pk}": "5"})
    assert post_page(client, url, third, {f"q{s['short'].pk}": "x"}).status_code == 302
    assert SavedDraft.objects.count() == 0  # the link no longer holds the sent answers
    assert "Sivu 1 / 3" in client.get(link).content.decode()


def test_embed_variant_allows_listed_domains_only(client, s):
    s["survey"].embed_domains = "https://www.winnova.fi\nhttp://localhost:8000"
    s["survey"].save()
    response = client.get(url_of(s["survey"], name="surveys:survey_embed"))
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.winnova.fi http://localhost:8000" in policy
    assert "X-Frame-Options" not in response
    assert "site-header" not in response.content.decode()
    normal = client.get(url_of(s["survey"]))
    assert "frame-ancestors 'none'" in normal["Content-Security-Policy"]
    assert normal["X-Frame-Options"] == "DENY"


def test_embedded_form_works_without_cookies(s):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    url = url_of(s["survey"], name="surveys:survey_embed")
    first = client.get(url)
    assert not first.cookies
    page = post_page(client, url, first, page1(s, yes=False))
    client.cookies.clear()
    done = post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    assert done.status_code == 302
    assert done["Location"].endswith("/upotus/kiitos/")
    assert Response.objects.count() == 1


def test_answer_pages_are_never_cached(client, s):
    response = client.get(url_of(s["survey"]))
    assert "no-store" in response["Cache-Control"]


def test_rate_limit_refuses_a_flood(client, s, settings):
    settings.SURVEYS_SUBMISSIONS_PER_5MIN = 2
    url = url_of(s["survey"])
    first = client.get(url)
    codes = [post_page(client, url, first, {}).status_code for _ in range(3)]
    assert codes == [200, 200, 429]


def test_public_link_needs_a_public_collector(client):
    s = build_survey(public=False)
    assert client.get(url_of(s["survey"])).status_code == 404
    assert Collector.objects.count() == 0


def test_no_ip_or_user_agent_is_stored():
    names = {f.name for f in Response._meta.get_fields()}
    assert not names & {"ip", "ip_address", "user_agent", "remote_addr"}


def test_collector_stats_started_completed_and_rate(client, s):
    from surveys.models import Collector as C

    collector = CollectorFactory(survey=s["survey"])
    url = collector.get_absolute_url()
    for _ in range(2):
        page = post_page(client, url, client.get(url), page1(s, yes=False))
    post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    row = C.objects.with_stats().get(pk=collector.pk)
    assert (row.started_count, row.completed) == (2, 1)
    assert row.response_rate(row.completed, row.invited) == 0.5


def test_head_of_the_embed_variant_has_its_frame_policy(client, s):
    response = client.head(url_of(s["survey"], "sv", name="surveys:survey_embed"))
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_anonymous_invitation_keeps_no_times_that_match_the_response(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    url = invitation.get_absolute_url()
    page = post_page(client, url, client.get(url), page1(s, yes=False))
    post_page(client, url, page, {f"q{s['short'].pk}": "x"})
    invitation.refresh_from_db()
    assert invitation.opened_at is None
    assert invitation.used_at == s["survey"].opens_at  # the same for every invitee


def test_a_resumed_first_page_shows_the_respondent_s_answers_not_the_shared_one(
    client, s, settings
):
    """The blank first page is shared, but a respondent who saved on it and comes back gets
    their own answers: the shared fragment is neither read nor written for them."""
    settings.PAGE_CACHE_SECONDS = 300
    url = url_of(s["survey"])
    client.get(url)  # another visitor's first visit leaves the blank page shared
    saved = post_page(client, url, client.get(url), page1(s, s1=2), action="save")
    link = saved.content.decode().split('class="saved-link"><a href="')[1].split('"')[0]
    resumed = client.get(link).content.decode()
    field = f"q{s['likert'].pk}_{s['s1'].pk}"
    chosen = re.compile(
        rf'<input[^>]*name="{field}"[^>]*value="2"[^>]*checked|'
        rf'<input[^>]*name="{field}"[^>]*checked[^>]*value="2"'
    )
    assert chosen.search(resumed), "the respondent's saved answer is not shown"
    assert not chosen.search(client.get(url).content.decode())  # nor given to the next


def test_a_first_visit_shares_the_questions_but_never_a_respondent_s_answers(
    client, s, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 300  # shared fragments on (this app's tests turn them off)
    url = url_of(s["survey"])
    first = client.get(url)
    with django_assert_num_queries(0):  # survey, structure and questions are shared
        second = client.get(url)
    assert draft_of(first) != draft_of(second)
    assert first.content.decode().replace(draft_of(first), "") == second.content.decode().replace(
        draft_of(second), ""
    )
    # A respondent who resumes a saved answer sees their own answers, never another's.
    resumed = []
    for number in ("4", "7"):
        second = post_page(client, url, client.get(url), page1(s))
        saved = post_page(client, url, second, {f"q{s['number'].pk}": number}, action="save")
        link = saved.content.decode().split('class="saved-link"><a href="')[1].split('"')[0]
        resumed.append(client.get(link).content.decode())
    number_input = re.compile(rf'<input[^>]*name="q{s["number"].pk}"[^>]*>')
    assert 'value="4"' in number_input.search(resumed[0]).group(0)
    assert 'value="7"' in number_input.search(resumed[1]).group(0)
    # A page with errors stays with the respondent who made them.
    errors = post_page(client, url, client.get(url), {})
    assert "error-summary" in errors.content.decode()
    assert "error-summary" not in client.get(url).content.decode()


def test_answer_to_a_question_hidden_by_its_own_condition_is_dropped(client, s):
    """Page 2 stays shown; its long text, answered first, is hidden after going back."""
    url = url_of(s["survey"])
    first = client.get(url)
    second = post_page(client, url, first, page1(s, s1=5))
    assert f"q{s['long'].pk}" in second.content.decode()
    page2 = {f"q{s['number'].pk}": "3", f"q{s['long'].pk}": "Ei saa jäädä talteen"}
    third = post_page(client, url, second, page2)
    back_to_2 = post_page(client, url, third, {f"q{s['short'].pk}": "x"}, action="back")
    back_to_1 = post_page(client, url, back_to_2, page2, action="back")
    again_2 = post_page(client, url, back_to_1, page1(s, s1=1))  # long text now hidden
    body = again_2.content.decode()
    assert "Sivu 2 / 3" in body and f"q{s['long'].pk}" not in body
    again_3 = post_page(client, url, again_2, {f"q{s['number'].pk}": "3"})
    done = post_page(client, url, again_3, {f"q{s['short'].pk}": "Lyhyt"})
    assert done.status_code == 302
    response = Response.objects.get()
    stored = set(response.answers.values_list("question", flat=True))
    assert s["number"].pk in stored and s["short"].pk in stored
    assert s["long"].pk not in stored
    assert not Answer.objects.filter(text="Ei saa jäädä talteen").exists()
