"""A multiple choice's minimum and maximum number of choices and a number's range: set in the
builder, kept in the JSON definition, checked when the respondent answers, in both languages."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from surveys import definition
from surveys.answering import PageForm, Structure, field_name
from surveys.models import Question
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    parts = build_survey()
    Question.objects.filter(pk=parts["multiple"].pk).update(min_choices=2, max_choices=2)
    Question.objects.filter(pk=parts["number"].pk).update(
        number_min=Decimal("1"), number_max=Decimal("10.5")
    )
    return parts


def page2_form(s, data):
    structure = Structure(s["survey"])
    page = next(p for p in structure.pages if p.pk == s["pages"][1].pk)
    return PageForm(data, structure=structure, page=page, answers={}, all_questions=True)


def test_too_few_choices_and_a_number_out_of_range_are_refused(s):
    multiple, number = field_name(s["multiple"]), field_name(s["number"])
    form = page2_form(s, {multiple: [str(s["m1"].pk)], number: "11"})
    assert not form.is_valid()
    assert form.errors[multiple] == ["Valitse vähintään 2 vaihtoehtoa."]
    assert form.errors[number] == ["Kirjoita luku, joka on enintään 10,5."]
    with translation.override("sv"):
        form = page2_form(s, {multiple: [str(s["m1"].pk)], number: "0"})
        assert not form.is_valid()
        assert form.errors[multiple] == ["Välj minst 2 alternativ."]
        assert form.errors[number] == ["Skriv ett tal som är minst 1."]


def test_choices_and_a_number_within_the_limits_pass(s):
    multiple, number = field_name(s["multiple"]), field_name(s["number"])
    data = {multiple: [str(s["m1"].pk), str(s["m2"].pk)], number: "10,5"}
    assert page2_form(s, data).is_valid()
    assert page2_form(s, {}).is_valid()  # not required: an empty answer is fine


def test_the_respondent_is_told_the_limits(client, network_coordinator, s):
    client.force_login(network_coordinator)
    kwargs = {"pk": s["survey"].pk, "page_pk": s["pages"][1].pk, "language": "sv"}
    text = client.get(reverse("surveys_workspace:page_preview", kwargs=kwargs)).text
    assert "Välj 2–2 alternativ." in text
    assert "Ett tal mellan 1 och 10,5." in text
    assert Question.objects.get(pk=s["number"].pk).limits_note() == "Luku väliltä 1–10,5."


def test_the_builder_edits_the_limits_beside_the_fields(client, network_coordinator, s):
    client.force_login(network_coordinator)
    address = reverse(
        "surveys_workspace:question_edit",
        kwargs={"pk": s["survey"].pk, "question_pk": s["number"].pk},
    )
    data = {"kind": "number", "text_fi": "Ikä", "number_min": "18", "number_max": "3,5"}
    response = client.post(address, data)
    assert response.status_code == 200
    assert "Pienin luku ei voi olla suurempi kuin suurin." in response.text
    data["number_max"] = "99,5"
    assert client.post(address, data).status_code == 302
    number = Question.objects.get(pk=s["number"].pk)
    assert (number.number_min, number.number_max) == (Decimal("18"), Decimal("99.5"))


def test_the_limits_round_trip_in_the_definition(s):
    exported = definition.survey_export(s["survey"])
    copy = definition.survey_import(definition.validate(exported), series="kopio")
    multiple = copy.questions.get(kind="multiple")
    number = copy.questions.get(kind="number")
    assert (multiple.min_choices, multiple.max_choices) == (2, 2)
    assert (number.number_min, number.number_max) == (Decimal("1"), Decimal("10.5"))
    assert definition.survey_export(copy) == exported


def test_limits_the_wrong_way_round_are_refused_in_the_definition(s):
    exported = definition.survey_export(s["survey"])
    page2 = exported["pages"][1]["questions"]
    page2[0]["min_choices"] = 3
    page2[1]["number_max"] = "kymmenen"
    with pytest.raises(definition.DefinitionError) as error:
        definition.validate(exported)
    assert error.value.problems == [
        ("sivu 2, kysymys 1", "Kentän min_choices arvo on suurempi kuin max_choices."),
        ("sivu 2, kysymys 2", "Kentän number_max arvo ei kelpaa."),
    ]
