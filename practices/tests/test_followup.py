"""A follow-up round from start to answers: emails in each contact's language through the
outbox, signed links answered without an account, expired and reused links refused,
one reminder to those who have not answered."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from core import outbox
from practices import services
from practices.models import Adoption, FollowUpRequest
from practices.tasks import send_followup_reminders
from practices.tests.factories import AdoptionFactory, PracticeFactory
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db

LINK = re.compile(
    r"http://[^\s]+/(?:fi/kaytannot/seuranta/vastaa|sv/praxis/uppfoljning/svara)/[^\s/]+/"
)


@pytest.fixture
def practice():
    return PracticeFactory(title_fi="Kehittäjäopiskelijamalli", title_sv="Utvecklarstuderande")


@pytest.fixture
def adoptions(practice):
    return {
        "fi": AdoptionFactory(practice=practice, contact_language="fi"),
        "sv": AdoptionFactory(practice=practice, contact_language="sv"),
        "no_email": AdoptionFactory(practice=practice, contact_email=""),
        "ended": AdoptionFactory(practice=practice, status=Adoption.Status.DISCONTINUED),
    }


def start(practice, network_coordinator=None, **kwargs):
    defaults = {
        "title": "12 kk seuranta",
        "practices": [practice],
        "closes_at": timezone.now() + timedelta(days=28),
        "started_by": network_coordinator,
        "months_after": 12,
    }
    return services.followup_round_start(**{**defaults, **kwargs})


def run_outbox():
    return outbox.run_pending_inline()


def link_in(message) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(0).removeprefix("http://127.0.0.1:8000").removeprefix("http://testserver")


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_round_sends_one_email_per_active_adoption_in_the_contacts_language(
    practice, adoptions, network_coordinator
):
    round = start(practice, network_coordinator)
    assert round.requests.count() == 2
    assert mail.outbox == []  # queued in the outbox with the rows, sent by the worker
    assert run_outbox() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    fi = by_address[adoptions["fi"].contact_email]
    sv = by_address[adoptions["sv"].contact_email]
    assert fi.subject == "Onko Kehittäjäopiskelijamalli edelleen käytössä?"
    assert "/fi/kaytannot/seuranta/vastaa/" in fi.body
    assert sv.subject == "Används Utvecklarstuderande fortfarande?"
    assert "/sv/praxis/uppfoljning/svara/" in sv.body
    assert all(r.sent_at for r in round.requests.all())


def test_a_second_delivery_of_the_outbox_message_sends_nothing_more(practice, adoptions):
    start(practice)
    run_outbox()
    assert run_outbox() == 0
    assert len(mail.outbox) == 2


def test_round_needs_practices_and_a_future_closing_time(practice):
    with pytest.raises(ValidationError) as error:
        start(practice, practices=[])
    assert error.value.error_dict["practices"][0].code == "no_practices"
    with pytest.raises(ValidationError) as error:
        start(practice, closes_at=timezone.now() - timedelta(minutes=1))
    assert error.value.error_dict["closes_at"][0].code == "closes_past"


def test_contact_answers_without_an_account_and_the_adoption_is_confirmed(
    client, practice, adoptions
):
    start(practice)
    run_outbox()
    message = next(m for m in mail.outbox if m.to == [adoptions["sv"].contact_email])
    url = _path(LINK.search(message.body).group(0))
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert '<html lang="sv">' in html
    assert "Används modellen fortfarande i er organisation?" in html
    response = client.post(
        url, {"answer": "changed", "depth": "embedded", "comment": "Ny årsklocka"}
    )
    assert response.status_code == 200
    assert "Tack för ditt svar" in response.content.decode()
    adoption = Adoption.objects.get(pk=adoptions["sv"].pk)
    assert adoption.status == Adoption.Status.CHANGED
    assert adoption.depth == Adoption.Depth.EMBEDDED
    assert adoption.last_confirmed_at is not None
    request = FollowUpRequest.objects.get(adoption=adoption)
    assert request.answer == "changed" and request.comment == "Ny årsklocka"


def test_a_used_link_is_refused(client, practice, adoptions):
    start(practice)
    run_outbox()
    url = _path(LINK.search(mail.outbox[0].body).group(0))
    client.post(url, {"answer": "in_use"})
    again = client.get(url)
    assert again.status_code == 410
    assert "Tähän kyselyyn on jo vastattu" in again.content.decode() or (
        "redan besvarats" in again.content.decode()
    )
    response = client.post(url, {"answer": "discontinued", "comment": "x"})
    assert response.status_code == 410
    assert Adoption.objects.filter(status=Adoption.Status.DISCONTINUED).count() == 1  # "ended"


def test_an_expired_link_is_refused(client, practice, adoptions):
    round = start(practice)
    run_outbox()
    url = _path(LINK.search(mail.outbox[0].body).group(0))
    round.closes_at = timezone.now() - timedelta(seconds=1)
    round.save()
    response = client.get(url)
    assert response.status_code == 410
    assert client.post(url, {"answer": "in_use"}).status_code == 410
    assert not FollowUpRequest.objects.filter(answered_at__isnull=False).exists()


def test_an_altered_link_is_not_found(client, practice, adoptions):
    start(practice)
    run_outbox()
    url = _path(LINK.search(mail.outbox[0].body).group(0))
    assert client.get(url[:-3] + "xx/").status_code == 404


def test_discontinued_needs_a_reason_and_ends_the_adoption(client, practice, adoptions):
    start(practice)
    run_outbox()
    message = next(m for m in mail.outbox if m.to == [adoptions["fi"].contact_email])
    url = _path(LINK.search(message.body).group(0))
    response = client.post(url, {"answer": "discontinued"})
    assert response.status_code == 200
    assert "Kerro lyhyesti, miksi malli ei ole enää käytössä." in response.content.decode()
    assert FollowUpRequest.objects.filter(answered_at__isnull=False).count() == 0
    client.post(url, {"answer": "discontinued", "comment": "Resurssit loppuivat."})
    adoption = Adoption.objects.get(pk=adoptions["fi"].pk)
    assert adoption.status == Adoption.Status.DISCONTINUED
    assert adoption.ended_on == timezone.now().date()


def test_answer_service_refuses_twice(practice, adoptions):
    round = start(practice)
    request = round.requests.first()
    services.followup_answer(request=request, answer="in_use")
    with pytest.raises(ValidationError) as error:
        services.followup_answer(request=request, answer="discontinued", comment="x")
    assert error.value.code == "closed"


def test_reminders_go_once_to_those_who_have_not_answered(practice, adoptions):
    round = start(practice)
    run_outbox()
    answered = round.requests.get(adoption=adoptions["fi"])
    services.followup_answer(request=answered, answer="in_use")
    mail.outbox.clear()
    # Not yet: the round reminds after 7 days.
    assert services.followup_reminders_send() == 0
    later = timezone.now() + timedelta(days=8)
    assert services.followup_reminders_send(now=later) == 1
    assert services.followup_reminders_send(now=later) == 0  # claimed: safe to run twice
    run_outbox()
    assert len(mail.outbox) == 1
    reminder = mail.outbox[0]
    assert reminder.to == [adoptions["sv"].contact_email]
    assert reminder.subject == "Påminnelse: används Utvecklarstuderande fortfarande?"
    assert "/sv/praxis/uppfoljning/svara/" in reminder.body


def test_no_reminders_after_the_round_closed(practice, adoptions):
    start(practice, closes_at=timezone.now() + timedelta(days=5))
    run_outbox()
    assert services.followup_reminders_send(now=timezone.now() + timedelta(days=8)) == 0


def test_reminder_answered_before_sending_is_skipped(practice, adoptions):
    round = start(practice)
    run_outbox()
    mail.outbox.clear()
    services.followup_reminders_send(now=timezone.now() + timedelta(days=8))
    for request in round.requests.all():
        services.followup_answer(request=request, answer="in_use")
    run_outbox()
    assert mail.outbox == []


def test_beat_runs_the_reminder_task():
    entries = {entry["task"] for entry in celery_app.conf.beat_schedule.values()}
    assert "practices.tasks.send_followup_reminders" in entries
    assert send_followup_reminders.run() == 0


def test_practice_page_shows_where_it_is_in_use_and_when_confirmed(client, practice, adoptions):
    round = start(practice)
    request = round.requests.get(adoption=adoptions["fi"])
    services.followup_answer(request=request, answer="in_use")
    html = client.get(practice.get_absolute_url()).content.decode()
    assert adoptions["fi"].organisation.name in html
    assert adoptions["ended"].organisation.name not in html
    assert f"Käyttö vahvistettu viimeksi {timezone.localdate():%-d.%-m.%Y}." in html


# The coordinator's pages ----------------------------------------------------


def test_network_coordinator_starts_a_round_from_the_page(
    client, network_coordinator, practice, adoptions
):
    client.force_login(network_coordinator)
    page = client.get(f"/fi/tyotila/hyvat-kaytannot/seuranta/uusi/?malli={practice.pk}")
    assert page.status_code == 200
    assert "checked" in page.content.decode()
    closes = (timezone.localdate() + timedelta(days=14)).isoformat()
    response = client.post(
        "/fi/tyotila/hyvat-kaytannot/seuranta/uusi/",
        {
            "title": "Syksyn seuranta",
            "practices": [practice.pk],
            "months_after": "24",
            "closes_on": closes,
            "remind_after_days": "7",
        },
    )
    round = practice.followup_rounds.get()
    assert response.status_code == 302
    assert response["Location"] == round.get_absolute_url()
    assert round.months_after == 24 and round.started_by == network_coordinator
    summary = client.get(round.get_absolute_url())
    assert summary.status_code == 200
    assert practice.title_fi in summary.content.decode()


def test_round_form_refuses_a_past_closing_day_in_swedish(
    client, network_coordinator, practice, adoptions
):
    client.force_login(network_coordinator)
    response = client.post(
        "/sv/arbetsyta/god-praxis/uppfoljning/ny/",
        {
            "title": "X",
            "practices": [practice.pk],
            "closes_on": timezone.localdate().isoformat(),
            "remind_after_days": "7",
        },
    )
    assert response.status_code == 200
    assert "Svarstiden ska gå ut i framtiden." in response.content.decode()
    assert not practice.followup_rounds.exists()


@pytest.mark.parametrize("role", ["coordinator", "other_coordinator", "oph"])
def test_others_cannot_start_or_read_rounds(client, cast, role, practice, adoptions):
    round = start(practice)
    client.force_login(cast[role])
    assert client.get("/fi/tyotila/hyvat-kaytannot/seuranta/uusi/").status_code == 403
    assert client.get("/fi/tyotila/hyvat-kaytannot/seuranta/").status_code == 403
    assert client.get(round.get_absolute_url()).status_code == 404


def test_the_old_addresses_lead_to_the_workspace(client, network_coordinator, practice, adoptions):
    round = start(practice)
    client.force_login(network_coordinator)
    old_and_new = {
        f"/fi/kaytannot/seuranta/uusi/?malli={practice.pk}": (
            f"/fi/tyotila/hyvat-kaytannot/seuranta/uusi/?malli={practice.pk}"
        ),
        "/fi/kaytannot/seuranta/": "/fi/tyotila/hyvat-kaytannot/seuranta/",
        f"/fi/kaytannot/seuranta/kierros/{round.pk}/": (
            f"/fi/tyotila/hyvat-kaytannot/seuranta/{round.pk}/"
        ),
        "/sv/praxis/uppfoljning/": "/sv/arbetsyta/god-praxis/uppfoljning/",
    }
    for old, new in old_and_new.items():
        response = client.get(old)
        assert response.status_code == 301 and response["Location"] == new, old


def test_visitor_is_sent_to_sign_in(client):
    response = client.get("/fi/tyotila/hyvat-kaytannot/seuranta/uusi/")
    assert response.status_code == 302
    assert "/tili/" in response["Location"] or "login" in response["Location"]
