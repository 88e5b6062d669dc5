"""An erased contact leaves the cached practice page at once (the erasure's update sends
no signal, so it retires the pages itself), and the practice's history: a restore never
brings it back."""

import pytest
from reversion.models import Version

from core import personal_data, versions
from practices.personal_data import PracticeContacts
from practices.tests.factories import PracticeFactory


@pytest.mark.django_db(transaction=True)
def test_an_erased_contact_leaves_the_cached_practice_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    practice = PracticeFactory(contact_name="Maija Meikäläinen", contact_email="maija@example.org")
    url = practice.get_absolute_url()
    assert "maija@example.org" in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    PracticeContacts().erase("maija@example.org", None)
    text = client.get(url).text
    assert "Maija Meikäläinen" not in text
    assert "maija@example.org" not in text


EMAIL = "maija.meikalainen@example.org"


@pytest.mark.django_db
def test_erase_removes_the_contact_from_the_practice_history(network_coordinator):
    practice = PracticeFactory(contact_name="Maija Meikäläinen", contact_email=EMAIL)
    with versions.revision(network_coordinator):
        practice.summary_fi = "Muutettu."
        practice.save()
    assert Version.objects.get_for_object(practice).exists()

    personal_data.erase_person(EMAIL)

    leftovers = [v.serialized_data for v in Version.objects.get_for_object(practice)]
    assert not any(EMAIL in data for data in leftovers), leftovers


@pytest.mark.django_db
def test_restore_after_erasure_does_not_republish_the_contact(network_coordinator):
    practice = PracticeFactory(contact_name="Maija Meikäläinen", contact_email=EMAIL)
    with versions.revision(network_coordinator):
        practice.save()
    personal_data.erase_person(EMAIL)
    practice.refresh_from_db()
    version = Version.objects.get_for_object(practice).first()
    versions.version_restore(obj=practice, version=version, user=network_coordinator)
    practice.refresh_from_db()
    assert practice.contact_email == ""
    assert practice.contact_name == ""
