"""The survey builder's pages and every refusal of its services, in both languages."""

import uuid

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from surveys import builder, services
from surveys.answering import Structure
from surveys.models import Choice, Condition, Page, Question, Statement, Survey
from surveys.tests.factories import (
    ChoiceFactory,
    PageFactory,
    QuestionFactory,
    StatementFactory,
    SurveyFactory,
    build_survey,
)
from surveys.tests.helpers import form_data, workspace_url

url = workspace_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


def answer(s):
    return services.response_submit(
        survey=s["survey"],
        answers={
            str(s["likert"].pk): {str(s["s1"].pk): 4, str(s["s2"].pk): 2},
            str(s["single"].pk): s["no"].pk,
            str(s["short"].pk): "teksti",
        },
        structure=Structure(s["survey"]),
        submission_key=str(uuid.uuid4()),
    )


# The builder page --------------------------------------------------------------------------


def test_the_builder_shows_pages_questions_and_conditions_as_sentences(nc_client, s):
    text = nc_client.get(url("survey_builder", pk=s["survey"].pk)).text
    for page in s["pages"]:
        assert f'id="page-{page.pk}"' in text
    for key in ("likert", "single", "short"):
        assert s[key].text_fi in text and s[key].text_sv in text
    assert "Näytetään, jos kysymykseen 2 vastattiin ”Kyllä”." in text
    statement = s["s1"].text_fi
    assert f"Näytetään, jos kysymyksen 1 väittämään ”{statement}” vastattiin vähintään 4." in text
    assert reverse("surveys:survey_test", kwargs={"slug": s["survey"].slug}) in text


def test_the_builder_reads_in_swedish(client, network_coordinator, s):
    client.force_login(network_coordinator)
    with translation.override("sv"):
        address = url("survey_builder", pk=s["survey"].pk)
    assert address.startswith("/sv/arbetsyta/enkater/")
    text = client.get(address).text
    assert "Visas om svaret på fråga 2 var ”Ja”." in text
    assert "Lägg till en fråga" in text


def test_missing_swedish_is_marked(nc_client, s):
    Question.objects.filter(pk=s["short"].pk).update(text_sv="")
    text = nc_client.get(url("survey_builder", pk=s["survey"].pk)).text
    block = text.split(f'id="question-{s["short"].pk}"')[1].split("</li>")[0]
    assert "Ruotsi puuttuu" in block
    other = text.split(f'id="question-{s["number"].pk}"')[1].split("</li>")[0]
    assert "Ruotsi puuttuu" not in other


def test_a_question_is_added_and_edited_with_its_choices(nc_client, s):
    page = s["pages"][2]
    response = nc_client.post(
        url("question_add", pk=s["survey"].pk, page_pk=page.pk),
        {"kind": "single", "text_fi": "Miten osallistuit?", "text_sv": "Hur deltog du?"},
    )
    question = Question.objects.get(text_fi="Miten osallistuit?")
    assert response["Location"] == url("question_edit", pk=s["survey"].pk, question_pk=question.pk)
    assert question.page == page and question.order == 2
    data = {
        "kind": "single",
        "text_fi": "Miten osallistuit?",
        "text_sv": "Hur deltog du?",
        "help_text_fi": "",
        "help_text_sv": "",
        "required": "on",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-0-text_fi": "Etänä",
        "choices-0-text_sv": "På distans",
        "choices-0-order": "1",
        "choices-1-text_fi": "Paikan päällä",
        "choices-1-text_sv": "",
        "choices-1-order": "2",
    }
    response = nc_client.post(
        url("question_edit", pk=s["survey"].pk, question_pk=question.pk), data
    )
    assert response.status_code == 302
    assert [c.text_fi for c in question.choices.all()] == ["Etänä", "Paikan päällä"]
    question.refresh_from_db()
    assert question.required


