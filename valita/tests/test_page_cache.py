import re

import pytest
from django.conf import settings
from django.core.cache import cache

from core.content_cache import local_store
from core.query_params import UndeclaredQueryWarning
from events.tests.factories import EventFactory, RegistrationFactory
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


@pytest.mark.django_db(transaction=True)
def test_a_saved_change_retires_cached_pages(client):
    project = ProjectFactory(name_fi="Vanha nimi")
    assert "Vanha nimi" in client.get("/fi/hankkeet/").content.decode()
    project.name_fi = "Uusi nimi"
    project.save()
    response = client.get("/fi/hankkeet/")
    assert response["X-Page-Cache"] == "miss"
    assert "Uusi nimi" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_registration_retires_its_event_s_page_and_nothing_else(client, project):
    """Measured before scoped generations: one registration turned every cached page,
    /fi/hankkeet/ too, into a miss. It changes only its event's page (the places left)."""
    event, other = EventFactory.create_batch(2, projects=[project], registration_enabled=True)
    paths = (
        event.get_absolute_url(),
        other.get_absolute_url(),
        "/fi/tapahtumat/",
        "/fi/",
        "/fi/hankkeet/",
        "/fi/blogi/",
    )
    for path in paths:
        client.get(path)
    RegistrationFactory(event=event)
    states = [client.get(path)["X-Page-Cache"] for path in paths]
    assert states == ["miss", "hit", "hit", "hit", "hit", "hit"]
    # An edit of the event itself retires every page that shows events.
    event.title_fi = "Uusi nimi"
    event.save()
    states = [client.get(path)["X-Page-Cache"] for path in paths]
    assert states == ["miss", "miss", "miss", "miss", "hit", "hit"]


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


# A visitor who already holds a CSRF cookie opens a cacheable page with a form (the
# sign-in page would prove nothing: its path is never cached). The page carries their
# token; both the token check and the cookie check (Django renews the cookie) stop it.


def _csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_form_page_with_a_visitors_csrf_token_is_not_served_to_the_next(client):
    from django.test import Client

    event = EventFactory(registration_enabled=True, capacity_in_person=10)
    path = f"/fi/tapahtumat/{event.slug_fi}/ilmoittaudu/"
    client.get(path)  # the visitor gets their CSRF cookie
    assert "csrftoken" in client.cookies
    mine = client.get(path)
    assert mine.status_code == 200
    token = _csrf_token(mine.content.decode())
    for _ in range(2):
        theirs = Client().get(path)
        assert theirs.get("X-Page-Cache") != "hit"
        assert token not in theirs.content.decode()


@pytest.mark.urls("valita.tests.leak_urls")
def test_a_response_that_sets_a_cookie_is_never_stored(client):
    from django.test import Client

    first = client.get("/fi/vuoto/eväste/")
    assert first.cookies["visitor"].value == "henkilokohtainen-42"
    assert first.get("X-Page-Cache") is None  # not stored
    second = Client().get("/fi/vuoto/eväste/")
    assert second.get("X-Page-Cache") is None


# Pages are keyed on the query parameters their views read, nothing else
# (core/query_params.py): junk parameters cannot fill the cache.


def _stored_keys() -> set:
    """Every key in the shared cache (Redis or local memory) and in this process's store."""
    backend = cache._cache
    redis = not isinstance(backend, dict)
    shared = set(backend.get_client(None).keys("*")) if redis else set(backend)
    return shared | set(local_store._items)


@pytest.mark.parametrize("path", ["/fi/", "/fi/tapahtumat/", "/sv/evenemang/", "/fi/kaytannot/"])
@pytest.mark.parametrize("session_cookie", [False, True])
def test_junk_query_parameters_add_no_cache_keys(client, project, path, session_cookie):
    EventFactory(projects=[project])
    if session_cookie:  # such a visitor skips the page cache but shares its fragments
        client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    assert client.get(f"{path}?utm_source=0").status_code == 200
    assert client.get(path).status_code == 200
    before = _stored_keys()
    for n in range(1, 101):
        response = client.get(f"{path}?utm_source={n}&fbclid=x{n}")
        assert response.status_code == 200
        if not session_cookie:
            assert response["X-Page-Cache"] == "hit"
    assert _stored_keys() == before


def test_junk_parameters_are_not_written_into_a_cached_page(client):
    from django.test import Client

    first = client.get("/fi/?utm_source=myrkky")
    assert "myrkky" not in first.content.decode()
    again = Client().get("/fi/")
    assert again["X-Page-Cache"] == "hit"
    assert "myrkky" not in again.content.decode()


def test_declared_parameters_key_the_page(client, project):
    from projects.tests.factories import ThemeFactory

    theme = ThemeFactory()
    other = ProjectFactory(name_fi="Teematon hanke")
    project.themes.add(theme)
    everything = client.get("/fi/hankkeet/").content.decode()
    filtered = client.get(f"/fi/hankkeet/?teema={theme.slug_fi}")
    assert filtered["X-Page-Cache"] == "miss"
    assert other.name_fi in everything and other.name_fi not in filtered.content.decode()
    again = client.get(f"/fi/hankkeet/?utm_source=1&teema={theme.slug_fi}")
    assert again["X-Page-Cache"] == "hit"
    assert again.content == filtered.content


@pytest.mark.urls("valita.tests.leak_urls")
def test_a_page_that_reads_an_undeclared_parameter_is_not_stored(client):
    with pytest.warns(UndeclaredQueryWarning, match="nimi"):
        first = client.get("/fi/vuoto/kysely/?nimi=Maija")
    assert "Maija" in first.content.decode()
    assert first.get("X-Page-Cache") is None
    with pytest.warns(UndeclaredQueryWarning):
        other = client.get("/fi/vuoto/kysely/?nimi=Ville")
    assert "Ville" in other.content.decode()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_account_pages_are_never_cached_in_either_language(client, language):
    """The account section's URL word differs by language ("tili", "konto"); the
    middleware takes both from the URLconf. This page has no form, so only the section
    rule keeps it out of the cache."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        path = reverse("account_reset_password_done")
    response = client.get(path)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
