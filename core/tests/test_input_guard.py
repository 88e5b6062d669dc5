"""Input no page can use (a NUL character) is refused at the edge (core/input_guard.py):
404 for an address, 400 for a query or a form, in the visitor's language, nothing stored.

On PostgreSQL each of these was a 500 (psycopg refuses a string with NUL)."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration
from events.tests.factories import EventFactory
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db

NOT_FOUND = {"fi": "Sivua ei löytynyt", "sv": "Sidan hittades inte"}
BAD_INPUT = {
    "fi": "Osoitteessa tai lomakkeessa oli merkkejä, joita ei voi käsitellä",
    "sv": "Adressen eller formuläret innehöll tecken som inte kan behandlas",
}


def _url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_nul_in_an_address_is_the_sites_own_404(client, language):
    url = _url("surveys:invitation_answer", language, token="x").replace("/x/", "/%00/")
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND[language] in html and f'<html lang="{language}">' in html


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_nul_in_a_query_parameter_is_a_400_saying_why(client, language):
    survey = build_survey()["survey"]
    url = _url("surveys:survey_answer", language, slug=getattr(survey, f"slug_{language}"))
    response = client.get(f"{url}?jatka=%00")
    assert response.status_code == 400
    assert BAD_INPUT[language] in response.content.decode()
    assert "Content-Security-Policy" in response  # the page went through the whole stack


def test_nul_in_the_open_answer_search_is_a_400(client, network_coordinator):
    built = build_survey()
    client.force_login(network_coordinator)
    slug = built["survey"].slug_fi
    url = _url("reports:open_question", "fi", slug=slug, pk=built["long"].pk)
    assert client.get(f"{url}?q=%00").status_code == 400
    assert client.get(f"{url}?%00=x").status_code == 400


def test_nul_in_a_form_field_is_a_400_and_stores_nothing(client):
    event = EventFactory(
        registration_enabled=True,
        capacity_in_person=10,
        registration_deadline=timezone.now() + timezone.timedelta(days=5),
    )
    url = _url("events:register", "fi", slug=event.slug)
    data = {"name": "Maija\x00", "email": "maija@example.org", "mode": "in_person", "consent": "on"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert BAD_INPUT["fi"] in response.content.decode()
    assert not Registration.objects.exists()


def test_a_cookie_with_nul_is_dropped_and_the_page_still_answers(client, settings):
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijk"
    response = client.get(_url("projects:project_list", "fi"))
    assert response.status_code == 200


def test_ordinary_input_passes(client):
    assert client.get("/fi/haku/?q=Välitä+%E2%80%93+ääkköset").status_code == 200


@pytest.mark.parametrize("junk", ["x", "1.5", "²", str(2**64), ""])
def test_a_junk_id_in_a_staff_form_finds_nothing(client, network_coordinator, junk):
    built = build_survey()
    client.force_login(network_coordinator)
    coding = _url("reports:open_question", "fi", slug=built["survey"].slug_fi, pk=built["long"].pk)
    assert (
        client.post(coding, {"action": "code", "answer": junk, "codes": [junk]}).status_code == 404
    )
    publishing = _url("reports:published_manage", "fi")
    assert client.post(publishing, {"survey": junk}).status_code == 404
    data = {"survey": built["survey"].pk, "question": junk}
    assert client.post(publishing, data).status_code == 404
