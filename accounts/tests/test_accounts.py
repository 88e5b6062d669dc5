import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from accounts.services import invitation_token_make, invitation_token_user, user_invite
from core import outbox
from projects.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()


def _invitation_path() -> str:
    return re.search(r"https?://[^/]+(/\S+)", mail.outbox[-1].body).group(1)


def test_sign_in_is_by_email_without_username(client):
    UserFactory(email="anna@example.org", password="oikein-hyva-salasana")
    EmailAddress.objects.create(
        user=User.objects.get(email="anna@example.org"),
        email="anna@example.org",
        verified=True,
        primary=True,
    )
    response = client.post(
        "/fi/tili/login/", {"login": "Anna@Example.org", "password": "oikein-hyva-salasana"}
    )
    assert response.status_code == 302
    assert client.get("/fi/").context["user"].email == "anna@example.org"


@pytest.mark.parametrize(
    ("path", "signup", "hint"),
    [
        ("/fi/tili/login/", "/fi/tili/signup/", "Tilit luodaan kutsusta"),
        ("/sv/konto/login/", "/sv/konto/signup/", "Konton skapas genom inbjudan"),
    ],
)
def test_the_sign_in_page_offers_no_sign_up(client, path, signup, hint):
    page = client.get(path).content.decode()
    assert signup not in page and "rekisteröidy" not in page.lower()
    assert hint in page


def test_a_password_reset_for_an_unknown_address_offers_no_sign_up(client):
    client.post("/fi/tili/password/reset/", {"email": "tuntematon@example.org"})
    outbox.run_pending_inline()
    assert not any("signup" in message.body for message in mail.outbox)


def test_there_is_no_public_sign_up(client):
    response = client.get("/fi/tili/signup/")
    assert "signup_closed" in response.templates[0].name or response.status_code != 200
    client.post(
        "/fi/tili/signup/", {"email": "x@example.org", "password1": "a" * 12, "password2": "a" * 12}
    )
    assert not User.objects.filter(email="x@example.org").exists()


def test_admin_invites_a_user_who_sets_a_password(client, network_coordinator):
    invited = User.objects.create_user(email="uusi@example.org", language="sv")
    invited.set_unusable_password()
    invited.save()
    client.force_login(User.objects.create_superuser(email="root@example.org", password="x"))
    client.post(
        "/fi/admin/accounts/user/",
        {"action": "send_invitation", "_selected_action": [invited.pk]},
    )
    assert mail.outbox == []  # queued in the outbox, sent by a worker after the commit
    outbox.run_pending_inline()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["uusi@example.org"]
    assert mail.outbox[0].subject == "Inbjudan till portalen Välitä! – Visa omtanke!"
    path = _invitation_path()
    assert path.startswith("/sv/inbjudan/")

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    response = client.post(
        path,
        {
            "new_password1": "Pitka-ja-vahva-salasana-7",
            "new_password2": "Pitka-ja-vahva-salasana-7",
        },
    )
    assert response.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password("Pitka-ja-vahva-salasana-7")
    assert EmailAddress.objects.get(user=invited).verified

    # The link works once.
    assert client.get(path).status_code == 400


def test_invitation_links_expire(settings):
    user = UserFactory()
    token = invitation_token_make(user)
    assert invitation_token_user(token) == user
    settings.INVITATION_VALID_DAYS = 0
    assert invitation_token_user(token) is None


def test_a_tampered_invitation_is_refused(client):
    user = UserFactory()
    token = invitation_token_make(user)
    assert client.get(f"/fi/kutsu/{token[:-2]}xx/").status_code == 400


def test_invitation_mail_is_in_the_users_language():
    user_invite(user=UserFactory(language="fi"))
    outbox.run_pending_inline()
    assert "Valitse salasanasi" in mail.outbox[0].body
    user_invite(user=UserFactory(language="sv"))
    outbox.run_pending_inline()
    assert "Välj ditt lösenord" in mail.outbox[1].body
    assert User.objects.exclude(invited_at=None).count() == 2


