"""An erased contact person leaves the cached project page at once (the erasure's update
sends no signal, so it retires the pages itself)."""

import pytest

from projects.personal_data import Contacts
from projects.tests.factories import ContactPersonFactory


@pytest.mark.django_db(transaction=True)
def test_an_erased_contact_leaves_the_cached_project_page(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    contact = ContactPersonFactory(name="Maija Meikäläinen", email="maija@example.org")
    url = contact.project.get_absolute_url()
    assert "maija@example.org" in client.get(url).text
    assert client.get(url)["X-Page-Cache"] == "hit"
    Contacts().erase("maija@example.org", None)
    text = client.get(url).text
    assert "Maija Meikäläinen" not in text
    assert "maija@example.org" not in text
