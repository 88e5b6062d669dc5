"""A respondent answers the 2026 network survey in Swedish with the keyboard only, and
another answers it inside an iframe on a page of another site (localhost vs 127.0.0.1)."""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from surveys.models import Answer, Response, Survey
from valita import demo

SLUG_2026 = demo.read("surveys/demo/surveys.toml")["follow_up"]["slug_fi"]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def survey():
    demo.load("projects", "surveys")
    return Survey.objects.get(slug_fi=SLUG_2026)


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has the focus (keyboard only, as a respondent would)."""
    for _ in range(limit):
        if locator.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {locator}")


def test_respondent_answers_in_swedish_with_the_keyboard(
    live_server, page, axe, console_errors, survey
):
    page.goto(f"{live_server.url}/sv/enkater/")
    axe("survey list sv")
    page.get_by_role("link", name="Visa omtanke!-nätverksenkät 2026").click()
    expect(page).to_have_url(re.compile(r"/sv/enkater/natverksenkat-2026/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_text("Sida 1 / 5")).to_be_visible()
    axe("page 1 sv")

    # Sending an empty first page: the error summary gets the focus, errors in Swedish.
    next_button = page.get_by_role("button", name="Nästa sida")
    tab_to(page, next_button)
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text("Välj ett projekt.")
    axe("page 1 with errors sv")

    # Project: the first one; role: project manager, which shows the coordination page.
    project_group = page.get_by_role("group", name=re.compile("Som aktör i vilket"))
    tab_to(page, project_group.get_by_role("radio").first)
    page.keyboard.press("Space")
    role_group = page.get_by_role("group", name=re.compile("Vilken är din roll"))
    tab_to(page, role_group.get_by_role("radio").first)
    page.keyboard.press("Space")
    expect(role_group.get_by_role("radio", name="Projektledare eller -koordinator")).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Nästa sida"))
    page.keyboard.press("Enter")

    # Page 2: the seven statements, each a group of its own; the heading has the focus.
    expect(page.locator("#page-heading")).to_be_focused()
    expect(page.locator("#page-heading")).to_have_text("Effekter")
    statements = page.locator("fieldset.statement")
    expect(statements).to_have_count(7)
    axe("page 2 sv")
    for index in range(7):
        radios = statements.nth(index).get_by_role("radio")
        tab_to(page, radios.first)
        for _ in range(3):  # arrow keys move and select: value 4
            page.keyboard.press("ArrowRight")
        expect(radios.nth(3)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Nästa sida"))
    page.keyboard.press("Enter")

    # Page 3: an open answer.
    expect(page.locator("#page-heading")).to_be_focused()
    tab_to(page, page.get_by_role("textbox", name=re.compile("Vilka faktorer har främjat")))
    page.keyboard.type("Regelbundna möten och gott samarbete.")
    tab_to(page, page.get_by_role("button", name="Nästa sida"))
    page.keyboard.press("Enter")

    # Page 4, then the coordination page that the role condition brought in.
    expect(page.get_by_text("Sida 4 / 5")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Nästa sida"))
    page.keyboard.press("Enter")
    expect(page.locator("#page-heading")).to_have_text("Koordineringsprojektet")
    axe("page 5 sv")
    goals = page.locator("fieldset.statement")
    for index in range(4):
        radios = goals.nth(index).get_by_role("radio")
        tab_to(page, radios.first)
        for _ in range(4):
            page.keyboard.press("ArrowRight")
        expect(radios.nth(4)).to_be_checked()
    tab_to(page, page.get_by_role("button", name="Skicka svaren"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt svar!")
    axe("thanks sv")
    response = Response.objects.get(survey=survey)
    assert response.language == "sv"
    answers = Answer.objects.filter(response=response)
    assert answers.filter(statement__isnull=False, value=4).count() == 7
    assert answers.filter(statement__isnull=False, value=5).count() == 4
    assert answers.get(text__startswith="Regelbundna").question.page.order == 3
    assert console_errors == []


@pytest.fixture
def other_site():
    """A page of another site (localhost, while the survey is on 127.0.0.1) with an iframe.

    A real server, not a Playwright route: a routed page has no address, and Chromium's
    local network access checks refuse to let it frame a loopback address.
    """
    pages: dict[str, str] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://localhost:{server.server_address[1]}"

    def frame_page(path: str, src: str) -> str:
        pages[path] = (
            '<!doctype html><html lang="fi"><head><title>Toinen sivusto</title>'
            '<link rel="icon" href="data:,"></head><body><h1>Toinen sivusto</h1>'
            f'<iframe src="{src}" title="Kysely" width="900" height="1400"></iframe>'
            "</body></html>"
        )
        return origin + path

    yield origin, frame_page
    server.shutdown()
    server.server_close()


def _embed_url(live_server) -> str:
    base = live_server.url.replace("localhost", "127.0.0.1")
    return f"{base}/fi/kyselyt/{SLUG_2026}/upotus/"


def test_survey_answered_inside_another_sites_iframe(
    live_server, page, console_errors, survey, other_site
):
    origin, frame_page = other_site
    Survey.objects.filter(pk=survey.pk).update(embed_domains=origin)
    page.goto(frame_page("/sivu", _embed_url(live_server)))
    frame = page.frame_locator("iframe[title=Kysely]")
    expect(frame.get_by_text("Sivu 1 / 5")).to_be_visible()
    frame.get_by_role("group", name=re.compile("Minkä verkostohankkeen")).get_by_role(
        "radio"
    ).first.check()
    frame.get_by_role("radio", name="Muu").check()
    frame.get_by_role("button", name="Seuraava sivu").click()
    # "Muu" is not a project manager: four pages in all.
    expect(frame.get_by_text("Sivu 2 / 4")).to_be_visible()
    frame.get_by_role("button", name="Seuraava sivu").click()
    expect(frame.get_by_text("Sivu 3 / 4")).to_be_visible()
    frame.get_by_role("button", name="Seuraava sivu").click()
    expect(frame.get_by_text("Sivu 4 / 4")).to_be_visible()
    frame.get_by_role("button", name="Lähetä vastaukset").click()
    expect(frame.get_by_role("heading", level=1)).to_have_text("Kiitos vastauksestasi!")
    response = Response.objects.get(survey=survey)
    assert response.language == "fi"
    assert console_errors == []


def test_iframe_on_an_unlisted_site_is_refused(live_server, page, survey, other_site):
    _origin, frame_page = other_site
    page.goto(frame_page("/sivu", _embed_url(live_server)))
    page.wait_for_timeout(1000)
    frame = page.frame_locator("iframe[title=Kysely]")
    expect(frame.get_by_role("button", name="Seuraava sivu")).to_have_count(0)


def _login(page, live_server, user):
    from django.conf import settings as django_settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_builder_tabs_and_preview_in_both_languages(live_server, page, axe, console_errors, survey):
    from django.contrib.auth.models import Group

    from core.roles import NETWORK_COORDINATOR_GROUP
    from projects.tests.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)[0])
    _login(page, live_server, user)
    page.goto(f"{live_server.url}/fi/admin/surveys/survey/{survey.pk}/change/")
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_count(2)
    expect(page.get_by_label("Otsikko [sv]")).to_be_hidden()
    tabs.nth(1).click()
    expect(page.get_by_label("Otsikko [sv]")).to_have_value("Visa omtanke!-nätverksenkät 2026")
    expect(page.get_by_label("Otsikko [fi]")).to_be_hidden()
    # The admin has no favicon of its own: its 404 is the only error allowed there.
    assert [e for e in console_errors if "404" not in e] == []
    console_errors.clear()

    page.goto(f"{live_server.url}/sv/enkater/natverksenkat-2026/forhandsvisning/")
    expect(page.get_by_role("heading", level=2, name=re.compile("Sida 5"))).to_be_visible()
    axe("preview sv")
    page.goto(f"{live_server.url}/fi/kyselyt/{SLUG_2026}/esikatselu/")
    expect(
        page.get_by_text("Arvioi koordinaatiohankkeen tavoitteiden toteutumista")
    ).to_be_visible()
    axe("preview fi")
    assert console_errors == []
