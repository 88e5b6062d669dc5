"""Erasure reaches the admin's history (LogEntry): a membership is logged as "<full name> –
<project>", and a contact person added inline on a project by name in the project's change
message."""

import json

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

from core import personal_data
from projects.models import ContactPerson
from projects.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
EMAIL = "maija.meikalainen@example.org"


def _all_log_text() -> str:
    texts = []
    for entry in LogEntry.objects.all():
        message = json.dumps(json.loads(entry.change_message or "[]"), ensure_ascii=False)
        texts.append(f"{entry.object_repr} {entry.change_message} {message}")
    return " ".join(texts).lower()


def test_erase_removes_the_name_from_membership_log_entries(project, network_coordinator):
    user = UserFactory(email=EMAIL, first_name="Maija", last_name="Meikäläinen")
    membership = MembershipFactory(user=user, project=project)
    # What the admin writes when a network coordinator adds the membership.
    LogEntry.objects.log_actions(
        user_id=network_coordinator.pk,
        queryset=[membership],
        action_flag=ADDITION,
        change_message=[{"added": {}}],
        single_object=True,
    )
    assert "meikäläinen" in _all_log_text()
    personal_data.erase_person(EMAIL)
    assert "meikäläinen" not in _all_log_text()


def test_erase_removes_the_contact_name_from_the_project_change_message(
    project, network_coordinator
):
    contact = ContactPerson.objects.create(project=project, name="Maija Meikäläinen", email=EMAIL)
    # What ProjectAdmin writes when the contact is added in its inline.
    LogEntry.objects.log_actions(
        user_id=network_coordinator.pk,
        queryset=[project],
        action_flag=CHANGE,
        change_message=[{"added": {"name": "yhteyshenkilö", "object": str(contact)}}],
        single_object=True,
    )
    personal_data.erase_person(EMAIL)
    assert "meikäläinen" not in _all_log_text()