def test_a_likert_group_is_edited_with_scale_ends_and_dont_know(nc_client, s):
    likert = s["likert"]
    data = {
        "kind": "likert",
        "text_fi": likert.text_fi,
        "text_sv": likert.text_sv,
        "scale_size": "7",
        "scale_min_label_fi": "Ei lainkaan",
        "scale_max_label_fi": "Erittäin paljon",
        "allow_dont_know": "",
        "statements-TOTAL_FORMS": "3",
        "statements-INITIAL_FORMS": "2",
        "statements-0-id": s["s1"].pk,
        "statements-0-question": likert.pk,
        "statements-0-text_fi": "Uusi teksti",
        "statements-0-order": "1",
        "statements-1-id": s["s2"].pk,
        "statements-1-question": likert.pk,
        "statements-1-text_fi": s["s2"].text_fi,
        "statements-1-order": "2",
        "statements-2-text_fi": "Kolmas",
        "statements-2-order": "3",
    }
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=likert.pk), data)
    assert response.status_code == 302, response.text
    likert.refresh_from_db()
    assert (likert.scale_size, likert.allow_dont_know) == (7, False)
    assert likert.scale_min_label_fi == "Ei lainkaan"
    assert [st.text_fi for st in likert.statements.all()][::2] == ["Uusi teksti", "Kolmas"]


def test_a_scale_outside_2_to_10_is_refused_beside_the_field(nc_client, s):
    likert = s["likert"]
    data = {
        "kind": "likert",
        "text_fi": "x",
        "scale_size": "11",
        "statements-TOTAL_FORMS": "0",
        "statements-INITIAL_FORMS": "0",
    }
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=likert.pk), data)
    assert response.status_code == 200
    assert 'id="id_scale_size_error"' in response.text
    assert Question.objects.get(pk=likert.pk).scale_size == 5


# Refusals once the survey has real responses -------------------------------------------------


def test_an_answered_question_is_not_deleted_and_the_reason_is_shown(nc_client, s):
    answer(s)
    response = nc_client.post(
        url("question_delete", pk=s["survey"].pk, question_pk=s["short"].pk), follow=True
    )
    assert Question.objects.filter(pk=s["short"].pk).exists()
    assert "Kyselyyn on jo vastattu" in response.text
    text = nc_client.get(url("survey_builder", pk=s["survey"].pk)).text
    assert "Ei voi poistaa:" in text


def test_test_responses_do_not_lock_the_survey_and_go_with_a_deleted_question(s):
    services.response_submit(
        survey=s["survey"],
        answers={str(s["short"].pk): "testi"},
        structure=Structure(s["survey"]),
        submission_key=str(uuid.uuid4()),
        is_test=True,
    )
    builder.question_delete(question=s["short"])
    assert not Question.objects.filter(pk=s["short"].pk).exists()


def test_the_kind_of_an_answered_question_is_refused_beside_the_field(nc_client, s):
    answer(s)
    single = s["single"]
    data = {
        "kind": "multiple",
        "text_fi": "Muutettu",
        "choices-TOTAL_FORMS": "0",
        "choices-INITIAL_FORMS": "0",
    }
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=single.pk), data)
    assert response.status_code == 200
    assert 'id="id_kind_error"' in response.text
    single.refresh_from_db()
    assert (single.kind, single.text_fi) == ("single", s["single"].text_fi)


def test_a_kind_the_display_conditions_no_longer_fit_is_refused_beside_the_field(nc_client, s):
    single = s["single"]  # page 2 shows only when it is answered "Kyllä"
    data = form_data(single, language=None, kind=Question.Kind.SHORT_TEXT)
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=single.pk), data)
    assert response.status_code == 200
    assert 'id="id_kind_error"' in response.text
    assert "Poista ehdot ensin" in response.text
    single.refresh_from_db()
    assert single.kind == Question.Kind.SINGLE
    likert = Question.objects.get(pk=s["likert"].pk)  # a scale condition rests on it
    likert.kind = Question.Kind.SINGLE
    with pytest.raises(ValidationError) as error:
        builder.question_update(question=likert)
    assert "kind" in error.value.error_dict


def test_a_kind_the_display_conditions_still_fit_is_saved(nc_client, s):
    single = s["single"]
    data = form_data(single, language=None, kind=Question.Kind.MULTIPLE)
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=single.pk), data)
    assert response.status_code == 302
    single.refresh_from_db()
    assert single.kind == Question.Kind.MULTIPLE  # its choices, and the condition on them, stand


