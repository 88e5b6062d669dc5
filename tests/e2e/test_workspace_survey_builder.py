"""A network coordinator builds a two-page survey in the workspace with the keyboard only:
a Likert group with "don't know", a single choice, an open question shown on a condition,
then previews the second page in Swedish. axe checks each page, at desktop and at 375 px."""

import re

import pytest
from playwright.sync_api import expect

from surveys.models import Condition, Question, Survey
from valita.demo import DEMO_PASSWORD
from valita.demo import load_projects as load_network

pytestmark = pytest.mark.django_db(transaction=True)


def tab_to(page, locator, limit=250):
    """Press Tab until `locator` has the focus (keyboard only)."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def type_into(page, locator, text):
    tab_to(page, locator)
    page.keyboard.type(text)


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def add_question(page, number, kind_steps, text_fi, text_sv):
    """The "add a question" form of page `number`: the kind by arrow keys, the texts."""
    form = page.get_by_role("group", name=f"Lisää kysymys sivulle {number}")
    select = form.get_by_label("Kysymyksen laji")
    tab_to(page, select)
    for _ in range(kind_steps):
        page.keyboard.press("ArrowDown")
    type_into(page, form.get_by_label("Kysymys suomeksi"), text_fi)
    type_into(page, form.get_by_label("Kysymys ruotsiksi"), text_sv)
    press(page, form.get_by_role("button", name="Lisää kysymys"))
    expect(page.get_by_text("Kysymys lisättiin.")).to_be_visible()


def fill_rows(page, rows):
    for index, (fi, sv) in enumerate(rows):
        row = page.get_by_role("group", name=f"Rivi {index + 1}", exact=True)
        type_into(page, row.get_by_label("Suomeksi"), fi)
        type_into(page, row.get_by_label("Ruotsiksi"), sv)


def test_network_coordinator_builds_and_previews_a_survey_with_the_keyboard(
    live_server, page, axe, console_errors, failed_requests
):
    load_network()
    page.goto(f"{live_server.url}/fi/tili/login/")
    type_into(page, page.get_by_label("Sähköposti"), "verkosto@example.org")
    type_into(page, page.get_by_label("Salasana"), DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/login/"))
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kyselyt")
    axe("survey list")

    # A new, blank survey.
    press(page, page.get_by_role("link", name="Uusi kysely"))
    type_into(page, page.get_by_label("Otsikko suomeksi"), "Työpajapalaute")
    type_into(page, page.get_by_label("Otsikko ruotsiksi"), "Respons på workshoppen")
    type_into(page, page.get_by_label("Sarja"), "tyopajapalaute")
    axe("new survey")
    press(page, page.get_by_role("button", name="Luo kysely"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Työpajapalaute")
    survey = Survey.objects.get(series="tyopajapalaute")

    # Page 1: a Likert group with "don't know" (the first kind).
    add_question(page, 1, 0, "Arvioi työpajaa", "Bedöm workshoppen")
    expect(page.get_by_label("Vaihtoehto ”En osaa sanoa”")).to_be_checked()
    fill_rows(page, [("Sisältö oli hyödyllinen", "Innehållet var nyttigt"),
                     ("Aikaa oli riittävästi", "Det fanns tillräckligt med tid")])  # fmt: skip
    axe("likert edit")
    press(page, page.get_by_role("button", name="Tallenna kysymys"))
    expect(page.get_by_text("Kysymys tallennettiin.")).to_be_visible()

    # Page 1: a single choice (one step down).
    add_question(page, 1, 1, "Miten osallistuit?", "Hur deltog du?")
    fill_rows(page, [("Etänä", "På distans"), ("Paikan päällä", "På plats")])
    press(page, page.get_by_role("button", name="Tallenna kysymys"))
    expect(page.get_by_text("Kysymys tallennettiin.")).to_be_visible()

    # Page 2 with an open question (long text, four steps down), shown to remote participants.
    press(page, page.get_by_role("button", name="Lisää sivu"))
    expect(page.get_by_text("Sivu lisättiin.")).to_be_visible()
    add_question(
        page, 2, 4, "Mitä toivot etäosallistumiselta?", "Vad önskar du av distansdeltagandet?"
    )
    condition = page.get_by_role("group", name="Lisää kysymykselle näyttämisehto")
    press(page, condition.get_by_role("checkbox", name="Etänä"), " ")
    expect(condition.get_by_role("checkbox", name="Etänä")).to_be_checked()
    axe("open question edit with a condition")
    press(page, condition.get_by_role("button", name="Lisää ehto"))
    sentence = "Näytetään, jos kysymykseen 2 vastattiin ”Etänä”."
    expect(page.get_by_text(sentence)).to_be_visible()
    axe("builder")

    questions = list(survey.questions.order_by("page__order", "order"))
    assert [q.kind for q in questions] == ["likert", "single", "long_text"]
    assert questions[0].allow_dont_know and questions[0].statements.count() == 2
    assert [c.text_sv for c in questions[1].choices.all()] == ["På distans", "På plats"]
    condition_row = Condition.objects.get(question=questions[2])
    assert [c.text_fi for c in condition_row.choices.all()] == ["Etänä"]

    # The question moves up and back down with the keyboard (page 2 to page 1 and back).
    press(page, page.get_by_role("button", name="Siirrä ylös 3"))
    expect(page.get_by_text("Siirtoa ei tehty")).to_be_visible()
    assert Question.objects.get(pk=questions[2].pk).page.order == 2

    # Preview of page 2 in Swedish, as the respondent sees it.
    press(page, page.get_by_role("link", name=re.compile(r"^Esikatsele ruotsiksi\s*: sivu 2$")))
    expect(page.get_by_text("Vad önskar du av distansdeltagandet?")).to_be_visible()
    expect(page.locator(".ws-preview")).to_have_attribute("lang", "sv")
    axe("preview sv")
    press(page, page.get_by_role("link", name="Sivu 1"))
    expect(page.get_by_role("radio", name="Vet inte").first).to_be_visible()
    expect(page.get_by_text("Innehållet var nyttigt")).to_be_visible()
    axe("preview sv page 1")

    # On a phone.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/")
    axe("builder 375 px")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, width
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/kysymykset/{questions[0].pk}/")
    axe("likert edit 375 px")
    assert re.search(r"/kysymykset/\d+/$", page.url)
    assert console_errors == [], "\n".join(console_errors)
    assert failed_requests == [], failed_requests


def test_questions_are_reordered_by_drag_and_drop(live_server, page, console_errors):
    from surveys.tests.factories import PageFactory, QuestionFactory, SurveyFactory

    load_network()
    survey = SurveyFactory(title_fi="Järjestettävä")
    survey_page = PageFactory(survey=survey, order=1)
    first = QuestionFactory(page=survey_page, order=1, text_fi="Ensimmäinen")
    second = QuestionFactory(page=survey_page, order=2, text_fi="Toinen")
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("verkosto@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/")
    page.locator(f"#question-{second.pk}").drag_to(
        page.locator(f"#question-{first.pk}"), target_position={"x": 20, "y": 5}
    )
    expect(page.locator("li.ws-question").first).to_have_attribute("id", f"question-{second.pk}")
    expect(page).to_have_url(re.compile(r"#page-\d+$"))  # the server's answer to the drop
    expect(page.locator("li.ws-question").first).to_contain_text("Toinen")
    assert list(survey_page.questions.order_by("order").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    assert console_errors == [], "\n".join(console_errors)
