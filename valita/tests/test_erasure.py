"""An erased person is gone for good: after `manage.py personal_data --erase` none of
their links answers (the site's own translated 404) and no scheduled message reaches
them, in every app that sent them one."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from accounts.services import invitation_token_make
from core import outbox
from events import services as event_services
from events.emails import manage_url
from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from practices import services as practice_services
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import UserFactory
from surveys import services as survey_services
from surveys.models import Collector, Invitation
from surveys.tests.factories import build_survey
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db
EMAIL = "maija.meikalainen@example.org"
LATER = timedelta(days=8)


@pytest.fixture(autouse=True)
def _eager_celery():
    # Tasks run in the test's own process; with REDIS_URL set they would go to the broker.
    old = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = old


@pytest.fixture
def actor(network_coordinator):
    return network_coordinator


def erase(actor, email=EMAIL):
    call_command(
        "personal_data", "--email", email, "--erase", "--actor", actor.email, stdout=io.StringIO()
    )


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def assert_not_found(client, path: str, text: str):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_an_erased_invitee_gets_no_reminder_and_their_link_is_gone(client, actor):
    survey = build_survey()["survey"]
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    rows = [(EMAIL, "Maija", "sv"), ("other@example.org", "", "fi")]
    survey_services.invitations_create(collector=collector, rows=rows)
    outbox.run_pending_inline()
    assert len(mail.outbox) == 2
    invitation = Invitation.objects.get(email=EMAIL)
    with translation.override("sv"):
        link = invitation.get_absolute_url()
    assert client.get(link).status_code == 200

    erase(actor)
    mail.outbox.clear()
    assert survey_services.reminders_queue(now=timezone.now() + LATER) == 1  # the other one
    outbox.run_pending_inline()
    assert [m.to for m in mail.outbox] == [["other@example.org"]]
    assert_not_found(client, link, "Sidan hittades inte")
    invitation.refresh_from_db()
    assert invitation.email == "" and invitation.name == ""


def test_an_invitation_queued_before_the_erasure_is_never_sent(actor):
    survey = build_survey()["survey"]
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    survey_services.invitations_create(collector=collector, rows=[(EMAIL, "", "fi")])
    erase(actor)
    outbox.run_pending_inline()
    assert mail.outbox == []


def test_an_erased_registrant_loses_their_link_and_offer_which_passes_on(
    client, actor, django_capture_on_commit_callbacks
):
    soon = EventFactory(
        registration_enabled=True,
        capacity_in_person=1,
        starts_at=timezone.now() + timedelta(hours=20),
    )
    RegistrationFactory(event=soon, email=EMAIL, language="fi")
    later = EventFactory(registration_enabled=True, capacity_in_person=1)
    offered = RegistrationFactory(
        event=later,
        email=EMAIL,
        status=Registration.Status.OFFERED,
        offer_expires_at=timezone.now() + timedelta(hours=40),
    )
    next_in_line = RegistrationFactory(event=later, status=Registration.Status.WAITING)
    link = path_of(manage_url(offered))
    assert client.get(link).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        erase(actor)
    assert_not_found(client, link, "Sivua ei löytynyt")
    assert list(event_services.reminders_due()) == []
    offered.refresh_from_db()
    next_in_line.refresh_from_db()
    assert offered.status == Registration.Status.CANCELLED and offered.email == ""
    assert next_in_line.status == Registration.Status.OFFERED
    assert [m.to for m in mail.outbox] == [[next_in_line.email]]


def test_a_reminder_queued_before_the_erasure_is_never_sent(actor):
    from events.emails import send_registration_email

    registration = RegistrationFactory(
        email=EMAIL, event__starts_at=timezone.now() + timedelta(hours=20)
    )
    assert event_services.reminders_send() == 1  # claimed, its email an outbox message
    erase(actor)
    send_registration_email(registration.pk, "reminder")  # the message runs after the erasure
    assert mail.outbox == []


def test_a_follow_up_request_queued_before_the_erasure_is_never_sent(actor):
    practice = PracticeFactory()
    AdoptionFactory(practice=practice, contact_email=EMAIL)
    round = practice_services.followup_round_start(
        title="12 kk", practices=[practice], closes_at=timezone.now() + timedelta(days=28)
    )
    erase(actor)
    outbox.run_pending_inline()
    assert mail.outbox == []
    assert round.requests.get().sent_at is None  # nothing went out


def test_an_erased_practice_contact_gets_no_reminder_and_their_link_is_gone(client, actor):
    practice = PracticeFactory()
    AdoptionFactory(practice=practice, contact_email=EMAIL, contact_language="fi")
    round = practice_services.followup_round_start(
        title="12 kk", practices=[practice], closes_at=timezone.now() + timedelta(days=28)
    )
    outbox.run_pending_inline()
    link = path_of(re.search(r"https?://\S+/vastaa/\S+/", mail.outbox[0].body).group(0))
    assert client.get(link).status_code == 200

    erase(actor)
    mail.outbox.clear()
    assert practice_services.followup_reminders_send(now=timezone.now() + LATER) == 0
    outbox.run_pending_inline()
    assert mail.outbox == []
    assert_not_found(client, link, "Sivua ei löytynyt")
    assert round.requests.get().email == ""


def test_an_erased_account_s_invitation_link_is_refused(client, actor):
    user = UserFactory(email=EMAIL)
    user.set_unusable_password()
    user.save()
    path = reverse("accounts:invitation_accept", kwargs={"token": invitation_token_make(user)})
    assert client.get(path).status_code == 200
    erase(actor)
    response = client.get(path)
    assert response.status_code == 400
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]


def test_an_erased_account_s_password_reset_link_is_refused(client, actor):
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    user = UserFactory(email=EMAIL)
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    assert client.get(path).status_code == 302  # on to the page that sets the password
    erase(actor)
    response = client.get(path)
    assert response.status_code == 200 and response.context["token_fail"]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/fi/tietosuojaseloste/", "lakkaavat toimimasta"),
        ("/sv/dataskyddsbeskrivning/", "skickats till dig att fungera"),
    ],
)
def test_the_privacy_notice_says_what_erasure_ends(client, path, text):
    assert text in client.get(path).content.decode()
