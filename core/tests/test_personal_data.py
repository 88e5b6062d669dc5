import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from accounts.models import User
from core import personal_data
from core.access_log import log_access, subject_fingerprint
from core.models import AccessLog
from projects.models import ContactPerson, Membership
from projects.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
EMAIL = "maija.meikalainen@example.org"


@pytest.fixture
def person(project, other_project):
    user = UserFactory(email=EMAIL, first_name="Maija", last_name="Meikäläinen")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    MembershipFactory(user=user, project=project)
    MembershipFactory(user=user, project=other_project)
    ContactPerson.objects.create(project=project, name="Maija Meikäläinen", email=EMAIL.upper())
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[user],
        action_flag=ADDITION,
        change_message="",
        single_object=True,
    )
    return user


def _dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue().lower()


def _counts() -> dict:
    return {
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "contacts": ContactPerson.objects.count(),
    }


def test_export_contains_the_account_and_project_data(
    person, project, other_project, network_coordinator
):
    out = io.StringIO()
    call_command(
        "personal_data",
        "--email",
        EMAIL.upper(),
        "--export",
        "--actor",
        network_coordinator.email,
        stdout=out,
    )
    data = json.loads(out.getvalue())
    account = data["sections"]["accounts.account"]
    assert account["email"] == EMAIL
    assert account["first_name"] == "Maija"
    assert account["email_addresses"] == [{"email": EMAIL, "verified": True, "primary": True}]
    projects = {m["project"] for m in data["sections"]["projects.memberships"]}
    assert projects == {project.name, other_project.name}
    assert data["sections"]["projects.contacts"][0]["name"] == "Maija Meikäläinen"
    assert AccessLog.objects.filter(what="personal_data.export").count() == 1


def test_export_of_someone_without_an_account(db):
    data = personal_data.export_person("nobody@example.org")
    assert data["has_account"] is False
    assert data["sections"]["accounts.account"] is None


def test_erase_leaves_no_trace_of_the_address_and_keeps_counts(person, network_coordinator):
    before = _counts()
    assert EMAIL in _dump()
    call_command(
        "personal_data",
        "--email",
        EMAIL,
        "--erase",
        "--actor",
        network_coordinator.email,
        stdout=io.StringIO(),
    )
    dump = _dump()
    assert EMAIL not in dump
    assert "meikäläinen" not in dump and "meik\\u00e4l\\u00e4inen" not in dump
    assert _counts() == before
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert Membership.objects.filter(user=person).count() == 2
    # Idempotent: a second erase finds nothing more.
    assert sum(personal_data.erase_person(EMAIL).values()) == 0


def test_erase_is_one_transaction(person, monkeypatch):
    def broken(email, user):
        raise RuntimeError("a section failed")

    monkeypatch.setitem(
        personal_data._sections, "zz.broken", personal_data.Section("zz.broken", broken, broken)
    )
    with pytest.raises(RuntimeError):
        personal_data.erase_person(EMAIL)
    person.refresh_from_db()
    assert person.email == EMAIL
    assert ContactPerson.objects.get().email == EMAIL.upper()


@pytest.mark.parametrize("action", ["--export", "--erase"])
def test_the_command_line_logs_who_ran_it_whose_data_and_the_command(
    person, network_coordinator, action
):
    call_command(
        "personal_data",
        "--email",
        EMAIL.upper(),
        action,
        "--actor",
        network_coordinator.email.upper(),
        stdout=io.StringIO(),
    )
    entry = AccessLog.objects.get()
    assert entry.who == network_coordinator
    assert entry.what == f"personal_data.{action[2:]}"
    assert entry.path == f"manage.py personal_data {action}"
    assert entry.subject == subject_fingerprint(EMAIL) != ""
    assert EMAIL not in entry.subject


@pytest.mark.parametrize("actor", [None, "nobody@example.org", "coordinator"])
def test_the_command_line_refuses_to_run_without_a_known_actor(person, coordinator, actor):
    args = ["personal_data", "--email", EMAIL, "--erase"]
    if actor:
        args += ["--actor", coordinator.email if actor == "coordinator" else actor]
    with pytest.raises(CommandError):
        call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())
    person.refresh_from_db()
    assert person.email == EMAIL
    assert not AccessLog.objects.exists()


