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


# "Other, what?" ------------------------------------------------------------------------------


@pytest.fixture
def with_other(s):
    from surveys.tests.factories import ChoiceFactory

    other = ChoiceFactory(question=s["multiple"], order=3, text_fi="Muu", text_sv="Annat")
    other.is_other = True
    other.save()
    Question.objects.filter(pk=s["multiple"].pk).update(min_choices=None, max_choices=None)
    return other


def test_other_needs_its_text_when_chosen(s, with_other):
    from surveys.answering import other_field_name

    multiple = field_name(s["multiple"])
    other_name = other_field_name(s["multiple"])
    form = page2_form(s, {multiple: [str(with_other.pk)], other_name: " "})
    assert not form.is_valid()
    assert form.errors[other_name] == ["Kirjoita, mikä."]
    form = page2_form(s, {multiple: [str(s["m1"].pk)], other_name: "ei valittu"})
    assert form.is_valid() and form.others() == {}
    form = page2_form(s, {multiple: [str(with_other.pk)], other_name: "Kuntayhteistyö"})
    assert form.is_valid()
    assert form.others() == {str(s["multiple"].pk): "Kuntayhteistyö"}


def test_the_other_text_is_saved_with_its_choice_through_the_answering_pages(client, s, with_other):
    from surveys.answering import other_field_name
    from surveys.models import Answer
    from surveys.tests.helpers import post_page

    address = s["survey"].get_absolute_url()
    page = client.get(address)
    page = post_page(
        client,
        address,
        page,
        {
            field_name(s["likert"], s["s1"]): "4",
            field_name(s["likert"], s["s2"]): "dk",
            field_name(s["single"]): str(s["yes"].pk),
        },
    )
    assert "Muu: mikä?" in page.text
    page = post_page(
        client,
        address,
        page,
        {
            field_name(s["multiple"]): [str(with_other.pk)],
            other_field_name(s["multiple"]): "Kuntayhteistyö",
        },
    )
    page = post_page(client, address, page, {field_name(s["short"]): "teksti"})
    assert page.status_code == 302, page.text[:3000]
    answer = Answer.objects.get(choice=with_other)
    assert answer.text == "Kuntayhteistyö"


def test_the_other_choice_round_trips_in_the_definition(s, with_other):
    exported = definition.survey_export(s["survey"])
    copy = definition.survey_import(definition.validate(exported), series="kopio")
    assert copy.questions.get(kind="multiple").choices.get(is_other=True).text_fi == "Muu"
