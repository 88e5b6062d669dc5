"""Invitation, password-reset and address-confirmation mails go through the outbox
(README, "Background work").

The request only queues them: an SMTP server that is down fails no request, and the
password-reset page answers an address with an account exactly as one without. A worker
writes them in the user's language and makes their links; a failure there leaves the
message for the outbox to hand over again. The outbox rows hold no token and no link.
"""

import json
import re
import socket
from contextlib import contextmanager
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.checks import check_email_verification_by_link
from accounts.services import (
    SEND_EMAIL_CONFIRMATION,
    SEND_INVITATION,
    SEND_PASSWORD_RESET,
    user_invite,
)
from core import outbox
from core.models import OutboxMessage
from core.tests.admin_forms import change_form_data
from projects.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
RESET = "/fi/tili/password/reset/"
LOGIN = "/fi/tili/login/"
PASSWORD = "valita-test-password"  # UserFactory's
NEW_PASSWORD = "Pitka-ja-vahva-salasana-7"


@pytest.fixture
def mail_server_down():
    """Django's own SMTP backend, pointed at a port that refuses connections: the mail
    server is down. (With MAILERS, Django 6.1 reads no EMAIL_BACKEND: MAILERS is what a
    test overrides.)"""
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))  # bound but not listening: a connection is refused
    port = closed.getsockname()[1]
    smtp = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
    }

    @contextmanager
    def down():
        with override_settings(MAILERS={"default": smtp}):
            yield

    yield down
    closed.close()


@pytest.fixture
def superuser_client(client):
    client.force_login(User.objects.create_superuser(email="root@example.org", password="x"))
    return client


