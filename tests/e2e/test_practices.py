"""A visitor finds a practice by search and by the filters, in Finnish and Swedish, and
reads it; an adopting organisation's contact answers the follow-up without an account."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from valita import demo as demo_content

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    demo_content.load()


def test_visitor_finds_a_practice_by_search_and_reads_it_in_swedish(
    live_server, page, axe, console_errors, demo
):
    page.goto(f"{live_server.url}/fi/")
    search = page.get_by_role("search", name="Sivuston haku")
    search.get_by_label("Hae sivustolta").fill("kehittäjäopiskelijat")
    search.get_by_role("button", name="Hae").click()
    expect(page).to_have_url(re.compile(r"/fi/haku/\?q="))
    expect(page.get_by_role("heading", level=2, name=re.compile("tulos"))).to_be_visible()
    axe("search fi")

    page.get_by_role("link", name="Kehittäjäopiskelijamalli").click()
    expect(page).to_have_url(re.compile(r"/fi/kaytannot/kehittajaopiskelijamalli/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kehittäjäopiskelijamalli")
    expect(page.get_by_role("heading", name="Näin otat mallin käyttöön")).to_be_visible()
    expect(page.get_by_role("heading", name="Missä malli on käytössä")).to_be_visible()
    axe("practice fi")

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/praxis/utvecklarstuderande-modellen/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Modellen med utvecklarstuderande")
    expect(page.get_by_role("heading", name="Så här tar du modellen i bruk")).to_be_visible()
    expect(
        page.get_by_role("rowheader", name=re.compile("Järviseudun ammattiopisto"))
    ).to_be_visible()
    axe("practice sv")
    assert console_errors == []


def test_visitor_searches_in_swedish(live_server, page, axe, demo):
    page.goto(f"{live_server.url}/sv/sok/?q=kamrathandledarna")
    expect(page.get_by_role("link", name="Kamrathandledare på två språk")).to_be_visible()
    expect(page.locator(".search-result mark").first).to_be_visible()
    axe("search sv")
    page.goto(f"{live_server.url}/sv/sok/?q=%22inget+s%C3%A5dant%22+%F0%9F%98%80")
    results = page.get_by_role("main").get_by_role("heading", level=2)
    expect(results).to_contain_text("gav inga träffar")
    axe("search sv nothing found")


@pytest.mark.parametrize(
    ("url", "title", "text_language", "note"),
    [
        ("/fi/haku/?q=Österbotten", "Tvåspråkigt deltagande i Österbotten", "sv", "Ruotsiksi"),
        ("/sv/sok/?q=kevätkausi", "Vertaisohjaajien kevätkausi alkoi", "fi", "På finska"),
    ],
)
def test_visitor_finds_a_post_written_in_the_other_language_only(
    live_server, page, axe, demo, url, title, text_language, note
):
    page.goto(f"{live_server.url}{url}")
    result = page.locator(".search-result").filter(has_text=title)
    expect(result.get_by_role("heading", level=3, name=title)).to_have_attribute(
        "lang", text_language
    )
    expect(result.locator("h3 + p")).to_have_attribute("lang", text_language)  # the excerpt
    expect(result.get_by_text(note, exact=True)).to_be_visible()
    axe(f"search {url}")
    result.get_by_role("link", name=title).click()
    expect(page.get_by_role("article")).to_have_attribute("lang", text_language)


@pytest.mark.parametrize(
    ("language", "path", "theme", "button", "practice"),
    [
        (
            "fi",
            "/fi/kaytannot/",
            "Arjenhallinta",
            "Näytä toimintamallit",
            "Arjenhallinnan starttipaja",
        ),
        (
            "sv",
            "/sv/praxis/",
            "Hantera vardagen",
            "Visa verksamhetsmodellerna",
            "Startverkstad i vardagsfärdigheter",
        ),
    ],
)
def test_visitor_finds_a_practice_through_the_filters(
    live_server, page, axe, console_errors, demo, language, path, theme, button, practice
):
    page.goto(live_server.url + path)
    axe(f"practice list {language}")
    page.locator("#id_teema").select_option(label=theme)
    page.get_by_role("button", name=button).click()
    expect(page).to_have_url(re.compile(r"\?teema="))
    cards = page.locator(".practice-card")
    expect(cards.get_by_role("link", name=practice)).to_be_visible()
    expect(cards.get_by_role("link", name="Hyvinvointijohtamisen vertaisryhmä")).to_have_count(0)
    axe(f"filtered list {language}")
    cards.get_by_role("link", name=practice).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(practice)
    assert console_errors == []


def test_contact_answers_the_follow_up_in_swedish_without_an_account(
    live_server, page, axe, console_errors, demo
):
    from practices import services as practice_services
    from practices.emails import followup_url
    from practices.models import Adoption, Practice

    practice = Practice.objects.get(slug_fi="vertaisohjaajat-kahdella-kielella")
    round = practice_services.followup_round_start(
        title="24 kk seuranta",
        practices=[practice],
        closes_at=timezone.now() + timedelta(days=14),
        months_after=24,
    )
    request = round.requests.get(language="sv")
    url = followup_url(request).replace("http://127.0.0.1:8000", live_server.url)
    page.goto(url)
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_contain_text("fortfarande")
    axe("follow-up form sv")

    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.get_by_role("alert")).to_contain_text("Välj om modellen fortfarande används.")
    axe("follow-up form errors sv")

    page.get_by_role("radio", name="Modellen används i ändrad form").check()
    page.get_by_role("radio", name="Inskriven i strategin, läroplanen eller årsplanen").check()
    page.get_by_label("Vad ändrade ni, eller varför används modellen inte längre?").fill(
        "Vi har skrivit in träffarna i årsklockan."
    )
    page.get_by_role("button", name="Skicka svaret").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt svar")
    adoption = Adoption.objects.get(pk=request.adoption_id)
    assert adoption.status == Adoption.Status.CHANGED
    assert adoption.depth == Adoption.Depth.EMBEDDED

    page.goto(url)
    expect(page.get_by_role("status")).to_contain_text("redan besvarats")
    assert console_errors == [] or all("410" in error for error in console_errors)


def _tab_to(page, locator, limit: int = 60) -> None:
    """Press Tab until the locator has the focus (keyboard only, no clicks)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never got the focus")


def test_keyboard_only_search_to_a_practice(live_server, page, demo):
    page.goto(f"{live_server.url}/sv/")
    box = page.get_by_role("searchbox", name="Sök på webbplatsen")
    _tab_to(page, box)
    page.keyboard.type("årsklocka")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sv/sok/\?q="))
    link = page.get_by_role("link", name="Årsklocka för likabehandlingsplanen")
    _tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Årsklocka för likabehandlingsplanen")
