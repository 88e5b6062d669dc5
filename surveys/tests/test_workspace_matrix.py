"""The survey builder's role × action matrix: network coordinators build every survey;
project coordinators, OPH viewers and users without a role are refused (403 or 404), and
visitors are sent to sign in. Each POST is made with data that the allowed role's request
really applies, so a refusal fails for the right reason."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from surveys import definition
from surveys.models import Condition
from surveys.tests.factories import SurveyFactory, build_survey
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db

COVERED = {
    "surveys_workspace:survey_list",
    "surveys_workspace:survey_create",
    "surveys_workspace:survey_import",
    "surveys_workspace:survey_builder",
    "surveys_workspace:survey_settings",
    "surveys_workspace:survey_export",
    "surveys_workspace:survey_next_round",
    "surveys_workspace:question_bank",
    "surveys_workspace:page_add",
    "surveys_workspace:page_edit",
    "surveys_workspace:page_move",
    "surveys_workspace:page_delete",
    "surveys_workspace:page_reorder",
    "surveys_workspace:page_preview",
    "surveys_workspace:page_preview_live",
    "surveys_workspace:question_preview_live",
    "surveys_workspace:question_add",
    "surveys_workspace:page_condition_add",
    "surveys_workspace:question_edit",
    "surveys_workspace:question_move",
    "surveys_workspace:question_delete",
    "surveys_workspace:question_condition_add",
    "surveys_workspace:condition_delete",
}
BUILDER = {"network_coordinator"}
EVERY_STAFF_ROLE = {"coordinator", "other_coordinator", "network_coordinator", "oph"}


@pytest.fixture
def cast(cast):
    """The cast with one user without a role, shared by the matrices of a test."""
    return {**cast, "nobody": nobody()}


@pytest.fixture
def parts():
    return build_survey()


def url(name, **kwargs):
    return reverse(f"surveys_workspace:{name}", kwargs=kwargs)


def test_the_survey_list_is_for_every_staff_role(client, cast):
    check_matrix(client, cast, url("survey_list"), allowed=EVERY_STAFF_ROLE)


@pytest.mark.parametrize("name", ["survey_create", "survey_import"])
def test_new_and_imported_surveys_are_for_network_coordinators(client, cast, name):
    check_matrix(client, cast, url(name), allowed=BUILDER)


def test_creating_a_survey_is_for_network_coordinators(client, cast):
    responses = check_matrix(
        client,
        cast,
        url("survey_create"),
        allowed=BUILDER,
        method="post",
        data=lambda role: {"title_fi": "Uusi", "series": f"sarja-{role}", "template": ""},
    )
    assert responses["network_coordinator"].status_code == 302


def test_importing_a_survey_is_for_network_coordinators(client, cast, parts):
    content = definition.survey_export_json(parts["survey"]).encode()

    def data(role):
        return {"file": SimpleUploadedFile("s.json", content), "series": f"tuotu-{role}"}

    responses = check_matrix(
        client, cast, url("survey_import"), allowed=BUILDER, method="post", data=data
    )
    assert responses["network_coordinator"].status_code == 302


@pytest.mark.parametrize(
    "name", ["survey_builder", "survey_settings", "survey_export", "question_bank"]
)
def test_survey_pages_are_for_network_coordinators(client, cast, parts, name):
    check_matrix(client, cast, url(name, pk=parts["survey"].pk), allowed=BUILDER)


def test_page_and_question_pages_are_for_network_coordinators(client, cast, parts):
    survey, page = parts["survey"], parts["pages"][1]
    check_matrix(client, cast, url("page_edit", pk=survey.pk, page_pk=page.pk), allowed=BUILDER)
    check_matrix(
        client,
        cast,
        url("page_preview", pk=survey.pk, page_pk=page.pk, language="sv"),
        allowed=BUILDER,
    )
    check_matrix(
        client,
        cast,
        url("question_edit", pk=survey.pk, question_pk=parts["single"].pk),
        allowed=BUILDER,
    )


def test_the_question_form_in_place_is_for_network_coordinators(client, cast, parts):
    survey, likert = parts["survey"], parts["likert"]
    address = url("survey_builder", pk=survey.pk) + f"?muokkaa={likert.pk}"
    responses = check_matrix(client, cast, address, allowed=BUILDER)
    assert 'class="ws-question-form"' in responses["network_coordinator"].text


def test_the_instant_preview_is_for_network_coordinators(client, cast, parts):
    survey, single, page = parts["survey"], parts["single"], parts["pages"][2]
    question_data = {
        "kind": "single",
        "text_fi": "Esikatseltava",
        "preview_language": "sv",
        "choices-TOTAL_FORMS": "0",
        "choices-INITIAL_FORMS": "0",
    }
    actions = [
        (url("question_preview_live", pk=survey.pk, question_pk=single.pk), question_data),
        (
            url("page_preview_live", pk=survey.pk, page_pk=page.pk),
            {"title_fi": "Esikatseltava", "preview_language": "fi"},
        ),
    ]
    for address, data in actions:
        responses = check_matrix(
            client, cast, address, allowed=BUILDER, method="post", data=data, ok=(200,)
        )
        assert "Esikatseltava" in responses["network_coordinator"].text


def test_post_actions_are_for_network_coordinators(client, cast, parts):
    survey = parts["survey"]
    p1, p2, p3 = parts["pages"]
    pk = survey.pk
    short = parts["short"]
    actions = [
        ("survey_settings", {"pk": pk}, {"title_fi": "Muutettu", "series": survey.series}),
        ("survey_next_round", {"pk": pk}, {}),
        ("page_condition_add", {"pk": pk, "page_pk": p3.pk}, {"answers": [parts["no"].pk]}),
        (
            "question_condition_add",
            {"pk": pk, "question_pk": short.pk},
            {"answers": [parts["yes"].pk]},
        ),
        ("page_add", {"pk": pk}, {}),
        ("page_edit", {"pk": pk, "page_pk": p3.pk}, {"title_fi": "Loppu"}),
        ("page_move", {"pk": pk, "page_pk": p3.pk}, {"direction": "up"}),
        (
            "page_reorder",
            {"pk": pk, "page_pk": p1.pk},
            {"question": [parts["likert"].pk, parts["project"].pk, parts["single"].pk]},
        ),
        ("question_add", {"pk": pk, "page_pk": p3.pk}, {"kind": "short_text", "text_fi": "Uusi"}),
        (
            "question_edit",
            {"pk": pk, "question_pk": short.pk},
            {"text_fi": "Muutettu", "kind": "short_text"},
        ),
        ("question_move", {"pk": pk, "question_pk": short.pk}, {"direction": "up"}),
        ("question_bank", {"pk": pk}, {"question": 0, "page": p1.pk}),
    ]
    for name, kwargs, data in actions:
        ok = (200, 302, 400, 404) if name in ("question_bank",) else (200, 302, 400)
        responses = check_matrix(
            client, cast, url(name, **kwargs), allowed=BUILDER, method="post", data=data, ok=ok
        )
        if name != "question_bank":
            assert responses["network_coordinator"].status_code == 302, name


def test_deleting_is_for_network_coordinators(client, cast, parts):
    survey = parts["survey"]
    condition = Condition.objects.filter(question=parts["long"]).get()
    check_matrix(
        client,
        cast,
        url("condition_delete", pk=survey.pk, condition_pk=condition.pk),
        allowed=BUILDER,
        method="post",
    )
    assert not Condition.objects.filter(pk=condition.pk).exists()
    check_matrix(
        client,
        cast,
        url("question_delete", pk=survey.pk, question_pk=parts["short"].pk),
        allowed=BUILDER,
        method="post",
    )
    check_matrix(
        client,
        cast,
        url("page_delete", pk=survey.pk, page_pk=parts["pages"][2].pk),
        allowed=BUILDER,
        method="post",
    )
    assert survey.pages.count() == 2


def test_another_surveys_parts_are_not_found_through_this_one(client, network_coordinator, parts):
    other = SurveyFactory()
    client.force_login(network_coordinator)
    response = client.get(url("page_edit", pk=other.pk, page_pk=parts["pages"][0].pk))
    assert response.status_code == 404
    response = client.post(url("question_delete", pk=other.pk, question_pk=parts["short"].pk))
    assert response.status_code == 404
    assert parts["survey"].questions.filter(pk=parts["short"].pk).exists()