def _account(email, language="fi", **fields):
    user = UserFactory(email=email, language=language, **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _invited(email="kutsuttu@example.org", language="sv"):
    user = User.objects.create_user(email=email, language=language)
    user.set_unusable_password()
    user.save()
    return user


def _link(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _admin_invite(client, *users, language="fi", **kwargs):
    return client.post(
        f"/{language}/admin/accounts/user/",
        {"action": "send_invitation", "_selected_action": [user.pk for user in users]},
        **kwargs,
    )


def _admin_set_active(client, user, active: bool):
    """The superuser ticks or unticks "active" on the user's admin page."""
    page = client.get(f"/fi/admin/accounts/user/{user.pk}/change/")
    assert page.status_code == 200
    data = change_form_data(page.content.decode(), "user_form")
    data.pop("is_active", None)
    if active:
        data["is_active"] = ["on"]
    response = client.post(f"/fi/admin/accounts/user/{user.pk}/change/", data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    user.refresh_from_db()
    assert user.is_active is active


def _set_password_through(client, reset_url: str):
    """Follow a reset link as the person would: the link, then the form it leads to."""
    response = client.get(_path(reset_url))
    assert response.status_code == 302, "the link was refused"
    form = response["Location"]
    response = client.post(form, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302, response.context and response.context.get("form").errors
    return response


# Invitations: the superuser invites from the admin (network coordinators invite a project's
# coordinators from the workspace: projects/tests/test_team.py).


def test_the_admin_invitation_is_queued_and_the_worker_mails_a_working_link(superuser_client):
    invited = _invited(language="sv")
    response = _admin_invite(superuser_client, invited)
    assert response.status_code == 302
    assert mail.outbox == []
    (message,) = OutboxMessage.objects.filter(task=SEND_INVITATION)
    invited.refresh_from_db()
    assert invited.invited_at is not None

    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    assert sent.to == ["kutsuttu@example.org"]
    assert "Välj ditt lösenord" in sent.body  # the user's language, not the admin's
    path = _path(_link(sent))
    assert path.startswith("/sv/inbjudan/")

    superuser_client.logout()
    assert superuser_client.get(path).status_code == 200
    response = superuser_client.post(
        path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)


def test_an_invitation_while_the_mail_server_is_down_is_sent_when_it_is_back(
    superuser_client, mail_server_down
):
    invited = _invited()
    with mail_server_down():
        response = _admin_invite(superuser_client, invited)
        assert response.status_code == 302
        page = superuser_client.get(response["Location"])
        assert "Kutsu lähtee 1 käyttäjälle hetken kuluttua." in page.content.decode()
        (message,) = OutboxMessage.objects.filter(task=SEND_INVITATION)
        # The worker's delivery fails: the message stays, with the error.
        OutboxMessage.objects.filter(pk=message.pk).update(dispatched_at=timezone.now())
        with pytest.raises(OSError):
            outbox.run(message.pk)
    message.refresh_from_db()
    assert message.done_at is None
    assert "Connection refused" in message.last_error or "ConnectionRefused" in message.last_error
    assert mail.outbox == []

    # The beat hands it over again, and it goes out once the server answers.
    OutboxMessage.objects.filter(pk=message.pk).update(
        dispatched_at=timezone.now() - outbox.REDISPATCH_AFTER - timedelta(seconds=1)
    )
    assert outbox.pending().filter(pk=message.pk).exists()
    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    superuser_client.logout()
    assert superuser_client.get(_path(_link(sent))).status_code == 200


def test_a_newer_invitation_queued_before_the_worker_ran_sends_one_mail():
    invited = _invited()
    user_invite(user=invited)
    user_invite(user=User.objects.get(pk=invited.pk))
    assert outbox.run_pending_inline() == 2
    (sent,) = mail.outbox
    assert Client().get(_path(_link(sent))).status_code == 200


def test_no_invitation_goes_to_an_account_closed_before_the_worker_ran():
    invited = _invited()
    user_invite(user=invited)
    invited.is_active = False
    invited.save()
    outbox.run_pending_inline()
    assert mail.outbox == []


def test_a_network_coordinator_cannot_send_invitations(client, network_coordinator):
    invited = _invited()
    client.force_login(network_coordinator)
    assert _admin_invite(client, invited).status_code == 403
    assert not OutboxMessage.objects.exists()
    invited.refresh_from_db()
    assert invited.invited_at is None


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fi", 1, "Kutsu lähtee 1 käyttäjälle hetken kuluttua."),
        ("fi", 2, "Kutsut lähtevät 2 käyttäjälle hetken kuluttua."),
        ("sv", 1, "Inbjudan skickas till 1 användare om en stund."),
        ("sv", 2, "Inbjudningarna skickas till 2 användare om en stund."),
    ],
)
def test_the_admin_says_the_invitations_leave_shortly_not_that_they_left(
    superuser_client, language, count, expected
):
    users = [_invited(f"kutsuttu{n}@example.org") for n in range(count)]
    response = _admin_invite(superuser_client, *users, language=language, follow=True)
    assert [str(m) for m in response.context["messages"]] == [expected]
    assert OutboxMessage.objects.filter(task=SEND_INVITATION).count() == count
    assert mail.outbox == []  # queued, not sent: hence "shortly"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "Kutsuja ei lähetetty: valituista käyttäjistä yksikään ei ole aktiivinen."),
        ("sv", "Inga inbjudningar skickades: ingen av de valda användarna är aktiv."),
    ],
)
def test_the_admin_says_no_invitation_left_when_every_chosen_account_is_closed(
    superuser_client, language, expected
):
    closed = _invited()
    closed.is_active = False
    closed.save()
    response = _admin_invite(superuser_client, closed, language=language, follow=True)
    assert [str(m) for m in response.context["messages"]] == [expected]
    assert not OutboxMessage.objects.exists()


# Password reset: an anonymous visitor on the reset page.