def test_dont_know_of_an_answered_likert_group_stays(s):
    answer(s)
    likert = Question.objects.get(pk=s["likert"].pk)
    likert.allow_dont_know = False
    with pytest.raises(ValidationError) as error:
        builder.question_update(question=likert)
    assert "allow_dont_know" in error.value.error_dict


def test_a_statement_of_an_answered_survey_is_not_deleted(nc_client, s):
    answer(s)
    likert = s["likert"]
    data = {
        "kind": "likert",
        "text_fi": likert.text_fi,
        "scale_size": "5",
        "allow_dont_know": "on",
        "statements-TOTAL_FORMS": "2",
        "statements-INITIAL_FORMS": "2",
        "statements-0-id": s["s1"].pk,
        "statements-0-question": likert.pk,
        "statements-0-text_fi": s["s1"].text_fi,
        "statements-0-order": "1",
        "statements-0-DELETE": "on",
        "statements-1-id": s["s2"].pk,
        "statements-1-question": likert.pk,
        "statements-1-text_fi": "Korjattu",
        "statements-1-order": "2",
    }
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=likert.pk), data)
    assert response.status_code == 200
    assert "Kyselyyn on jo vastattu" in response.text
    assert Statement.objects.filter(pk=s["s1"].pk).exists()
    assert Statement.objects.get(pk=s["s2"].pk).text_fi == s["s2"].text_fi  # nothing half-way


def test_a_page_of_an_answered_survey_is_not_deleted(s):
    answer(s)
    with pytest.raises(ValidationError) as error:
        builder.page_delete(page=s["pages"][2])
    assert error.value.code == "answered"


# Refusals that keep conditions sound ---------------------------------------------------------


def test_a_question_a_condition_depends_on_is_not_deleted(s):
    with pytest.raises(ValidationError) as error:
        builder.question_delete(question=s["single"])
    assert error.value.code == "has_dependents"
    assert Question.objects.filter(pk=s["single"].pk).exists()


def test_a_choice_a_condition_depends_on_is_not_deleted(nc_client, s):
    single = s["single"]
    data = {
        "kind": "single",
        "text_fi": single.text_fi,
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "2",
        "choices-0-id": s["yes"].pk,
        "choices-0-question": single.pk,
        "choices-0-text_fi": "Kyllä",
        "choices-0-order": "1",
        "choices-0-DELETE": "on",
        "choices-1-id": s["no"].pk,
        "choices-1-question": single.pk,
        "choices-1-text_fi": "Ei",
        "choices-1-order": "2",
    }
    response = nc_client.post(url("question_edit", pk=s["survey"].pk, question_pk=single.pk), data)
    assert response.status_code == 200
    assert "on näyttämisehdon vastaus" in response.text
    assert Choice.objects.filter(pk=s["yes"].pk).exists()


def test_the_only_page_is_not_deleted():
    survey = SurveyFactory()
    page = PageFactory(survey=survey)
    with pytest.raises(ValidationError) as error:
        builder.page_delete(page=page)
    assert error.value.code == "last_page"


def test_a_page_whose_questions_conditions_use_is_not_deleted(s):
    with pytest.raises(ValidationError) as error:
        builder.page_delete(page=s["pages"][0])
    assert error.value.code == "has_dependents"


def test_moving_a_page_before_its_conditions_source_is_refused(nc_client, s):
    p2 = s["pages"][1]
    response = nc_client.post(
        url("page_move", pk=s["survey"].pk, page_pk=p2.pk), {"direction": "up"}, follow=True
    )
    assert "Siirtoa ei tehty" in response.text
    assert [p.pk for p in s["survey"].pages.order_by("order")] == [p.pk for p in s["pages"]]


def test_moving_a_conditions_source_onto_its_target_page_is_refused(s):
    with pytest.raises(ValidationError) as error:
        builder.question_move_to_page(question=s["single"], page=s["pages"][1])
    assert error.value.code == "condition_order"
    assert Question.objects.get(pk=s["single"].pk).page == s["pages"][0]


def test_questions_move_up_and_down_across_pages(s):
    p1, p2, _p3 = s["pages"]
    builder.question_move(question=s["multiple"], direction="up")  # first on page 2: to page 1
    moved = Question.objects.get(pk=s["multiple"].pk)
    assert moved.page == p1 and list(p1.questions.order_by("order"))[-1] == moved
    builder.question_move(question=moved, direction="down")
    assert Question.objects.get(pk=s["multiple"].pk).page == p2
    builder.question_move(question=s["single"], direction="up")
    assert [q.pk for q in p1.questions.order_by("order")] == [
        s["single"].pk,
        s["likert"].pk,
        s["project"].pk,
    ]


