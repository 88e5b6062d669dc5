"""Editing a question in place on the builder page (`?muokkaa=<id>`) and the instant preview
of a page while its question or texts are edited, unsaved."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from surveys.models import Statement
from surveys.tests.factories import SurveyFactory, build_survey
from surveys.tests.helpers import form_data, workspace_url
from surveys.tests.test_workspace_queries import survey_with

url = workspace_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


# In place on the builder ---------------------------------------------------------------


def test_the_builder_links_each_question_to_its_form_in_place(nc_client, s):
    text = nc_client.get(url("survey_builder", pk=s["survey"].pk)).text
    likert = s["likert"]
    assert f'href="?muokkaa={likert.pk}#question-{likert.pk}"' in text
    assert 'class="ws-question-form"' not in text


def test_the_question_form_opens_in_its_place_and_posts_to_its_own_address(nc_client, s):
    survey, likert = s["survey"], s["likert"]
    response = nc_client.get(url("survey_builder", pk=survey.pk), {"muokkaa": likert.pk})
    assert response.status_code == 200
    text = response.text
    item = text[text.index(f'id="question-{likert.pk}"') :]
    item = item[: item.index('<li class="ws-question"')]  # up to the next question
    action = url("question_edit", pk=survey.pk, question_pk=likert.pk)
    assert f'action="{action}"' in item
    # The form's fields carry ids of their own on this page, their names stay the form's.
    assert f'id="q{likert.pk}-id_text_fi"' not in text
    assert f'id="q{likert.pk}-text_fi"' in text and 'name="text_fi"' in text
    assert f'name="statements-0-text_fi" value="{s["s1"].text_fi}"' in text
    live = url("question_preview_live", pk=survey.pk, question_pk=likert.pk)
    assert f'data-live-preview="{live}"' in item
    # Only that question is edited; the others keep their links.
    assert text.count('class="ws-question-form"') == 1
    assert f'href="?muokkaa={likert.pk}#' not in text
    assert f'href="?muokkaa={s["single"].pk}#question-{s["single"].pk}"' in text


def test_the_form_in_place_saves_and_returns_to_the_builder(nc_client, s):
    survey, single = s["survey"], s["single"]
    data = form_data(single, language=None, text_fi="Muokattu paikallaan")
    response = nc_client.post(url("question_edit", pk=survey.pk, question_pk=single.pk), data)
    assert response.status_code == 302
    assert response.url == url("survey_builder", pk=survey.pk) + f"#question-{single.pk}"
    single.refresh_from_db()
    assert single.text_fi == "Muokattu paikallaan"


@pytest.mark.parametrize("value", ["abc", "0", "", "99999999"])
def test_an_unknown_question_to_edit_gives_a_message_not_an_error(nc_client, s, value):
    response = nc_client.get(url("survey_builder", pk=s["survey"].pk), {"muokkaa": value})
    assert response.status_code == 200
    assert "Muokattavaa kysymystä ei löytynyt kyselystä." in response.text
    assert 'class="ws-question-form"' not in response.text


def test_another_surveys_question_is_not_edited_here(nc_client, s):
    other = SurveyFactory()
    response = nc_client.get(url("survey_builder", pk=other.pk), {"muokkaa": s["likert"].pk})
    assert "Muokattavaa kysymystä ei löytynyt kyselystä." in response.text


def test_the_builder_with_a_form_in_place_does_not_grow_with_the_questions(
    client, network_coordinator
):
    client.force_login(network_coordinator)
    counts = []
    for questions in (6, 60):
        survey, pages = survey_with(questions)
        likert = pages[2].questions.filter(kind="likert").first()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url("survey_builder", pk=survey.pk), {"muokkaa": likert.pk})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


# Instant preview -----------------------------------------------------------------------


def test_the_preview_shows_the_unsaved_question_and_rows_and_saves_nothing(nc_client, s):
    survey, likert = s["survey"], s["likert"]
    data = form_data(
        likert,
        text_fi="Arvioi tallentamatta",
        **{
            "statements-0-text_fi": "Ensimmäinen muutettu",
            "statements-2-text_fi": "Uusi väittämä",
            "statements-2-order": "3",
            "statements-1-DELETE": "on",
        },
    )
    response = nc_client.post(
        url("question_preview_live", pk=survey.pk, question_pk=likert.pk), data
    )
    assert response.status_code == 200
    text = response.text
    assert "<html" not in text  # only the preview, swapped into the edit page
    assert "Arvioi tallentamatta" in text
    assert "Ensimmäinen muutettu" in text and "Uusi väittämä" in text
    assert s["s2"].text_fi not in text
    assert 'class="survey-form"' in text
    likert.refresh_from_db()
    assert likert.text_fi != "Arvioi tallentamatta"
    assert list(Statement.objects.filter(question=likert)) == [s["s1"], s["s2"]]
    s["s1"].refresh_from_db()
    assert s["s1"].text_fi != "Ensimmäinen muutettu"


def test_the_preview_is_in_the_chosen_language(nc_client, s):
    survey, single = s["survey"], s["single"]
    data = form_data(single, language="sv", text_sv="Svenska utan att spara")
    with translation.override("fi"):
        address = url("question_preview_live", pk=survey.pk, question_pk=single.pk)
    text = nc_client.post(address, data).text
    assert 'lang="sv"' in text
    assert "Svenska utan att spara" in text
    assert "Ja" in text and "Nej" in text  # the choices in Swedish
    assert "Sida 1 / 3" in text


def test_the_page_preview_shows_unsaved_titles(nc_client, s):
    survey, page = s["survey"], s["pages"][2]
    data = {"title_fi": "Loppu tallentamatta", "intro_fi": "Johdanto", "preview_language": "fi"}
    response = nc_client.post(url("page_preview_live", pk=survey.pk, page_pk=page.pk), data)
    assert response.status_code == 200
    assert "Loppu tallentamatta" in response.text and "Johdanto" in response.text
    page.refresh_from_db()
    assert page.title_fi != "Loppu tallentamatta"


@pytest.mark.parametrize(
    "changes",
    [
        {"preview_language": "de"},
        {"preview_language": ""},
        {"text_fi": ""},
        {"scale_size": "11"},
        {"scale_size": "kymmenen"},
        {"statements-TOTAL_FORMS": "x"},
        {"statements-INITIAL_FORMS": "999"},
        {"kind": "nonsense"},
    ],
)
def test_bad_input_gives_a_message_and_never_an_error(nc_client, s, changes):
    likert = s["likert"]
    data = form_data(likert, **changes)
    if changes.get("preview_language") == "":
        del data["preview_language"]
    address = url("question_preview_live", pk=s["survey"].pk, question_pk=likert.pk)
    response = nc_client.post(address, data)
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert "Esikatselu" in response.text or "esikatselun kieli" in response.text


def test_a_kind_its_display_conditions_do_not_fit_is_named_in_the_preview(nc_client, s):
    single = s["single"]  # page 2 shows only when it is answered "Kyllä"
    data = form_data(single, kind="likert")
    address = url("question_preview_live", pk=s["survey"].pk, question_pk=single.pk)
    response = nc_client.post(address, data)
    assert response.status_code == 400
    assert "Poista ehdot ensin" in response.text


def test_the_message_names_the_fields_to_fix(nc_client, s):
    likert = s["likert"]
    data = form_data(likert, text_fi="", scale_size="11", **{"statements-0-order": "x"})
    address = url("question_preview_live", pk=s["survey"].pk, question_pk=likert.pk)
    text = nc_client.post(address, data).text
    assert "Kysymys suomeksi: Tämä kenttä vaaditaan." in text
    assert "Asteikon pituus: " in text
    assert "Rivi 1, Järjestys: " in text


def test_a_page_preview_with_bad_input_gives_a_message(nc_client, s):
    page = s["pages"][0]
    address = url("page_preview_live", pk=s["survey"].pk, page_pk=page.pk)
    response = nc_client.post(address, {"title_fi": "x" * 1000, "preview_language": "fi"})
    assert response.status_code == 400
    assert "Esikatselua ei päivitetty" in response.text


def test_the_preview_is_a_post_with_its_csrf_token(network_coordinator, s):
    client = Client(enforce_csrf_checks=True)
    client.force_login(network_coordinator)
    likert = s["likert"]
    address = url("question_preview_live", pk=s["survey"].pk, question_pk=likert.pk)
    assert client.post(address, form_data(likert)).status_code == 403
    assert client.get(address).status_code == 405


def test_a_question_of_another_survey_is_not_previewed_through_this_one(nc_client, s):
    other = SurveyFactory()
    address = url("question_preview_live", pk=other.pk, question_pk=s["likert"].pk)
    assert nc_client.post(address, form_data(s["likert"])).status_code == 404


@pytest.mark.parametrize("role", ["coordinator", "oph_viewer"])
def test_project_coordinators_and_oph_viewers_get_no_preview(client, s, role, request):
    client.force_login(request.getfixturevalue(role))
    likert, page = s["likert"], s["pages"][0]
    survey = s["survey"]
    for address, data in [
        (url("question_preview_live", pk=survey.pk, question_pk=likert.pk), form_data(likert)),
        (url("page_preview_live", pk=survey.pk, page_pk=page.pk), {"preview_language": "fi"}),
    ]:
        assert client.post(address, data).status_code in (403, 404)
    response = client.get(url("survey_builder", pk=survey.pk), {"muokkaa": likert.pk})
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("name", ["question_preview_live", "page_preview_live"])
def test_the_preview_does_not_grow_with_the_questions(client, network_coordinator, name):
    client.force_login(network_coordinator)
    counts = []
    for questions in (6, 60):
        survey, pages = survey_with(questions)
        likert = pages[2].questions.filter(kind="likert").first()
        if name == "question_preview_live":
            address = url(name, pk=survey.pk, question_pk=likert.pk)
            data = form_data(likert, language="sv", **{"statements-2-text_fi": "Uusi"})
        else:
            address = url(name, pk=survey.pk, page_pk=pages[2].pk)
            data = {"title_fi": "Sivu", "preview_language": "sv"}
        with CaptureQueriesContext(connection) as queries:
            response = client.post(address, data)
        assert response.status_code == 200, response.text
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert counts[0] < 25, counts


@pytest.mark.parametrize(
    ("key", "kind"),
    [("number", "likert"), ("long", "number"), ("short", "multiple"), ("multiple", "project")],
)
def test_a_changed_kind_is_previewed_without_an_error(nc_client, s, key, kind):
    question = s[key]
    before = question.kind
    data = form_data(question, kind=kind)
    address = url("question_preview_live", pk=s["survey"].pk, question_pk=question.pk)
    response = nc_client.post(address, data)
    assert response.status_code == 200
    assert 'class="survey-form"' in response.text
    question.refresh_from_db()
    assert question.kind == before  # nothing saved
