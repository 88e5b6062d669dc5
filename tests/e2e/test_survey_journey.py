"""Issue 17, item 8, in one go: a network coordinator (the demo account, not a superuser),
with the keyboard only, builds a two-page survey (a Likert group with "don't know", a single
choice, an open question shown on a condition), previews it in Swedish, opens it, creates
the project links with one press and lets another site embed it. A respondent answers
through one of those links inside that site's iframe (another origin, no cookies of the
coordinator), also with the keyboard; the response shows in the live monitor and on the
results dashboard. axe checks each page, at desktop width and at 375 px."""

import re

import pytest
from playwright.sync_api import expect

from surveys.models import Collector, Question, Response, Survey
from tests.e2e import test_surveys as answering
from tests.e2e.test_workspace_survey_builder import (
    add_question,
    fill_rows,
    press,
    tab_to,
    type_into,
)
from valita.demo import DEMO_PASSWORD
from valita.demo import load_projects as load_network

pytestmark = pytest.mark.django_db(transaction=True)

# A page of another site (localhost while the survey is answered on 127.0.0.1).
other_site = answering.other_site


def login_with_keyboard(page, live_server):
    page.goto(f"{live_server.url}/fi/tili/login/")
    type_into(page, page.get_by_label("Sähköposti"), "verkosto@example.org")
    type_into(page, page.get_by_label("Salasana"), DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).not_to_have_url(re.compile(r"/login/"))


