"""A project's coordinators in the workspace, one role at a time: a network coordinator adds
a new coordinator by address, is told at the field when the person holds the role already,
and removes someone after a confirmation; the invited person follows the mailed link, chooses
a password and finds the project in their workspace; a project coordinator sees who else
edits the project and nothing to change. axe at desktop and 375 px."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from core import outbox
from projects.models import Project
from valita import demo

from .test_workspace_practices import check_both_widths, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
NEW_PASSWORD = "Pitka-ja-hyva-salasana-42"


@pytest.fixture(autouse=True)
def _demo(settings):
    settings.PAGE_CACHE_SECONDS = 0
    demo.load("projects")


def _open_coordinators(page):
    page.get_by_role("navigation", name="Työtila").get_by_role(
        "link", name="Hankkeiden sivut"
    ).click()
    page.get_by_role("link", name=re.compile(r"koordinaattori.*: Ääni kuuluviin")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Koordinaattorit: Ääni kuuluviin")


def test_network_coordinator_adds_and_removes_a_coordinator(
    live_server, page, axe, console_errors, browser
):
    sign_in(page, live_server, "verkosto@example.org")
    _open_coordinators(page)
    check_both_widths(page, axe, "coordinators")

    form = page.get_by_role("region", name="Lisää koordinaattori")
    form.get_by_label("Sähköpostiosoite").fill("koordinaattori@example.org")
    form.get_by_role("button", name="Lisää ja kutsu").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#id_email_error")).to_contain_text("jo tämän hankkeen koordinaattorin")
    check_both_widths(page, axe, "coordinators, error")

    form.get_by_label("Sähköpostiosoite").fill("uusi.koordinaattori@example.org")
    form.get_by_label("Etunimi").fill("Uusi")
    form.get_by_label("Sukunimi").fill("Koordinaattori")
    form.get_by_label("ruotsi").check()
    form.get_by_role("button", name="Lisää ja kutsu").click()
    expect(page.locator(".messages")).to_contain_text(
        "Kutsu lähtee osoitteeseen uusi.koordinaattori@example.org"
    )
    row = page.get_by_role("row", name=re.compile("Uusi Koordinaattori"))
    expect(row).to_contain_text("Kutsuttu, ei vielä käytössä")

    outbox.run_pending_inline()  # without a broker (SQLite, eager) it has run at commit
    (sent,) = mail.outbox
    link = re.search(r"https?://\S+", sent.body).group(0)
    invited = browser.new_page()
    invited.goto(live_server.url + re.sub(r"^https?://[^/]+", "", link))
    expect(invited.get_by_role("heading", level=1)).to_have_text("Välj lösenord")
    invited.locator("#id_new_password1").fill(NEW_PASSWORD)
    invited.get_by_label("Bekräfta nytt lösenord").fill(NEW_PASSWORD)
    invited.get_by_role("main").get_by_role("button").click()
    expect(invited).to_have_url(re.compile(r"/sv/konto/login/$"))
    invited.locator("#id_login").fill("uusi.koordinaattori@example.org")
    invited.locator("#id_password").fill(NEW_PASSWORD)
    invited.get_by_role("main").get_by_role("button", name=re.compile("Logga in")).click()
    expect(invited).to_have_url(re.compile(r"/sv/arbetsyta/$"))
    swedish_name = Project.objects.get(name_fi="Ääni kuuluviin").name_sv
    expect(invited.get_by_role("main")).to_contain_text(swedish_name)
    invited.close()

    page.reload()
    expect(row).to_contain_text("Käytössä")
    row.get_by_role("link", name=re.compile("Poista hankkeesta")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Poista koordinaattori")
    check_both_widths(page, axe, "remove coordinator")
    page.get_by_role("main").get_by_role("button", name="Poista hankkeesta").click()
    expect(page.locator(".messages")).to_contain_text("ei ole enää hankkeen koordinaattori")
    expect(page.get_by_role("row", name=re.compile("Uusi Koordinaattori"))).to_have_count(0)


def test_project_coordinator_sees_who_else_edits_the_project(live_server, page, axe):
    sign_in(page, live_server, "koordinaattori@example.org")
    _open_coordinators(page)
    expect(page.get_by_role("main")).to_contain_text("koordinaattori@example.org")
    expect(page.get_by_role("main")).to_contain_text(
        "Koordinaattoreita lisää ja poistaa Välitä!-verkoston koordinaattori."
    )
    expect(page.get_by_role("button", name="Lisää ja kutsu")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Poista hankkeesta"))).to_have_count(0)
    check_both_widths(page, axe, "coordinators, project coordinator")
