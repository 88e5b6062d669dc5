"""A network coordinator creates the project links of the 2026 network survey with the
keyboard and allows another site to embed it; a respondent answers through one project's
link inside that site's iframe (another origin); the response shows in the monitor and on
the results dashboard. axe at desktop width and at 375 px."""

import re

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from core.roles import NETWORK_COORDINATOR_GROUP
from projects.tests.factories import UserFactory
from surveys.models import Collector, Response
from tests.e2e import test_surveys as answering

pytestmark = pytest.mark.django_db(transaction=True)

# The answering tests' fixtures: the 2026 survey of the demo, and a page of another site.
survey = answering.survey
other_site = answering.other_site
tab_to = answering.tab_to


@pytest.fixture
def network_coordinator():
    user = UserFactory(is_staff=True, email="verkosto@example.org")
    user.groups.add(Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)[0])
    return user


def _answer_in_frame(frame):
    """The 2026 survey's four pages for a respondent who is not a project manager."""
    expect(frame.get_by_text("Sivu 1 / 5")).to_be_visible()
    frame.get_by_role("group", name=re.compile("Minkä verkostohankkeen")).get_by_role(
        "radio"
    ).first.check()
    frame.get_by_role("radio", name="Muu").check()
    frame.get_by_role("button", name="Seuraava sivu").click()
    for page_number in (2, 3, 4):
        expect(frame.get_by_text(f"Sivu {page_number} / 4")).to_be_visible()
        if page_number < 4:
            frame.get_by_role("button", name="Seuraava sivu").click()
    frame.get_by_role("button", name="Lähetä vastaukset").click()
    expect(frame.get_by_role("heading", level=1)).to_have_text("Kiitos vastauksestasi!")


def test_project_links_made_with_the_keyboard_collect_an_embedded_response(
    live_server,
    page,
    axe,
    console_errors,
    survey,
    other_site,
    network_coordinator,
):
    origin, frame_page = other_site
    answering._login(page, live_server, network_coordinator)
    collect_url = f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/keruu/"
    page.goto(collect_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Keruu: Välitä!-verkostokysely 2026")
    axe("collect page")

    # Project links: one button, reached and pressed with the keyboard.
    create = page.get_by_role("button", name="Luo linkki jokaiselle verkostohankkeelle")
    tab_to(page, create, limit=200)
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"Luotiin 9 hankelinkkiä\."))).to_be_visible()
    expect(page.get_by_text("Jokaisella verkostohankkeella on linkki.")).to_be_visible()
    links = Collector.objects.filter(survey=survey, kind=Collector.Kind.PROJECT)
    assert links.count() == 9
    axe("collect page with project links")

    # The other site may embed the survey: typed into the allowed sites, saved by keyboard.
    sites = page.get_by_label("Sallitut upotussivustot")
    tab_to(page, sites, limit=300)
    page.keyboard.press("Control+End")
    page.keyboard.type(f"\n{origin}")
    tab_to(page, page.get_by_role("button", name="Tallenna sallitut sivustot"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Sallitut sivustot tallennettu.")).to_be_visible()
    survey.refresh_from_db()
    assert origin in survey.embed_domain_list()

    # A respondent answers through the first project's link, inside the other site's iframe
    # (127.0.0.1 inside localhost: another origin, no cookies of the coordinator).
    link = links.select_related("project").order_by("project__name").first()
    base = live_server.url.replace("localhost", "127.0.0.1")
    embed = f"{base}/fi/kyselyt/{survey.slug_fi}/linkki/{link.token}/upotus/"
    snippet = page.locator("textarea.collect-snippet").first.input_value()
    assert f"/fi/kyselyt/{survey.slug_fi}/linkki/{link.token}/upotus/" in snippet
    page.goto(frame_page("/hanke", embed))
    _answer_in_frame(page.frame_locator("iframe[title=Kysely]"))
    response = Response.objects.get(survey=survey)
    assert response.collector == link and response.project == link.project

    # The monitor: the response under its link and its project, and where it went.
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/seuranta/")
    by_collector = page.get_by_role("region", name="Vastauskanavittain")
    row = by_collector.get_by_role("row", name=re.compile(re.escape(link.project.name)))
    expect(row.get_by_role("cell").nth(2)).to_have_text("1")  # completed
    by_project = page.get_by_role("region", name="Vastaukset hankkeittain")
    expect(
        by_project.get_by_role("row", name=re.compile(re.escape(link.project.name)))
    ).to_contain_text("1")
    first_page = (
        page.get_by_role("region", name="Missä vastaajat keskeyttävät").get_by_role("row").nth(1)
    )
    expect(first_page.get_by_role("cell").nth(0)).to_have_text("1")  # arrived
    expect(first_page.get_by_role("cell").nth(1)).to_have_text("1")  # went on
    axe("monitor")

    # And on the results dashboard.
    page.goto(f"{live_server.url}/fi/raportit/")
    dashboard_row = page.get_by_role("row", name=re.compile("Välitä!-verkostokysely 2026"))
    expect(dashboard_row.locator("td.num")).to_have_text("1")

    # 375 px: the collect page and the monitor reflow without axe findings.
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(collect_url)
    axe("collect page 375 px")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.goto(f"{live_server.url}/fi/tyotila/kyselyt/{survey.pk}/seuranta/")
    axe("monitor 375 px")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert console_errors == []
