import pytest

from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_anonymous_pages_are_served_from_the_cache(client, django_assert_num_queries):
    ProjectFactory()
    first = client.get("/fi/hankkeet/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fi/hankkeet/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_saved_change_retires_cached_pages(client):
    project = ProjectFactory(name_fi="Vanha nimi")
    assert "Vanha nimi" in client.get("/fi/hankkeet/").content.decode()
    project.name_fi = "Uusi nimi"
    project.save()
    response = client.get("/fi/hankkeet/")
    assert response["X-Page-Cache"] == "miss"
    assert "Uusi nimi" in response.content.decode()


def test_signed_in_users_never_get_cached_pages(client, coordinator):
    client.get("/fi/hankkeet/")
    client.force_login(coordinator)
    response = client.get("/fi/hankkeet/")
    assert "X-Page-Cache" not in response
    assert "Kirjaudu ulos" in response.content.decode()


def test_pages_with_a_csrf_token_are_not_cached(client):
    response = client.get("/fi/tili/login/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "csrfmiddlewaretoken" in response.content.decode()


def test_the_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert "X-Page-Cache" not in client.get("/fi/")