def test_the_dragged_order_is_saved_and_a_stale_one_refused(nc_client, s):
    p1 = s["pages"][0]
    order = [s["project"].pk, s["single"].pk, s["likert"].pk]
    nc_client.post(url("page_reorder", pk=s["survey"].pk, page_pk=p1.pk), {"question": order})
    assert [q.pk for q in p1.questions.order_by("order")] == order
    with pytest.raises(ValidationError):
        builder.questions_reorder(page=p1, question_ids=order[:2])


# Conditions ----------------------------------------------------------------------------------


def test_a_condition_is_built_by_choosing_an_earlier_answer(nc_client, s):
    short = s["short"]
    response = nc_client.post(
        url("question_condition_add", pk=s["survey"].pk, question_pk=short.pk),
        {"answers": [s["m1"].pk, s["m2"].pk]},
    )
    assert response.status_code == 302
    condition = Condition.objects.get(question=short)
    assert condition.source == s["multiple"]
    number = builder.question_numbers(Structure(s["survey"]).pages)[s["multiple"].pk]
    text = nc_client.get(url("survey_builder", pk=s["survey"].pk)).text
    assert (
        f"Näytetään, jos kysymykseen {number} vastattiin ”{s['m1'].text_fi}” tai "
        f"”{s['m2'].text_fi}”." in text
    )


def test_a_scale_condition_is_built_from_a_statement_and_a_value(nc_client, s):
    page = s["pages"][2]
    response = nc_client.post(
        url("page_condition_add", pk=s["survey"].pk, page_pk=page.pk),
        {"statement": s["s2"].pk, "operator": "at_most", "value": "2"},
    )
    assert response.status_code == 302
    condition = Condition.objects.get(page=page)
    assert (condition.statement, condition.operator, condition.value) == (s["s2"], "at_most", 2)


def test_the_edit_form_offers_only_earlier_questions(nc_client, s):
    text = nc_client.get(url("question_edit", pk=s["survey"].pk, question_pk=s["number"].pk)).text
    # The answers offered for a condition (a page's pk may equal a choice's: name them).
    assert f'name="answers" value="{s["yes"].pk}"' in text  # page 1
    assert f'name="answers" value="{s["m1"].pk}"' not in text  # the same page


def test_a_condition_pointing_forward_is_refused_beside_the_field(nc_client, s):
    response = nc_client.post(
        url("question_condition_add", pk=s["survey"].pk, question_pk=s["number"].pk),
        {"answers": [s["m1"].pk]},
    )
    assert response.status_code == 400
    assert 'id="id_answers_error"' in response.text
    assert "tai sen kysymys ei ole aiemmalla sivulla" in response.text
    assert not Condition.objects.filter(question=s["number"]).exists()


def test_a_condition_on_a_deleted_answer_is_refused_in_swedish_too(client, network_coordinator, s):
    client.force_login(network_coordinator)
    gone = ChoiceFactory(question=s["single"])
    gone_pk = gone.pk
    gone.delete()
    with translation.override("sv"):
        address = url("question_condition_add", pk=s["survey"].pk, question_pk=s["short"].pk)
    response = client.post(address, {"answers": [gone_pk]})
    assert response.status_code == 400
    assert "Det valda svaret kan inte användas" in response.text


def test_a_scale_condition_needs_a_value_on_the_scale(nc_client, s):
    response = nc_client.post(
        url("page_condition_add", pk=s["survey"].pk, page_pk=s["pages"][2].pk),
        {"statement": s["s1"].pk, "operator": "at_least", "value": "6"},
    )
    assert response.status_code == 400
    assert 'id="id_value_error"' in response.text


def test_answers_of_two_questions_are_refused(s):
    survey = s["survey"]
    with pytest.raises(ValidationError):
        builder.condition_create(
            source=s["single"],
            operator=Condition.Operator.CHOICE_IN,
            target_page=s["pages"][2],
            choices=[s["yes"], s["m1"]],
        )
    assert not Condition.objects.filter(page=s["pages"][2]).exists()
    assert survey.pages.count() == 3


