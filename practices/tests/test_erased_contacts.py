"""An erased contact leaves the cached practice page at once (the erasure's update sends
no signal, so it retires the pages itself)."""

import pytest

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