def test_the_access_log_finds_a_person_s_rows_by_their_address(client, network_coordinator):
    log_access(network_coordinator, "personal_data.export", subject=EMAIL)
    log_access(network_coordinator, "personal_data.export", subject="someone@example.org")
    client.force_login(network_coordinator)
    page = client.get("/fi/admin/valita/accesslog/", {"q": EMAIL.upper()})
    assert page.context["cl"].result_count == 1
    assert page.context["cl"].result_list[0].subject == subject_fingerprint(EMAIL)


def test_every_app_module_is_discovered():
    names = {s.name for s in personal_data.sections()}
    assert {"accounts.account", "projects.memberships", "projects.contacts"} <= names


def test_log_access_records_who_what_and_which_object(rf, coordinator, project):
    request = rf.get("/fi/tapahtumat/x/ilmoittautuneet/")
    request.user = coordinator
    entry = log_access(request, "events.registrations.view", project)
    assert entry.who == coordinator
    assert entry.object_type == ContentType.objects.get_for_model(project)
    assert entry.object_id == str(project.pk)
    assert entry.path == "/fi/tapahtumat/x/ilmoittautuneet/"
    assert entry.at is not None


def test_network_coordinators_read_the_access_log_and_nobody_edits_it(
    client, network_coordinator, coordinator, project
):
    entry = log_access(coordinator, "surveys.responses.export", project)
    client.force_login(network_coordinator)
    assert client.get("/fi/admin/valita/accesslog/").status_code == 200
    assert client.get(f"/fi/admin/valita/accesslog/{entry.pk}/change/").status_code == 200
    assert client.post(f"/fi/admin/valita/accesslog/{entry.pk}/delete/").status_code == 403
    assert AccessLog.objects.filter(pk=entry.pk).exists()
    client.force_login(coordinator)
    assert client.get("/fi/admin/valita/accesslog/").status_code in (302, 403)


def test_admin_export_and_erase_for_network_coordinators(client, network_coordinator, person):
    client.force_login(network_coordinator)
    url = "/fi/admin/valita/accesslog/personal-data/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"email": EMAIL, "action": "export"})
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["sections"]["accounts.account"]["email"] == EMAIL
    response = client.post(url, {"email": EMAIL, "action": "erase", "confirm": "wrong@x.org"})
    assert response.status_code == 200 and "Kirjoita sama osoite" in response.content.decode()
    assert User.objects.filter(email=EMAIL).exists()
    response = client.post(url, {"email": EMAIL, "action": "erase", "confirm": EMAIL})
    assert response.status_code == 302
    assert not User.objects.filter(email=EMAIL).exists()
    rows = AccessLog.objects.values_list("what", "who", "subject")
    assert set(rows) == {
        ("personal_data.export", network_coordinator.pk, subject_fingerprint(EMAIL)),
        ("personal_data.erase", network_coordinator.pk, subject_fingerprint(EMAIL)),
    }


def test_project_coordinators_cannot_reach_personal_data(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/fi/admin/valita/accesslog/personal-data/").status_code in (302, 403)


@pytest.mark.parametrize(
    ("language", "rows", "message"),
    [
        ("fi", 1, "Henkilötiedot poistettiin tai anonymisoitiin: 1 rivi."),
        ("fi", 2, "Henkilötiedot poistettiin tai anonymisoitiin: 2 riviä."),
        ("sv", 1, "Personuppgifterna raderades eller anonymiserades: 1 rad."),
        ("sv", 2, "Personuppgifterna raderades eller anonymiserades: 2 rader."),
    ],
)
def test_the_count_of_erased_rows_is_in_the_right_plural_form(
    client, network_coordinator, project, other_project, language, rows, message
):
    for contact_project in [project, other_project][:rows]:
        ContactPerson.objects.create(project=contact_project, name="Maija", email=EMAIL)
    client.force_login(network_coordinator)
    response = client.post(
        f"/{language}/admin/valita/accesslog/personal-data/",
        {"email": EMAIL, "action": "erase", "confirm": EMAIL},
        follow=True,
    )
    assert message in response.content.decode()
