"""The site's look on a phone: a menu that needs no JavaScript keeps the header small, the
results charts' text stays legible, and the pages stay light and ask no other host."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from valita import demo as demo_content

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 700}

# The smallest rendered text a chart may have at 375 px, in CSS px.
MIN_CHART_TEXT_PX = 11

CHART_TEXT_SIZES = """() => [...document.querySelectorAll('svg.chart')].map(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Math.min(...[...svg.querySelectorAll('text')]
        .map(t => parseFloat(t.getAttribute('font-size')) * scale));
})"""


@pytest.fixture
def demo():
    demo_content.load()


def test_the_phone_menu_works_without_javascript(live_server, browser, demo):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/fi/")
        navigation = page.get_by_role("navigation", name="Päävalikko")
        expect(navigation).to_be_hidden()
        header = page.locator("header.site-header").bounding_box()
        assert header["height"] < PHONE["height"] / 4  # the first screen shows content

        page.get_by_role("link", name="Valikko").click()
        expect(navigation.get_by_role("link", name="Hankkeet")).to_be_visible()
        expect(page.get_by_role("search")).to_be_visible()
        page.get_by_role("link", name="Sulje valikko").click()
        expect(navigation).to_be_hidden()
    finally:
        context.close()


def test_the_menu_and_hero_pass_axe_on_a_phone(live_server, page, axe, demo):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/sv/#valikko")
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    axe("open phone menu sv")


def test_results_charts_are_legible_on_a_phone(live_server, page, demo):
    page.set_viewport_size(PHONE)
    for path in ("/fi/tulokset/", "/sv/"):
        page.goto(f"{live_server.url}{path}")
        sizes = page.evaluate(CHART_TEXT_SIZES)
        assert sizes, path
        assert min(sizes) >= MIN_CHART_TEXT_PX, (path, sizes)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


@pytest.mark.parametrize("path", ["/fi/", "/sv/", "/fi/tulokset/", "/fi/hankkeet/aani/"])
def test_pages_are_light_and_ask_no_other_host(live_server, page, demo, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    response = page.goto(f"{live_server.url}{path}", wait_until="networkidle")
    assert len(response.body()) <= 60_000
    own = urlsplit(live_server.url).netloc
    assert [url for url in requested if urlsplit(url).netloc != own] == []
    fonts = [url for url in requested if url.endswith(".woff2")]
    assert fonts, "the self-hosted typeface is loaded"
