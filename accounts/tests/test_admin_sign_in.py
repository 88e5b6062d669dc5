"""The admin's sign-in is allauth's: a password alone does not sign in someone whose
account has an authenticator (Django's own admin form would)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

pytestmark = pytest.mark.django_db
PASSWORD = "oikein-hyva-salasana"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.VALITA_REQUIRE_MFA = True


def test_admin_login_does_not_skip_the_second_factor(client, network_coordinator):
    network_coordinator.set_password(PASSWORD)
    network_coordinator.save()
    EmailAddress.objects.create(
        user=network_coordinator, email=network_coordinator.email, verified=True, primary=True
    )
    Authenticator.objects.create(
        user=network_coordinator, type=Authenticator.Type.TOTP, data={"secret": "x" * 32}
    )
    client.post(
        "/fi/admin/login/?next=/fi/admin/",
        {"username": network_coordinator.email, "password": PASSWORD, "next": "/fi/admin/"},
    )
    assert "_auth_user_id" not in client.session
    assert client.get("/fi/admin/").status_code != 200