# Preview, settings, reuse --------------------------------------------------------------------


def test_the_preview_shows_a_page_in_swedish_as_respondents_see_it(nc_client, s):
    page = s["pages"][0]
    text = nc_client.get(
        url("page_preview", pk=s["survey"].pk, page_pk=page.pk, language="sv")
    ).text
    assert s["single"].text_sv in text and s["single"].text_fi not in text
    assert "Ja" in text and "Vet inte" in text  # "don't know", as the respondent sees it
    assert 'class="question likert"' in text  # the answering template
    assert Survey.objects.get(pk=s["survey"].pk).responses.count() == 0


def test_settings_are_saved(nc_client, s):
    data = {
        "title_fi": "Uusi nimi",
        "title_sv": "Nytt namn",
        "series": s["survey"].series,
        "anonymous": "on",
    }
    response = nc_client.post(url("survey_settings", pk=s["survey"].pk), data)
    assert response.status_code == 302
    survey = Survey.objects.get(pk=s["survey"].pk)
    assert (survey.title_fi, survey.title_sv, survey.is_listed) == ("Uusi nimi", "Nytt namn", False)


def test_a_survey_is_copied_as_the_next_round(nc_client, s):
    response = nc_client.post(url("survey_next_round", pk=s["survey"].pk))
    copy = Survey.objects.get(series=s["survey"].series, round=2)
    assert response["Location"] == url("survey_builder", pk=copy.pk)
    assert copy.questions.count() == s["survey"].questions.count()


def test_a_new_survey_starts_from_the_2025_network_survey_template(nc_client):
    response = nc_client.post(
        url("survey_create"),
        {
            "title_fi": "Verkostokysely 2027",
            "series": "verkosto-2027",
            "template": "template-verkostokysely-2025",
        },
    )
    survey = Survey.objects.get(series="verkosto-2027")
    assert response["Location"] == url("survey_builder", pk=survey.pk)
    assert survey.title_fi == "Verkostokysely 2027" and survey.status == Survey.Status.DRAFT
    assert survey.pages.count() == 5
    assert survey.questions.filter(kind=Question.Kind.LIKERT).count() == 2
    assert Condition.objects.filter(page__survey=survey).count() == 1
    assert survey.collectors.filter(kind="public").exists()


def test_a_blank_survey_has_one_page(nc_client):
    nc_client.post(url("survey_create"), {"title_fi": "Tyhjä", "series": "tyhja", "template": ""})
    survey = Survey.objects.get(series="tyhja")
    assert survey.pages.count() == 1 and survey.questions.count() == 0


def test_a_taken_series_is_refused_beside_the_field(nc_client, s):
    response = nc_client.post(
        url("survey_create"), {"title_fi": "X", "series": s["survey"].series, "template": ""}
    )
    assert response.status_code == 200
    assert 'id="id_series_error"' in response.text


def test_the_question_bank_finds_and_copies_questions_of_other_surveys(nc_client, s):
    other = SurveyFactory()
    page = PageFactory(survey=other)
    likert = QuestionFactory(page=page, kind=Question.Kind.LIKERT, text_fi="Hyvinvointi koulussa")
    StatementFactory(question=likert, text_fi="Viihdyn")
    target = s["pages"][2]
    text = nc_client.get(url("question_bank", pk=s["survey"].pk), {"q": "hyvinvointi"}).text
    assert "Hyvinvointi koulussa" in text and "Viihdyn" in text
    nc_client.post(
        url("question_bank", pk=s["survey"].pk), {"question": likert.pk, "page": target.pk}
    )
    copy = target.questions.get(text_fi="Hyvinvointi koulussa")
    assert [st.text_fi for st in copy.statements.all()] == ["Viihdyn"]
    assert Page.objects.filter(survey=other).count() == 1


@pytest.mark.parametrize("question", ["abc", "", "1e5"])
def test_the_question_bank_answers_404_to_a_question_that_is_not_a_number(nc_client, s, question):
    response = nc_client.post(
        url("question_bank", pk=s["survey"].pk), {"question": question, "page": "x"}
    )
    assert response.status_code == 404
