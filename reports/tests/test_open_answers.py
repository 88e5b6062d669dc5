"""Open answers: listed per question, searchable, coded into themes, quotes marked."""

import pytest

from reports.models import Quote
from reports.tests.factories import respond
from surveys.models import Answer, Code
from surveys.tests.factories import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project, other_project):
    s = build_survey()
    respond(s, {"s1": 4}, texts={"long": "Kiire ja aikataulut"}, project=project)
    respond(s, {"s1": 4}, texts={"long": "Hyvä yhteistyö"}, project=project)
    respond(s, {"s1": 4}, texts={"long": "Aikataulujen yhteensovittaminen"}, project=other_project)
    respond(s, {"s1": 4}, texts={"long": "Testi"}, is_test=True)
    for _i in range(3):  # `project` reaches five responses: not a small group
        respond(s, {"s1": 3}, project=project)
    return s


def _url(s, suffix=""):
    return f"/fi/raportit/kyselyt/{s['survey'].slug}/avoimet/{s['long'].pk}/{suffix}"


def test_list_and_search(client, oph_viewer, survey):
    client.force_login(oph_viewer)
    index = client.get(f"/fi/raportit/kyselyt/{survey['survey'].slug}/avoimet/")
    assert index.status_code == 200
    page = client.get(_url(survey))
    assert [a.text for a in page.context["page_obj"]] == [
        "Kiire ja aikataulut",
        "Hyvä yhteistyö",
        "Aikataulujen yhteensovittaminen",
    ]
    found = client.get(_url(survey), {"q": "aikataulu"})
    assert {a.text for a in found.context["page_obj"]} == {
        "Kiire ja aikataulut",
        "Aikataulujen yhteensovittaminen",
    }
    assert b"Tallenna" not in page.content  # OPH reads, does not code


def test_project_coordinator_sees_own_project_answers(client, coordinator, survey):
    client.force_login(coordinator)
    page = client.get(_url(survey))
    assert {a.text for a in page.context["page_obj"]} == {"Kiire ja aikataulut", "Hyvä yhteistyö"}


@pytest.mark.parametrize("role", ["coordinator", "oph"])
def test_only_network_coordinators_code(client, cast, survey, role):
    client.force_login(cast[role])
    response = client.post(_url(survey), {"action": "add_code", "name": "Kiire"})
    assert response.status_code == 403
    assert not Code.objects.exists()


def test_network_coordinator_codes_and_counts_themes(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    client.post(_url(survey), {"action": "add_code", "name": "Aikatauluhaasteet, kiire"})
    client.post(_url(survey), {"action": "add_code", "name": "Yhteistyö"})
    rush = Code.objects.get(name="Aikatauluhaasteet, kiire")
    together = Code.objects.get(name="Yhteistyö")
    answers = {a.text: a for a in Answer.objects.filter(question=survey["long"])}
    for text in ("Kiire ja aikataulut", "Aikataulujen yhteensovittaminen"):
        response = client.post(_url(survey), {"answer": answers[text].pk, "codes": [rush.pk]})
        assert response.status_code == 302
    client.post(
        _url(survey),
        {"answer": answers["Hyvä yhteistyö"].pk, "codes": [together.pk], "quote": "1"},
    )
    page = client.get(_url(survey))
    counts = {row[0]: row[1] for row in page.context["theme_table"].rows}
    assert counts == {"Aikatauluhaasteet, kiire": 2, "Yhteistyö": 1}
    assert Quote.objects.get().answer == answers["Hyvä yhteistyö"]
    themed = client.get(_url(survey), {"theme": rush.pk})
    assert themed.context["page_obj"].paginator.count == 2
    # Unmarking the quote removes it; a test answer can never be coded
    client.post(_url(survey), {"answer": answers["Hyvä yhteistyö"].pk, "codes": [together.pk]})
    assert not Quote.objects.exists()
    assert client.post(_url(survey), {"answer": answers["Testi"].pk}).status_code == 404


def test_code_of_another_question_is_ignored(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    other = Code.objects.create(question=survey["short"], name="Muu")
    answer = Answer.objects.filter(question=survey["long"]).first()
    client.post(_url(survey), {"answer": answer.pk, "codes": [other.pk]})
    assert not answer.codes.exists()


def test_theme_counts_export(client, network_coordinator, survey):
    client.force_login(network_coordinator)
    client.post(_url(survey), {"action": "add_code", "name": "Kiire"})
    code = Code.objects.get()
    answer = Answer.objects.get(question=survey["long"], text="Kiire ja aikataulut")
    client.post(_url(survey), {"answer": answer.pk, "codes": [code.pk]})
    page = client.get(_url(survey)).content.decode()
    link = f"/fi/raportit/kyselyt/{survey['survey'].slug}/vienti/themes-{survey['long'].pk}.csv"
    assert link in page
    rows = client.get(link).content.decode("utf-8-sig").splitlines()
    assert rows == ["Teema;Vastauksia", "Kiire;1"]
