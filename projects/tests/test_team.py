"""A project's coordinators in the workspace (projects/team.py): network coordinators add
them by address (an invitation for an account without a password, through the outbox),
send the invitation again and remove them; the project's own coordinators see who else
edits it; nobody else sees the page."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts.services import SEND_INVITATION
from core import outbox
from core.models import OutboxMessage
from projects.models import Membership
from projects.team import SEND_COORDINATOR_ADDED
from projects.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "Pitka-ja-hyva-salasana-42"


def page(project, name="project_coordinators", *args):
    return reverse(f"projects_workspace:{name}", args=[project.slug, *args])


def add(client, project, **data):
    values = {
        "email": "uusi@example.org",
        "first_name": "Uusi",
        "last_name": "Koordi",
        "language": "fi",
        **data,
    }
    return client.post(page(project), values)


def test_a_new_address_gets_an_account_the_role_and_an_invitation_that_works(
    client, network_coordinator, project
):
    client.force_login(network_coordinator)
    response = add(client, project, email=" Uusi@Example.org ", language="sv")
    assert response.status_code == 302
    user = User.objects.get(email="uusi@example.org")
    assert not user.has_usable_password() and user.language == "sv"
    assert Membership.objects.filter(user=user, project=project).exists()
    assert mail.outbox == []  # queued: the worker sends it
    assert OutboxMessage.objects.filter(task=SEND_INVITATION).count() == 1
    listing = client.get(page(project)).text
    assert "Kutsu lähtee osoitteeseen uusi@example.org hetken kuluttua." in listing
    assert "Kutsuttu, ei vielä käytössä" in listing

    assert outbox.run_pending_inline() == 1
    (sent,) = mail.outbox
    path = re.search(r"https?://[^/\s]+(/\S+)", sent.body).group(1)
    client.logout()
    client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    client.force_login(user)
    assert client.get(page(project, "project_edit")).status_code == 200


def test_an_account_in_use_gains_the_project_and_a_mail_that_says_so(
    client, network_coordinator, project, settings
):
    settings.SITE_URL = "https://portaali.example.org"
    colleague = UserFactory(email="kollega@example.org", language="sv")
    client.force_login(network_coordinator)
    response = add(client, project, email="KOLLEGA@example.org", first_name="Ei muutu")
    assert response.status_code == 302
    assert Membership.objects.filter(user=colleague, project=project).exists()
    colleague.refresh_from_db()
    assert colleague.first_name != "Ei muutu" and colleague.has_usable_password()
    assert "Hän saa siitä viestin hetken kuluttua" in client.get(page(project)).text
    assert not OutboxMessage.objects.filter(task=SEND_INVITATION).exists()
    (message,) = OutboxMessage.objects.filter(task=SEND_COORDINATOR_ADDED)
    assert "kollega" not in str(message.args) + str(message.kwargs)  # ids only

    outbox.run_pending_inline()
    (sent,) = mail.outbox
    assert sent.to == ["kollega@example.org"]
    assert sent.subject == f"Du har lagts till som koordinator för projektet {project.name_sv}"
    assert "https://portaali.example.org/sv/arbetsyta/" in sent.body


@pytest.mark.parametrize("change", ["role taken away", "account closed"])
def test_no_mail_when_the_role_or_account_ends_before_the_worker_runs(
    client, network_coordinator, project, change
):
    colleague = UserFactory(email="kollega@example.org")
    client.force_login(network_coordinator)
    add(client, project, email=colleague.email)
    if change == "role taken away":
        Membership.objects.filter(user=colleague).delete()
    else:
        colleague.is_active = False
        colleague.save()
    outbox.run_pending_inline()
    assert mail.outbox == []
    (message,) = OutboxMessage.objects.filter(task=SEND_COORDINATOR_ADDED)
    assert message.done_at is not None and not message.last_error  # done, not failing


def test_someone_who_holds_the_role_already_is_told_so_at_the_address(
    client, network_coordinator, coordinator, project
):
    client.force_login(network_coordinator)
    response = add(client, project, email=coordinator.email)
    assert response.status_code == 200
    assert "jo tämän hankkeen koordinaattorin rooli" in response.text
    assert 'id="id_email_error"' in response.text and 'id="error-summary"' in response.text
    assert Membership.objects.filter(project=project).count() == 1


def test_a_closed_account_is_refused_and_nothing_is_saved(client, network_coordinator, project):
    closed = UserFactory(email="suljettu@example.org", is_active=False)
    client.force_login(network_coordinator)
    response = add(client, project, email=closed.email)
    assert response.status_code == 200 and "on suljettu" in response.text
    assert not Membership.objects.filter(user=closed).exists()
    assert not OutboxMessage.objects.exists()


def test_bad_input_is_answered_at_the_field_in_the_users_language(
    client, network_coordinator, project
):
    client.force_login(network_coordinator)
    count = User.objects.count()
    response = add(client, project, email="ei-osoite", language="en")
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.text and 'id="id_language_error"' in response.text
    assert User.objects.count() == count
    with override("sv"):
        url = page(project)
    response = client.post(url, {"email": "ei-osoite", "language": "fi"})
    assert "Fyll i en giltig e-postadress." in response.text


def test_the_projects_coordinators_see_who_else_edits_it_but_change_nothing(
    client, coordinator, project
):
    colleague = MembershipFactory(project=project, user__email="toinen@example.org")
    client.force_login(coordinator)
    response = client.get(page(project))
    assert response.status_code == 200
    assert "toinen@example.org" in response.text and 'name="email"' not in response.text
    assert add(client, project).status_code == 403
    assert client.post(page(project, "coordinator_reinvite", colleague.pk)).status_code == 403
    assert client.get(page(project, "coordinator_remove", colleague.pk)).status_code == 403
    assert client.post(page(project, "coordinator_remove", colleague.pk)).status_code == 403
    assert Membership.objects.filter(project=project).count() == 2
    assert not User.objects.filter(email="uusi@example.org").exists()


@pytest.mark.parametrize("role", ["other_coordinator", "oph", "visitor"])
def test_nobody_else_sees_the_page(client, cast, role, project, coordinator):
    membership = coordinator.memberships.get()
    if role != "visitor":
        client.force_login(cast[role])
    for response in (
        client.get(page(project)),
        add(client, project),
        client.post(page(project, "coordinator_reinvite", membership.pk)),
        client.post(page(project, "coordinator_remove", membership.pk)),
    ):
        # A visitor is sent to sign in; a signed-in user without the project gets no page.
        assert response.status_code == (302 if role == "visitor" else 404)
    assert Membership.objects.filter(project=project).count() == 1
    assert not OutboxMessage.objects.exists()


def test_removal_asks_first_and_then_ends_the_access(
    client, network_coordinator, coordinator, project
):
    membership = coordinator.memberships.get()
    client.force_login(network_coordinator)
    confirm = client.get(page(project, "coordinator_remove", membership.pk))
    assert confirm.status_code == 200 and coordinator.email in confirm.text
    assert Membership.objects.filter(pk=membership.pk).exists()
    response = client.post(page(project, "coordinator_remove", membership.pk))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert User.objects.filter(pk=coordinator.pk, is_active=True).exists()
    client.force_login(coordinator)
    assert client.get(page(project, "project_edit")).status_code in (403, 404)


def test_a_membership_of_another_project_is_not_reached_through_this_one(
    client, network_coordinator, project, other_coordinator
):
    elsewhere = other_coordinator.memberships.get()
    client.force_login(network_coordinator)
    assert client.post(page(project, "coordinator_remove", elsewhere.pk)).status_code == 404
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_an_invitation_is_sent_again_only_to_an_account_without_a_password(
    client, network_coordinator, coordinator, project
):
    invited = User.objects.create_user("kutsuttu@example.org")
    invited.set_unusable_password()
    invited.invited_at = timezone.now() - timedelta(days=30)
    invited.save()
    waiting = MembershipFactory(project=project, user=invited)
    client.force_login(network_coordinator)
    assert "Kutsu vanhentunut" in client.get(page(project)).text

    response = client.post(page(project, "coordinator_reinvite", waiting.pk), follow=True)
    assert "Uusi kutsu lähtee" in response.text
    invited.refresh_from_db()
    assert timezone.now() - invited.invited_at < timedelta(minutes=1)
    assert OutboxMessage.objects.filter(task=SEND_INVITATION).count() == 1

    in_use = coordinator.memberships.get()
    response = client.post(page(project, "coordinator_reinvite", in_use.pk), follow=True)
    assert "kutsua ei lähetetty" in response.text
    assert OutboxMessage.objects.filter(task=SEND_INVITATION).count() == 1


def test_the_page_makes_the_same_queries_for_many_coordinators(
    client, network_coordinator, project
):
    client.force_login(network_coordinator)
    MembershipFactory(project=project)
    client.get(page(project))
    with CaptureQueriesContext(connection) as few:
        client.get(page(project))
    MembershipFactory.create_batch(10, project=project)
    with CaptureQueriesContext(connection) as many:
        assert client.get(page(project)).status_code == 200
    assert len(many) == len(few)


def test_the_project_list_links_the_coordinators_with_their_count(
    client, network_coordinator, coordinator, project
):
    client.force_login(network_coordinator)
    text = client.get(reverse("projects_workspace:project_list")).text
    assert page(project) in text and "1 koordinaattori" in text