def test_failed_sign_ins_are_rate_limited(client):
    user = UserFactory(email="kohde@example.org", password="oikea-salasana-123")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    for _ in range(5):
        client.post("/fi/tili/login/", {"login": "kohde@example.org", "password": "vaara"})
    # After five failures even the right password is refused for a while.
    response = client.post(
        "/fi/tili/login/", {"login": "kohde@example.org", "password": "oikea-salasana-123"}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_password_reset_is_offered_and_rate_limited(client):
    UserFactory(email="unohtaja@example.org")
    for _ in range(3):
        client.post("/fi/tili/password/reset/", {"email": "unohtaja@example.org"})
    outbox.run_pending_inline()
    assert len(mail.outbox) >= 1
    response = client.post("/fi/tili/password/reset/", {"email": "unohtaja@example.org"})
    assert response.status_code == 429


class TestRequiredTwoFactor:
    @pytest.fixture(autouse=True)
    def _required(self, settings):
        settings.VALITA_REQUIRE_MFA = True

    def test_network_coordinator_without_authenticator_is_sent_to_set_one_up(
        self, client, network_coordinator
    ):
        client.force_login(network_coordinator)
        response = client.get("/fi/admin/")
        assert response.status_code == 302
        assert response["Location"] == "/fi/tili/2fa/totp/activate/"
        assert client.get("/fi/tili/2fa/totp/activate/").status_code in (200, 302)

    def test_superuser_is_held_to_it_too(self, client):
        client.force_login(User.objects.create_superuser(email="su@example.org", password="x"))
        assert client.get("/fi/hankkeet/")["Location"] == "/fi/tili/2fa/totp/activate/"

    def test_with_an_authenticator_the_site_opens(self, client, network_coordinator):
        from allauth.mfa.models import Authenticator

        Authenticator.objects.create(
            user=network_coordinator, type=Authenticator.Type.TOTP, data={"secret": "x"}
        )
        client.force_login(network_coordinator)
        assert client.get("/fi/hankkeet/").status_code == 200

    def test_project_coordinators_are_held_to_it_too(self, client, coordinator):
        # They read and export their events' registrations: names, addresses, needs.
        client.force_login(coordinator)
        assert client.get("/fi/hankkeet/")["Location"] == "/fi/tili/2fa/totp/activate/"

    def test_oph_viewers_are_not_forced(self, client, oph_viewer):
        # They see figures only, with small cells hidden.
        client.force_login(oph_viewer)
        assert client.get("/fi/hankkeet/").status_code == 200

    def test_setting_up_right_after_signing_in_asks_for_no_password_again(
        self, client, coordinator
    ):
        coordinator.set_password("oikein-hyva-salasana")
        coordinator.save()
        EmailAddress.objects.create(
            user=coordinator, email=coordinator.email, verified=True, primary=True
        )
        response = client.post(
            "/fi/tili/login/", {"login": coordinator.email, "password": "oikein-hyva-salasana"}
        )
        assert response["Location"] == "/fi/tili/2fa/totp/activate/" or (
            client.get(response["Location"])["Location"] == "/fi/tili/2fa/totp/activate/"
        )
        page = client.get("/fi/tili/2fa/totp/activate/")
        assert page.status_code == 200
        assert "totp/activate_form.html" in page.templates[0].name

    def test_the_recent_sign_in_counts_only_for_the_time_limit(self, client, coordinator, settings):
        settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
        coordinator.set_password("oikein-hyva-salasana")
        coordinator.save()
        EmailAddress.objects.create(
            user=coordinator, email=coordinator.email, verified=True, primary=True
        )
        client.post(
            "/fi/tili/login/", {"login": coordinator.email, "password": "oikein-hyva-salasana"}
        )
        response = client.get("/fi/tili/2fa/totp/activate/")
        assert response.status_code == 302
        assert response["Location"].startswith("/fi/tili/reauthenticate/")


def test_user_email_is_unique_regardless_of_case():
    UserFactory(email="sama@example.org")
    user = User(email="SAMA@example.org")
    user.set_unusable_password()
    with pytest.raises(ValidationError) as error:
        user.full_clean()
    assert error.value.messages == ["Tällä sähköpostiosoitteella on jo käyttäjä."]
    with translation.override("sv"), pytest.raises(ValidationError) as error:
        user.full_clean()
    assert error.value.messages == ["Det finns redan en användare med den här e-postadressen."]
    # The database holds the rule too, for writes that skip validation.
    with pytest.raises(IntegrityError), transaction.atomic():
        user.save()
    assert User.objects.filter(email__iexact="sama@example.org").count() == 1


def test_an_invitation_link_ends_when_the_address_changes_or_a_new_one_is_sent(mailoutbox):
    from accounts.services import invitation_token_make, invitation_token_user, user_invite

    user = User.objects.create_user(email="maija@exmaple.org")  # a typo: another domain
    token = invitation_token_make(user)  # the link mailed to the wrong address
    user.email = "maija@example.org"  # the address corrected
    user.save()
    assert invitation_token_user(token) is None
    user_invite(user=user)
    first = invitation_token_make(User.objects.get(pk=user.pk))
    user_invite(user=User.objects.get(pk=user.pk))  # invited again: only the newest works
    assert invitation_token_user(first) is None
