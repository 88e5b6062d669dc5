"""The respondent's flow at its edges: answers on pages a later change hides, a choice
sent twice, stopping on an unfinished page, test mode in a browser, allowed sites given
with a path, and a "continue later" link older than a posted draft may be."""

import pytest
from django.urls import reverse
from django.utils import translation

from surveys import collecting
from surveys.models import Answer, Condition, Response
from surveys.tests.factories import PageFactory, QuestionFactory, build_survey
from surveys.tests.helpers import page1, post_page, url_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


def test_a_page_depending_on_a_hidden_page_is_not_shown_and_its_answers_not_lost(client, s):
    """Page 4 is shown when the multiple choice of page 2 had m1. Page 2 is hidden after the
    respondent goes back and answers "Ei": page 4 must no longer be asked (or, if it is
    asked, its answers must be kept)."""
    p4 = PageFactory(survey=s["survey"], order=4)
    q4 = QuestionFactory(page=p4, kind="short_text", required=True)
    condition = Condition.objects.create(
        page=p4, source=s["multiple"], operator=Condition.Operator.CHOICE_IN
    )
    condition.choices.set([s["m1"]])
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s, yes=True))
    third = post_page(client, url, second, {f"q{s['multiple'].pk}": [str(s["m1"].pk)]})
    assert f"q{s['short'].pk}" in third.content.decode()
    # Back to page 1 (through pages 2), answer "Ei": page 2 is now hidden.
    back2 = post_page(client, url, third, {}, action="back")
    back1 = post_page(
        client, url, back2, {f"q{s['multiple'].pk}": [str(s["m1"].pk)]}, action="back"
    )
    assert "Sivu 1 /" in back1.content.decode()
    page3 = post_page(client, url, back1, page1(s, yes=False))
    body = page3.content.decode()
    assert f"q{s['short'].pk}" in body
    after3 = post_page(client, url, page3, {f"q{s['short'].pk}": "lyhyt"})
    # Page 4 depended on a page now hidden: not asked, and the response is sent.
    assert after3.status_code == 302
    assert not Answer.objects.filter(question=q4).exists()
    assert Response.objects.count() == 1


def test_save_for_later_works_with_a_required_question_not_answered_yet(client, s):
    """A respondent who wants to stop on page 1 before answering its required questions
    (the Likert group, the single choice) must be able to save what they have."""
    url = url_of(s["survey"])
    first = client.get(url)
    partial = {f"q{s['likert'].pk}_{s['s1'].pk}": "3"}
    saved = post_page(client, url, first, partial, action="save")
    assert "saved-link" in saved.content.decode(), "save for later refused: errors shown instead"


def test_duplicate_choice_values_are_refused_not_a_500(client, s):
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s, yes=True))
    m1 = str(s["m1"].pk)
    third = post_page(client, url, second, {f"q{s['multiple'].pk}": [m1, m1]})
    done = post_page(client, url, third, {f"q{s['short'].pk}": "x"})
    assert done.status_code in (200, 302)
    assert Response.objects.count() == 1


def test_duplicate_choice_values_do_not_satisfy_a_minimum(client, s):
    s["multiple"].min_choices = 2
    s["multiple"].save()
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s, yes=True))
    m1 = str(s["m1"].pk)
    third = post_page(client, url, second, {f"q{s['multiple'].pk}": [m1, m1]})
    assert "Sivu 2 / 3" in third.content.decode(), "one choice sent twice passed 'at least 2'"


def test_an_allowed_site_given_with_a_path_can_frame_the_survey(client, s):
    """The coordinator pastes the page where the survey is embedded. CSP frame-ancestors
    matches the embedding page's origin only; a source with a path never matches it."""
    collecting.embed_domains_set(
        survey=s["survey"], embed_domains="https://www.winnova.fi/kyselyt/hyvinvointi/"
    )
    response = client.get(url_of(s["survey"], name="surveys:survey_embed"))
    policy = response["Content-Security-Policy"]
    ancestors = [d for d in policy.split(";") if "frame-ancestors" in d][0].split()
    assert "https://www.winnova.fi" in ancestors, policy


def test_test_mode_can_be_answered_in_a_browser(s, network_coordinator):
    """Staff test mode: the form has no CSRF token and the view is not CSRF-exempt."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(network_coordinator)
    with translation.override("fi"):
        url = reverse("surveys:survey_test", kwargs={"slug": s["survey"].slug_fi})
    first = client.get(url)
    assert first.status_code == 200
    token = first.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    second = post_page(client, url, first, {**page1(s, yes=False), "csrfmiddlewaretoken": token})
    assert second.status_code == 200, second.status_code
    assert "Sivu 2 /" in second.content.decode()  # the next page, not the first again


def test_a_saved_link_older_than_a_posted_draft_may_be_still_continues(client, s, clock):
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s))
    saved = post_page(client, url, second, {f"q{s['number'].pk}": "4"}, action="save")
    link = saved.content.decode().split('class="saved-link"><a href="')[1].split('"')[0]
    clock.advance(61 * 24 * 3600)  # the survey is still open two months later
    assert "Sivu 2 / 3" in client.get(link).content.decode()
