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


# A cached page never carries one visitor's data, token or nonce to another.

SECRET_NAME = "Salainen Sirkka"


@pytest.fixture
def signed_in(client, coordinator):
    coordinator.first_name, coordinator.last_name = SECRET_NAME.split()
    coordinator.save()
    client.force_login(coordinator)
    return client


@pytest.mark.parametrize(
    "path", ["/fi/", "/fi/hankkeet/", "/sv/projekt/", "/fi/tietosuojaseloste/"]
)
def test_a_signed_in_visit_first_leaves_nothing_for_the_anonymous_next(signed_in, path, project):
    from django.test import Client

    personal = signed_in.get(path)
    assert "Kirjaudu ulos" in personal.content.decode() or "Logga ut" in personal.content.decode()
    anonymous = Client().get(path)
    again = Client().get(path)
    assert again["X-Page-Cache"] == "hit"
    for response in (anonymous, again):
        html = response.content.decode()
        assert SECRET_NAME not in html and "Sirkka" not in html
        assert "Kirjaudu ulos" not in html and "Logga ut" not in html
        assert "csrfmiddlewaretoken" not in html
        assert "nonce" not in html
        assert not response.cookies


def test_each_visitor_gets_their_own_csrf_token(client):
    from django.test import Client

    first, second = client.get("/fi/tili/login/"), Client().get("/fi/tili/login/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


@pytest.mark.urls("valita.tests.leak_urls")
def test_a_message_shown_to_one_visitor_is_not_served_to_the_next(client):
    from django.test import Client

    first = client.get("/fi/vuoto/viesti/")
    assert "Henkilökohtainen viesti 42" in first.content.decode()
    assert first.get("X-Page-Cache") is None  # not stored
    assert Client().get("/fi/vuoto/viesti/").get("X-Page-Cache") is None


def test_a_message_after_sign_out_stays_with_that_visitor(client, coordinator):
    from django.test import Client

    client.force_login(coordinator)
    client.post("/fi/tili/logout/")
    mine = client.get("/fi/").content.decode()
    theirs = Client().get("/fi/").content.decode()
    assert "message" in mine  # allauth says "you have signed out"
    assert 'class="message' not in theirs


@pytest.mark.urls("valita.tests.leak_urls")
def test_a_csp_nonce_is_never_shared(client):
    from django.test import Client

    first = client.get("/fi/vuoto/nonce/")
    second = Client().get("/fi/vuoto/nonce/")
    assert first.get("X-Page-Cache") is None and second.get("X-Page-Cache") is None
    assert first.content != second.content