def test_the_reset_mail_is_queued_and_its_link_sets_a_new_password(client, settings):
    settings.SITE_URL = "https://portaali.example.org"
    user = _account("ruotsalainen@example.org", language="sv")
    response = client.post(RESET, {"email": "Ruotsalainen@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []

    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    assert sent.to == ["ruotsalainen@example.org"]
    assert sent.subject == "[Välitä!] Återställning av lösenord"  # allauth's, in Swedish
    link = _link(sent)
    # From SITE_URL (the worker has no request), in the user's language, not the page's.
    assert link.startswith("https://portaali.example.org/sv/konto/password/reset/key/")

    _set_password_through(client, link)
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    # Used once: the key ends with the password it set.
    response = client.get(_path(link))
    assert response.status_code == 200 and response.context["token_fail"]


def _reset_answer(address: str):
    """What the reset page does for `address`, as a new visitor would see it."""
    visitor = Client()
    before = set(OutboxMessage.objects.values_list("pk", flat=True))
    response = visitor.post(RESET, {"email": address})
    done = visitor.get(response["Location"])
    main = re.search(r"<main.*?</main>", done.content.decode(), re.S).group(0)
    queued = list(OutboxMessage.objects.exclude(pk__in=before).values_list("task", flat=True))
    return response.status_code, response["Location"], done.status_code, main, queued


def test_the_reset_page_answers_alike_for_addresses_with_and_without_an_account(
    mail_server_down,
):
    _account("tunnettu@example.org")
    with mail_server_down():  # nothing in the request may depend on the mail server
        known = _reset_answer("tunnettu@example.org")
        unknown = _reset_answer("tuntematon@example.org")
    assert known == unknown
    assert known[0] == 302 and known[4] == [SEND_PASSWORD_RESET]
    assert mail.outbox == []
    # The worker then mails the account's address, and nothing to the unknown one.
    assert outbox.run_pending_inline() == 2
    assert [m.to for m in mail.outbox] == [["tunnettu@example.org"]]


def test_a_reset_mail_that_fails_is_sent_again(client, mail_server_down):
    user = _account("unohtaja@example.org")
    with mail_server_down():
        assert client.post(RESET, {"email": user.email}).status_code == 302
        (message,) = OutboxMessage.objects.all()
        with pytest.raises(OSError):
            outbox.run(message.pk)
    message.refresh_from_db()
    assert message.done_at is None and message.last_error
    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    _set_password_through(client, _link(sent))


# Address confirmation: allauth mails a link where ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# stops a sign-in with an unverified address, and when an address is added.


def _unverified(email, language="fi"):
    user = UserFactory(email=email, language=language)
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    return user


def _sign_in(client, email):
    return client.post(LOGIN, {"login": email, "password": PASSWORD})


def _stored_outbox() -> str:
    return json.dumps(list(OutboxMessage.objects.values("task", "args", "kwargs", "last_error")))


@pytest.mark.parametrize("hmac", [True, False], ids=["hmac-key", "stored-confirmation"])
def test_an_unverified_sign_in_queues_the_confirmation_and_its_link_verifies_the_address(
    client, settings, mail_server_down, hmac
):
    settings.SITE_URL = "https://portaali.example.org"
    settings.ACCOUNT_EMAIL_CONFIRMATION_HMAC = hmac
    user = _unverified("vahvistamaton@example.org", language="sv")
    with mail_server_down():  # nothing in the request may depend on the mail server
        response = _sign_in(client, user.email)
        assert response.status_code == 302
        assert response["Location"] == "/fi/tili/confirm-email/"
        page = client.get(response["Location"])
        assert page.status_code == 200
        # Queued, so the page says the mail leaves shortly, not that it has gone.
        assert "Vahvistusviesti lähtee osoitteeseen vahvistamaton@example.org" in page.text
        (message,) = OutboxMessage.objects.all()
        assert message.task == SEND_EMAIL_CONFIRMATION
        # The worker's delivery fails: the message stays for the outbox to hand over again.
        with pytest.raises(OSError):
            outbox.run(message.pk)
    message.refresh_from_db()
    assert message.done_at is None and message.last_error
    assert mail.outbox == []
    assert "_auth_user_id" not in client.session  # not signed in before the address is verified

    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    assert sent.to == ["vahvistamaton@example.org"]
    assert sent.subject == "[Välitä!] Vänligen bekräfta din epost-adress"  # allauth's, in Swedish
    link = _link(sent)
    # From SITE_URL (the worker has no request), in the user's language, not the page's.
    assert link.startswith("https://portaali.example.org/sv/konto/confirm-email/")
    key = link.rstrip("/").rsplit("/", 1)[1]
    stored = _stored_outbox()
    for secret in (key, "vahvistamaton", "@", "http"):
        assert secret not in stored

    path = _path(link)
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    response = _sign_in(Client(), user.email)
    assert response.status_code == 302 and "confirm-email" not in response["Location"]


def test_an_added_address_gets_its_confirmation_from_the_worker(client, mail_server_down):
    user = _account("vanha@example.org")
    client.force_login(user)
    with mail_server_down():
        response = client.post("/fi/tili/email/", {"action_add": "", "email": "uusi@example.org"})
        assert response.status_code == 302
    assert mail.outbox == []
    (message,) = OutboxMessage.objects.all()
    assert message.task == SEND_EMAIL_CONFIRMATION
    assert "uusi" not in _stored_outbox()

    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    assert sent.to == ["uusi@example.org"]
    assert client.post(_path(_link(sent))).status_code == 302
    assert EmailAddress.objects.get(email="uusi@example.org").verified


@pytest.mark.parametrize("change", ["account closed", "address verified", "address changed"])
def test_a_queued_confirmation_sends_nothing_once_it_is_no_longer_wanted(client, change):
    user = _unverified("suljettava@example.org")
    _sign_in(client, user.email)
    (message,) = OutboxMessage.objects.filter(task=SEND_EMAIL_CONFIRMATION)
    address = EmailAddress.objects.get(user=user)
    if change == "account closed":
        user.is_active = False
        user.save()
    elif change == "address verified":
        address.verified = True
        address.save()
    else:  # corrected in the admin: the link would now confirm an address nobody asked for
        address.email = "toinen@example.org"
        address.save()

    assert outbox.run_pending_inline() == 1
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.done_at is not None


def test_confirmation_by_code_is_refused_when_the_site_starts(settings):
    assert check_email_verification_by_link(None) == []
    settings.ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
    (error,) = check_email_verification_by_link(None)
    assert error.id == "accounts.E001"


def test_no_outbox_row_holds_a_token_a_link_or_an_address(client, superuser_client):
    invited = _invited("kutsuttava@example.org")
    _admin_invite(superuser_client, invited)
    _account("nollaaja@example.org")
    client.post(RESET, {"email": "nollaaja@example.org"})
    client.post(RESET, {"email": "tuntematon@example.org"})
    assert outbox.run_pending_inline() == 3  # the invitation and the two resets
    assert len(mail.outbox) == 2

    stored = json.dumps(list(OutboxMessage.objects.values("task", "args", "kwargs", "last_error")))
    for sent in mail.outbox:
        path = _path(_link(sent))
        secrets = [s for s in re.split(r"/", path) if len(s) > 12]  # the key, the token
        assert secrets
        for secret in secrets:
            assert secret not in stored
    for text in ("http", "kutsuttava", "nollaaja", "tuntematon", "@"):
        assert text not in stored


# Deactivation ends every earlier link for good.


def test_an_invitation_link_stays_dead_after_a_deactivation_and_reactivation(superuser_client):
    invited = _invited(language="fi")
    _admin_invite(superuser_client, invited)
    outbox.run_pending_inline()
    old = _path(_link(mail.outbox[-1]))
    visitor = Client()
    assert visitor.get(old).status_code == 200

    _admin_set_active(superuser_client, invited, False)
    _admin_set_active(superuser_client, invited, True)
    response = visitor.get(old)
    assert response.status_code == 400
    assert "accounts/invitation_invalid.html" in [t.name for t in response.templates]

    _admin_invite(superuser_client, invited)  # a fresh invitation after the reactivation
    outbox.run_pending_inline()
    fresh = _path(_link(mail.outbox[-1]))
    assert fresh != old
    assert visitor.get(fresh).status_code == 200
    response = visitor.post(fresh, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)
    assert visitor.get(old).status_code == 400


def test_a_reset_link_stays_dead_after_a_deactivation_and_reactivation(client):
    user = _account("palaava@example.org")
    client.post(RESET, {"email": user.email})
    outbox.run_pending_inline()
    link = _path(_link(mail.outbox[-1]))
    user.is_active = False
    user.save()
    user.is_active = True
    user.save()
    response = Client().get(link)
    assert response.status_code == 200 and response.context["token_fail"]


def test_each_deactivation_is_stamped_and_a_reactivation_keeps_the_stamp():
    user = UserFactory()
    assert user.deactivated_at is None
    user.first_name = "Muutettu"
    with CaptureQueriesContext(connection) as queries:
        user.save()
    # Only the save of an inactive account asks whether it was active until now.
    assert not [q for q in queries if q["sql"].startswith('SELECT 1 AS "a" FROM "accounts_user"')]
    assert user.deactivated_at is None

    user.is_active = False
    with CaptureQueriesContext(connection) as queries:
        user.save(update_fields=["is_active"])
    assert [q for q in queries if q["sql"].startswith('SELECT 1 AS "a" FROM "accounts_user"')]
    first = User.objects.get(pk=user.pk).deactivated_at
    assert first is not None
    user.save()  # saved again while closed: not a new closing
    assert User.objects.get(pk=user.pk).deactivated_at == first

    user.is_active = True
    user.save()
    assert User.objects.get(pk=user.pk).deactivated_at == first
    user.is_active = False
    user.save()
    assert User.objects.get(pk=user.pk).deactivated_at > first
