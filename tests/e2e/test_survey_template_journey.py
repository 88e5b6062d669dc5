"""Issue 17, done when: the demo network coordinator recreates the network survey of 2025 from
its template and builds, previews, tests, opens, sends, reminds and follows it entirely in
the workspace, in Swedish (/sv/arbetsyta/...). axe checks each page, at desktop and 375 px."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from core import outbox
from surveys.models import Collector, Invitation, Reminder, Response, Survey
from tests.e2e import test_surveys as answering
from valita.demo import load_projects as load_network

pytestmark = pytest.mark.django_db(transaction=True)


def test_network_survey_recreated_from_its_template_in_swedish(
    live_server, page, axe, console_errors, failed_requests
):
    load_network()
    coordinator = get_user_model().objects.get(email="verkosto@example.org")
    assert not coordinator.is_superuser
    answering._login(page, live_server, coordinator)
    page.goto(f"{live_server.url}/sv/arbetsyta/enkater/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enkäter")
    expect(page.locator("html")).to_have_attribute("lang", "sv")

    # A new survey from the template of the 2025 network survey.
    page.get_by_role("link", name="Ny enkät").click()
    page.get_by_label("Rubrik på finska").fill("Välitä!-verkostokysely 2027")
    page.get_by_label("Rubrik på svenska").fill("Visa omtanke!-nätverksenkät 2027")
    page.get_by_label("Serie").fill("natverksenkat")
    page.get_by_label("Mall").select_option(label="Visa omtanke!-nätverksenkät 2025")
    axe("new survey sv")
    page.get_by_role("button", name="Skapa enkäten").click()
    expect(page.get_by_text("Enkäten skapades som utkast.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/sv/arbetsyta/enkater/\d+/$"))
    survey = Survey.objects.get(series="natverksenkat")
    assert survey.pages.count() == 5
    assert survey.questions.filter(kind="likert", allow_dont_know=True).exists()
    expect(page.get_by_role("heading", name=re.compile(r"^Sida 2"))).to_be_visible()
    axe("builder sv")

    # The first question edited in its place, its Swedish text checked in the instant preview.
    first = survey.questions.order_by("page__order", "order").first()
    page.get_by_role("link", name=re.compile(r"^Redigera\s+fråga 1$")).click()
    in_place = page.get_by_role("region", name="Redigera fråga 1")
    preview = in_place.get_by_role("region", name="Förhandsvisning utan att spara")
    preview.get_by_role("radio", name="på svenska").check()
    expect(preview.get_by_text(first.text_sv)).to_be_visible()
    in_place.get_by_label("Fråga på svenska").fill(first.text_sv + " 2027")
    expect(preview.get_by_text(first.text_sv + " 2027")).to_be_visible()
    axe("builder sv with a question in place")
    in_place.get_by_role("button", name="Spara frågan").click()
    expect(page.get_by_text("Frågan sparades.")).to_be_visible()
    first.refresh_from_db()
    assert first.text_sv.endswith(" 2027")

    # The impact page's title as typed, in the instant preview (not saved: the form is left).
    page.get_by_role("link", name=re.compile(r"^Redigera sidan och dess villkor\s+2$")).click()
    preview = page.get_by_role("region", name="Förhandsvisning utan att spara")
    preview.get_by_role("radio", name="på svenska").check()
    expect(preview.get_by_role("heading", name="Effekter")).to_be_visible()
    page.get_by_label("Rubrik på svenska").fill("Effekter i nätverket")
    expect(preview.get_by_role("heading", name="Effekter i nätverket")).to_be_visible()
    axe("page edit sv with the instant preview")
    assert survey.pages.get(order=2).title_sv == "Effekter"
    page.get_by_role("link", name="Tillbaka till strukturen").click()

    # Preview of the impact page in Swedish: the Likert group with "Vet inte".
    page.get_by_role("link", name=re.compile(r"^Förhandsgranska på svenska\s*: sida 2$")).click()
    expect(page.locator(".ws-preview")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("radio", name="Vet inte").first).to_be_visible()
    axe("preview sv")

    # Test mode, one link away: a test answer that never counts.
    page.get_by_role("link", name="Svara i testläge").click()
    expect(page).to_have_url(re.compile(r"/sv/enkater/[\w-]+/test/$"))
    expect(page.get_by_role("note")).to_contain_text("Testläge")
    expect(page.get_by_text(re.compile(r"Sida 1 / \d"))).to_be_visible()
    axe("test mode sv")
    assert not Response.objects.filter(survey=survey, is_test=False).exists()

    # The collect tab: open the survey for answering until a fortnight from now.
    page.goto(f"{live_server.url}/sv/arbetsyta/enkater/{survey.pk}/")
    page.get_by_role("navigation", name="Enkätens delar").get_by_role(
        "link", name="Insamling"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Visa omtanke!-nätverksenkät 2027")
    expect(page).to_have_url(re.compile(r"/sv/arbetsyta/enkater/\d+/insamling/$"))
    axe("collect sv")
    closes = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_role("combobox", name=re.compile(r"^Status")).select_option(label="Öppen")
    page.get_by_label("Sista svarsdag").fill(closes.isoformat())
    page.get_by_role("button", name="Spara tidtabellen").click()
    expect(page.get_by_text("Tidtabellen har sparats.")).to_be_visible()
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN and survey.closes_at

    # Invitations: pasted addresses with their language, into a new invitation channel.
    invitations = page.get_by_role("group", name=re.compile("inbjudningar", re.IGNORECASE))
    invitations.get_by_label("Namn på den nya kanalen").fill("Rektorer")
    invitations.get_by_label("Adresser").fill(
        "anna@example.org; Anna Andersson; sv\nbertta@example.org; Bertta; fi\n"
    )
    page.get_by_role("button", name="Skicka inbjudningarna").click()
    expect(page.get_by_text("2 inbjudningar lades till", exact=False)).to_be_visible()
    channel = Collector.objects.get(survey=survey, kind=Collector.Kind.INVITATION)
    assert dict(Invitation.objects.filter(collector=channel).values_list("email", "language")) == {
        "anna@example.org": "sv",
        "bertta@example.org": "fi",
    }
    outbox.run_pending_inline()  # the worker's part
    to_anna = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    to_bertta = [m for m in mail.outbox if m.to == ["bertta@example.org"]]
    assert len(to_anna) == len(to_bertta) == 1  # each in their own language
    assert "Visa omtanke!-nätverksenkät 2027" in to_anna[0].subject + to_anna[0].body
    assert "Välitä!-verkostokysely 2027" in to_bertta[0].subject + to_bertta[0].body
    axe("collect with invitations sv")

    # A reminder a week from now, at nine in the morning.
    reminders = page.get_by_role("group", name="Schemalägg en påminnelse")
    when = timezone.localdate() + datetime.timedelta(days=7)
    reminders.get_by_label("Dag").fill(when.isoformat())
    reminders.get_by_label("Klockslag").fill("09:00")
    page.get_by_role("button", name="Schemalägg en påminnelse").click()
    expect(page.get_by_text("Påminnelsen har schemalagts.")).to_be_visible()
    reminder = Reminder.objects.get(survey=survey)
    assert timezone.localtime(reminder.send_at).date() == when
    expect(page.get_by_role("button", name=re.compile(r"^Avbryt påminnelsen"))).to_be_visible()

    # The monitor follows it.
    page.get_by_role("link", name="Uppföljning: svar och avbrott").click()
    expect(page).to_have_url(re.compile(r"/sv/arbetsyta/enkater/\d+/uppfoljning/$"))
    by_collector = page.get_by_role("region", name="Per svarskanal")
    expect(by_collector.get_by_role("row", name=re.compile("Rektorer"))).to_be_visible()
    expect(page.get_by_role("heading", name="Var de svarande avbryter")).to_be_visible()
    axe("monitor sv")

    # 375 px.
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("", "insamling/", "uppfoljning/"):
        page.goto(f"{live_server.url}/sv/arbetsyta/enkater/{survey.pk}/{path}")
        axe(f"sv {path or 'builder'} 375 px")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    assert console_errors == [], "\n".join(console_errors)
    assert failed_requests == [], failed_requests