def build_survey(page, axe):
    """The two pages, built from the survey list with the keyboard."""
    press(page, page.get_by_role("link", name="Uusi kysely"))
    type_into(page, page.get_by_label("Otsikko suomeksi"), "Työpajapalaute")
    type_into(page, page.get_by_label("Otsikko ruotsiksi"), "Respons på workshoppen")
    type_into(page, page.get_by_label("Sarja"), "tyopajapalaute")
    press(page, page.get_by_role("button", name="Luo kysely"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Työpajapalaute")

    add_question(page, 1, 0, "Arvioi työpajaa", "Bedöm workshoppen")  # Likert
    expect(page.get_by_label("Vaihtoehto ”En osaa sanoa”")).to_be_checked()
    fill_rows(page, [("Sisältö oli hyödyllinen", "Innehållet var nyttigt"),
                     ("Aikaa oli riittävästi", "Det fanns tillräckligt med tid")])  # fmt: skip
    press(page, page.get_by_role("button", name="Tallenna kysymys"))
    expect(page.get_by_text("Kysymys tallennettiin.")).to_be_visible()

    add_question(page, 1, 1, "Miten osallistuit?", "Hur deltog du?")  # single choice
    fill_rows(page, [("Etänä", "På distans"), ("Paikan päällä", "På plats")])
    press(page, page.get_by_role("button", name="Tallenna kysymys"))
    expect(page.get_by_text("Kysymys tallennettiin.")).to_be_visible()

    press(page, page.get_by_role("button", name="Lisää sivu"))
    expect(page.get_by_text("Sivu lisättiin.")).to_be_visible()
    add_question(  # long text, shown to those who took part remotely
        page, 2, 4, "Mitä toivot etäosallistumiselta?", "Vad önskar du av distansdeltagandet?"
    )
    condition = page.get_by_role("group", name="Lisää kysymykselle näyttämisehto")
    press(page, condition.get_by_role("checkbox", name="Etänä"), " ")
    press(page, condition.get_by_role("button", name="Lisää ehto"))
    expect(page.get_by_text("Näytetään, jos kysymykseen 2 vastattiin ”Etänä”.")).to_be_visible()
    axe("builder")

    # The Likert group edited in its place on the builder, with the instant preview.
    page.evaluate("window.notReloaded = true")
    press(page, page.get_by_role("link", name=re.compile(r"^Muokkaa\s+kysymystä 1$")))
    in_place = page.get_by_role("region", name="Muokkaa kysymystä 1")
    expect(in_place.get_by_label("Kysymys ruotsiksi")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True  # loaded without a page load
    preview = in_place.get_by_role("region", name="Esikatselu tallentamatta")
    expect(preview.get_by_text("Sisältö oli hyödyllinen")).to_be_visible()
    press(page, preview.get_by_role("radio", name="suomeksi"), "ArrowRight")  # to Swedish
    expect(preview.get_by_text("Innehållet var nyttigt")).to_be_visible()
    tab_to(page, in_place.get_by_label("Kysymys ruotsiksi"))
    page.keyboard.press("End")
    page.keyboard.type(" i dag")
    expect(preview.get_by_text("Bedöm workshoppen i dag")).to_be_visible()  # not saved yet
    # A screen reader hears a short status, not the whole preview again.
    expect(preview.get_by_role("status")).to_have_text("Esikatselu päivitetty.")
    assert preview.locator("[aria-live]").count() == 0
    assert not Question.objects.filter(text_sv="Bedöm workshoppen i dag").exists()
    axe("builder with a question in place")
    press(page, in_place.get_by_role("button", name="Tallenna kysymys"))
    expect(page.get_by_text("Kysymys tallennettiin.")).to_be_visible()
    assert Question.objects.filter(text_sv="Bedöm workshoppen i dag").exists()


def answer_in_frame(respondent, frame):
    """The respondent's keyboard: Tab into the other site's iframe, arrows and space in the
    radio groups, typing in the open question."""
    expect(frame.get_by_text("Sivu 1 / 2")).to_be_visible()
    first = frame.get_by_role("group", name="Sisältö oli hyödyllinen")
    tab_to(respondent, first.get_by_role("radio").first)
    for _ in range(3):
        respondent.keyboard.press("ArrowRight")  # 4
    expect(first.get_by_role("radio", name="4")).to_be_checked()
    second = frame.get_by_role("group", name="Aikaa oli riittävästi")
    tab_to(respondent, second.get_by_role("radio").first)
    respondent.keyboard.press("ArrowLeft")  # from the first value round to the last: don't know
    expect(second.get_by_role("radio", name="En osaa sanoa")).to_be_checked()
    remote = frame.get_by_role("radio", name="Etänä")
    tab_to(respondent, remote)
    respondent.keyboard.press("Space")
    expect(remote).to_be_checked()
    tab_to(respondent, frame.get_by_role("button", name="Seuraava sivu"))
    respondent.keyboard.press("Enter")

    expect(frame.get_by_text("Sivu 2 / 2")).to_be_visible()
    wish = frame.get_by_label("Mitä toivot etäosallistumiselta?")
    tab_to(respondent, wish)
    respondent.keyboard.type("Tallenteet jälkikäteen.")
    tab_to(respondent, frame.get_by_role("button", name="Lähetä vastaukset"))
    respondent.keyboard.press("Enter")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Kiitos vastauksestasi!")


def test_network_coordinator_builds_previews_collects_and_follows_with_the_keyboard(
    live_server, page, browser, axe, console_errors, failed_requests, other_site
):
    load_network()
    origin, frame_page = other_site
    login_with_keyboard(page, live_server)
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/")
    build_survey(page, axe)
    survey = Survey.objects.get(series="tyopajapalaute")
    likert, single, wish = survey.questions.order_by("page__order", "order")
    assert (likert.kind, single.kind, wish.kind) == ("likert", "single", "long_text")
    assert likert.allow_dont_know and wish.conditions.count() == 1

    # Preview of page 2 in Swedish, then page 1 with the Likert group's "Vet inte".
    press(page, page.get_by_role("link", name=re.compile(r"^Esikatsele ruotsiksi\s*: sivu 2$")))
    expect(page.locator(".ws-preview")).to_have_attribute("lang", "sv")
    expect(page.get_by_text("Vad önskar du av distansdeltagandet?")).to_be_visible()
    axe("preview sv")
    press(page, page.get_by_role("link", name="Sivu 1"))
    expect(page.get_by_role("radio", name="Vet inte").first).to_be_visible()
    expect(page.get_by_text("På distans")).to_be_visible()

    # The collect tab: open the survey, one press for the nine project links, allow the site.
    tabs = page.get_by_role("navigation", name="Kyselyn osat")
    press(page, tabs.get_by_role("link", name="Keruu"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Keruu: Työpajapalaute")
    axe("collect")
    tab_to(page, page.get_by_role("combobox", name=re.compile(r"^Tila")))
    page.keyboard.press("ArrowDown")  # Luonnos -> Avoinna
    press(page, page.get_by_role("button", name="Tallenna aikataulu"))
    expect(page.get_by_text("Aikataulu tallennettu.")).to_be_visible()
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN

    press(page, page.get_by_role("button", name="Luo linkki jokaiselle verkostohankkeelle"))
    expect(page.get_by_text(re.compile(r"Luotiin 9 hankelinkkiä\."))).to_be_visible()
    links = Collector.objects.filter(survey=survey, kind=Collector.Kind.PROJECT)
    assert links.count() == 9

    sites = page.get_by_label("Sallitut upotussivustot")
    tab_to(page, sites, limit=400)
    page.keyboard.press("Control+End")
    page.keyboard.type(origin)
    press(page, page.get_by_role("button", name="Tallenna sallitut sivustot"))
    expect(page.get_by_text("Sallitut sivustot tallennettu.")).to_be_visible()
    survey.refresh_from_db()
    assert survey.embed_domain_list() == [origin]
    axe("collect with project links")

    # The first project's embed snippet, as the coordinator hands it to the other site.
    first_row = page.get_by_role("region", name="Hankelinkit").get_by_role("row").nth(1)
    project_name = first_row.get_by_role("rowheader").inner_text()
    snippet = first_row.locator("textarea.collect-snippet").first.input_value()
    path = re.search(r'src="https?://[^/"]+(/fi/kyselyt/[^"]+/upotus/)"', snippet).group(1)
    link = links.get(project__name=project_name)
    assert f"/linkki/{link.token}/" in path

    # The respondent: their own browser, the other site's page, the survey in its iframe.
    context = browser.new_context()
    respondent = context.new_page()
    respondent_errors = []
    respondent.on("pageerror", lambda error: respondent_errors.append(str(error)))
    base = live_server.url.replace("localhost", "127.0.0.1")
    respondent.goto(frame_page("/tyopaja", base + path))
    answer_in_frame(respondent, respondent.frame_locator("iframe[title=Kysely]"))
    context.close()
    response = Response.objects.get(survey=survey)
    assert response.completed_at and not response.is_test
    assert response.collector == link and response.project == link.project
    assert response.answers.filter(question=wish, text="Tallenteet jälkikäteen.").exists()
    assert response.answers.filter(question=likert, dont_know=True).count() == 1

    # The live monitor: the response under its link and its project, and where it went.
    press(page, page.get_by_role("link", name="Seuranta: vastaukset ja keskeyttäminen"))
    by_collector = page.get_by_role("region", name="Vastauskanavittain")
    row = by_collector.get_by_role("row", name=re.compile(re.escape(project_name)))
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")  # completed
    by_project = page.get_by_role("region", name="Vastaukset hankkeittain")
    expect(by_project.get_by_role("row", name=re.compile(re.escape(project_name)))).to_contain_text(
        "1"
    )
    stops = page.get_by_role("region", name="Missä vastaajat keskeyttävät").get_by_role("row")
    expect(stops.nth(1).get_by_role("cell").nth(0)).to_have_text("1")  # came to page 1
    expect(stops.nth(2).get_by_role("cell").nth(1)).to_have_text("1")  # went on from page 2
    axe("monitor")

    # The results dashboard: the survey with its one response.
    workspace = page.get_by_role("navigation", name="Työtila")
    press(page, workspace.get_by_role("link", name="Tulokset"))
    dashboard_row = page.get_by_role("row", name=re.compile("Työpajapalaute"))
    expect(dashboard_row.locator("td.num")).to_have_text("1")
    axe("dashboard")

    # 375 px: the builder, the collect page and the monitor reflow without axe findings.
    page.set_viewport_size({"width": 375, "height": 800})
    for path, name in [
        (f"/fi/tyotila/kyselyt/{survey.pk}/", "builder"),
        (f"/fi/tyotila/kyselyt/{survey.pk}/?muokkaa={likert.pk}", "builder, a question in place"),
        (f"/fi/tyotila/kyselyt/{survey.pk}/keruu/", "collect"),
        (f"/fi/tyotila/kyselyt/{survey.pk}/seuranta/", "monitor"),
    ]:
        page.goto(live_server.url + path)
        if "muokkaa" in path:  # the instant preview has come
            expect(page.locator(".ws-live-region .survey-form")).to_be_visible()
        axe(f"{name} 375 px")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, name
    assert console_errors == [], "\n".join(console_errors)
    assert respondent_errors == []
    assert failed_requests == [], failed_requests
