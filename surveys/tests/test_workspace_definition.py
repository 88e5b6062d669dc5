"""A survey's definition as JSON: the round trip, the template and every refusal."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from surveys import definition
from surveys.models import Condition, Survey
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported():
    return definition.survey_export(build_survey()["survey"])


def test_a_definition_round_trips(exported):
    survey = definition.survey_import(definition.validate(exported), series="kopio")
    again = definition.survey_export(survey)
    assert again == exported
    assert survey.status == Survey.Status.DRAFT and survey.round == 1
    assert Condition.objects.filter(page__survey=survey).count() == 1
    assert Condition.objects.filter(question__survey=survey).count() == 1


def test_the_json_file_round_trips_through_the_pages(client, network_coordinator, exported):
    client.force_login(network_coordinator)
    original = Survey.objects.get()
    response = client.get(reverse("surveys_workspace:survey_export", kwargs={"pk": original.pk}))
    assert response["Content-Disposition"].startswith("attachment;")
    upload = SimpleUploadedFile("kysely.json", response.content, "application/json")
    response = client.post(
        reverse("surveys_workspace:survey_import"), {"file": upload, "series": "tuotu"}
    )
    imported = Survey.objects.get(series="tuotu")
    assert response["Location"] == reverse(
        "surveys_workspace:survey_builder", kwargs={"pk": imported.pk}
    )
    assert definition.survey_export(imported) == exported


def test_the_2025_network_survey_template_is_the_demo_survey(db):
    from valita import demo

    demo.load_projects()
    survey = demo.load_surveys()  # the network survey of 2025
    template = json.loads(
        (definition.TEMPLATES_DIR / "verkostokysely-2025.json").read_text(encoding="utf-8")
    )
    assert definition.survey_export(survey) == template


def problems_of(data) -> list[tuple[str, str]]:
    with pytest.raises(definition.DefinitionError) as error:
        definition.validate(data)
    return error.value.problems


def test_a_file_of_another_kind_is_refused():
    assert problems_of({"hello": 1}) == [("", "Tiedosto ei ole tämän palvelun kyselyn määrittely.")]
    assert problems_of([1, 2])[0][1].startswith("Tiedosto ei ole")


def test_every_error_is_listed_with_its_place(exported):
    bad = copy.deepcopy(exported)
    bad["pages"][0]["questions"][0]["scale_size"] = 12
    bad["pages"][0]["questions"][1]["text"] = {"fi": "", "sv": "x"}
    bad["pages"][2]["questions"][0]["kind"] = "slider"
    problems = problems_of(bad)
    assert ("sivu 1, kysymys 1", "Asteikossa on 2–10 kohtaa.") in problems
    assert ("sivu 1, kysymys 2", "Kentästä text puuttuu suomenkielinen teksti.") in problems
    assert ("sivu 3, kysymys 1", "Tuntematon kysymyksen laji: slider.") in problems
    assert len(problems) == 3


def test_a_condition_pointing_forward_is_refused(exported):
    bad = copy.deepcopy(exported)
    page1 = bad["pages"][0]
    later = bad["pages"][1]["questions"][0]["key"]
    page1["questions"][2]["conditions"] = [
        {"source": later, "operator": "choice_in", "choices": ["c3"]}
    ]
    problems = problems_of(bad)
    assert problems == [
        ("sivu 1, kysymys 3, ehto 1", f"Ehdon kysymystä {later} ei ole aiemmalla sivulla.")
    ]


def test_a_condition_on_the_same_page_is_refused(exported):
    bad = copy.deepcopy(exported)
    page1 = bad["pages"][0]
    source = page1["questions"][1]["key"]
    page1["questions"][2]["conditions"] = [
        {"source": source, "operator": "choice_in", "choices": ["c1"]}
    ]
    assert problems_of(bad)[0][0] == "sivu 1, kysymys 3, ehto 1"


def test_a_condition_on_a_missing_answer_or_off_the_scale_is_refused(exported):
    bad = copy.deepcopy(exported)
    bad["pages"][1]["conditions"][0]["choices"] = ["c99"]
    bad["pages"][1]["questions"][2]["conditions"][0]["value"] = 9
    problems = problems_of(bad)
    assert problems == [
        ("sivu 2, ehto 1", "Ehdon vaihtoehdot eivät ole sen kysymyksen vaihtoehtoja."),
        ("sivu 2, kysymys 3, ehto 1", "Ehdon arvon pitää olla asteikolla."),
    ]


def test_duplicate_keys_and_missing_parts_are_refused(exported):
    bad = copy.deepcopy(exported)
    bad["pages"][1]["key"] = bad["pages"][0]["key"]
    bad["pages"][0]["questions"][1]["choices"] = []
    bad["pages"][0]["questions"][0]["statements"] = "väittämät"
    problems = problems_of(bad)
    assert ("sivu 2", "Tunniste p1 on käytössä kahdesti.") in problems
    assert (
        "sivu 1, kysymys 2",
        "Vaihtoehtokysymyksessä pitää olla vähintään yksi vaihtoehto.",
    ) in problems
    assert ("sivu 1, kysymys 1", "Kentän statements pitää olla lista.") in problems


def test_texts_that_are_too_long_or_of_the_wrong_shape_are_refused(exported):
    bad = copy.deepcopy(exported)
    bad["survey"]["title"] = "pelkkä teksti"
    bad["pages"][0]["questions"][0]["text"]["sv"] = "x" * 501
    problems = problems_of(bad)
    assert problems[0] == ("survey", 'Kentän title pitää olla muotoa {"fi": "…", "sv": "…"}.')
    assert problems[1][1].startswith("Kentän text teksti (sv) on liian pitkä")


def test_an_unknown_version_and_no_pages_are_refused(exported):
    assert problems_of({**exported, "version": 2}) == [("", "Määrittelyn versiota 2 ei tunneta.")]
    assert problems_of({**exported, "pages": []}) == [
        ("pages", "Kyselyssä pitää olla vähintään yksi sivu.")
    ]


def test_bad_json_is_listed_on_the_page_not_a_500(client, network_coordinator):
    client.force_login(network_coordinator)
    with translation.override("sv"):
        address = reverse("surveys_workspace:survey_import")
    upload = SimpleUploadedFile("rikki.json", b'{"format": "valita-survey", ', "application/json")
    response = client.post(address, {"file": upload, "series": "rikki"})
    assert response.status_code == 400
    assert "Filen är inte giltig JSON" in response.text
    assert not Survey.objects.filter(series="rikki").exists()


def test_an_invalid_file_imports_nothing(client, network_coordinator, exported):
    client.force_login(network_coordinator)
    bad = copy.deepcopy(exported)
    bad["pages"][2]["questions"][0]["kind"] = "slider"
    upload = SimpleUploadedFile("k.json", json.dumps(bad).encode(), "application/json")
    count = Survey.objects.count()
    response = client.post(
        reverse("surveys_workspace:survey_import"), {"file": upload, "series": "rikki"}
    )
    assert response.status_code == 400
    assert "sivu 3, kysymys 1" in response.text and "Tiedostossa on 1 virhe." in response.text
    assert Survey.objects.count() == count
