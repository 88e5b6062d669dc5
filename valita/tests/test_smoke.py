import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/fi/", "/sv/", "/fi/hankkeet/", "/sv/projekt/"])
def test_public_pages_answer(client, url):
    assert client.get(url).status_code == 200
