"""Shared fragments (core.content_cache): rendered once per content generation, never
carrying one visitor's token, nonce or signed-in view to another."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.template import Origin, RequestContext, Template
from django.test import RequestFactory
from django.utils.csp import LazyNonce

from core import content_cache
from events.tests.factories import EventFactory
from projects.models import Project
from projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached_client(client):
    """A visitor whose pages skip the whole-page cache (a messages cookie), so that
    each request renders the page and only the fragments can come from the cache."""
    client.cookies["messages"] = "stale"
    return client


def test_a_fragment_is_rendered_once_and_then_costs_no_query(
    uncached_client, django_assert_num_queries
):
    ProjectFactory(name_fi="Ensimmäinen hanke")
    first = uncached_client.get("/fi/")
    assert "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = uncached_client.get("/fi/")
    assert second.content == first.content
    assert "Ensimmäinen hanke" in second.content.decode()


def test_a_fragment_differs_by_language_and_by_its_values(uncached_client):
    ProjectFactory(name_fi="Suomeksi", name_sv="På svenska")
    assert "Suomeksi" in uncached_client.get("/fi/hankkeet/").content.decode()
    assert "På svenska" in uncached_client.get("/sv/projekt/").content.decode()
    search = uncached_client.get("/fi/haku/?q=suomeksi").content.decode()
    other = uncached_client.get("/fi/haku/?q=olematon").content.decode()
    assert search != other


def test_a_saved_change_retires_fragments(uncached_client):
    project = ProjectFactory(name_fi="Vanha nimi")
    assert "Vanha nimi" in uncached_client.get("/fi/").content.decode()
    project.name_fi = "Uusi nimi"
    project.save()
    assert "Uusi nimi" in uncached_client.get("/fi/").content.decode()


def test_signed_in_users_render_their_own_view_and_leave_nothing_shared(coordinator):
    template = Template(
        "{% load fragment_cache %}{% cachedfragment 'greeting' %}{{ user.email }}"
        "{% endcachedfragment %}"
    )
    signed_in, anonymous = RequestFactory().get("/fi/"), RequestFactory().get("/fi/")
    signed_in.user, anonymous.user = coordinator, AnonymousUser()
    assert coordinator.email in template.render(RequestContext(signed_in, {"user": coordinator}))
    shared = template.render(RequestContext(anonymous, {"user": AnonymousUser()}))
    assert coordinator.email not in shared
    # …and what the anonymous visitor left is not what the signed-in user gets.
    assert coordinator.email in template.render(RequestContext(signed_in, {"user": coordinator}))


def test_a_coordinator_s_tools_never_reach_a_visitor(client, coordinator, project):
    event = EventFactory(projects=[project])
    url = event.get_absolute_url()
    client.force_login(coordinator)
    assert "Muokkaa ja hallitse ilmoittautumisia työtilassa" in client.get(url).content.decode()
    client.logout()
    client.cookies["messages"] = "stale"
    assert "Muokkaa ja hallitse ilmoittautumisia työtilassa" not in client.get(url).content.decode()
    client.force_login(coordinator)
    assert "Muokkaa ja hallitse ilmoittautumisia työtilassa" in client.get(url).content.decode()


def _render_twice(code: str, with_nonce: bool = False) -> tuple[str, str]:
    """One fragment rendered for two anonymous visitors (the real context processors)."""
    template = Template("{% load fragment_cache %}" + code)
    outputs = []
    for _ in range(2):
        request = RequestFactory().get("/fi/")
        request.user = AnonymousUser()
        if with_nonce:
            request._csp_nonce = LazyNonce()
        outputs.append(template.render(RequestContext(request)))
    return outputs[0], outputs[1]


def test_a_fragment_that_used_a_csrf_token_is_never_stored():
    first, second = _render_twice(
        "{% cachedfragment 'form' %}{% csrf_token %}{% endcachedfragment %}"
    )
    assert "csrfmiddlewaretoken" in first
    assert first != second


def test_a_fragment_that_used_the_csp_nonce_is_never_stored():
    first, second = _render_twice(
        "{% cachedfragment 'script' %}{{ csp_nonce }}{% endcachedfragment %}", with_nonce=True
    )
    assert first and first != second


def test_a_token_or_nonce_used_earlier_in_the_page_does_not_hide_a_use_inside():
    first, second = _render_twice(
        "{% csrf_token %}{% cachedfragment 'form' %}{% csrf_token %}{% endcachedfragment %}"
    )
    assert first != second
    first, second = _render_twice(
        "{{ csp_nonce }}|{% cachedfragment 'script' %}{{ csp_nonce }}{% endcachedfragment %}",
        with_nonce=True,
    )
    assert first.split("|")[1] != second.split("|")[1]


def test_the_page_s_template_is_part_of_the_key():
    request = RequestFactory().get("/fi/")
    request.user = AnonymousUser()
    outputs = [
        Template(
            "{% load fragment_cache %}{% cachedfragment 'footer' %}"
            + text
            + "{% endcachedfragment %}",
            origin=Origin(name, template_name=name),
        ).render(RequestContext(request))
        for name, text in (("a.html", "A"), ("b.html", "B"))
    ]
    assert outputs == ["A", "B"]


def test_a_fragment_without_either_is_shared():
    first, second = _render_twice(
        "{% cachedfragment 'plain' %}{% now 'u' %}{% endcachedfragment %}"
    )
    assert first == second


def test_another_process_s_change_shows_once_the_generation_is_checked_again(settings):
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 60
    seen = content_cache.page_cache_generation()
    cache.incr(content_cache.GENERATION_KEY)  # what a save in another process does
    assert content_cache.page_cache_generation() == seen
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 0
    assert content_cache.page_cache_generation() == seen + 1


def test_after_the_shared_cache_is_lost_no_page_held_in_memory_is_served(uncached_client):
    """Redis keeps nothing on disk: after a restart the generation starts again, and it must
    not match what a process still holds in memory from before."""
    starts = set()
    for _ in range(3):
        cache.clear()
        content_cache._memo.forget()  # as each process's next check does
        starts.add(content_cache.page_cache_generation())
    assert len(starts) == 3
    ProjectFactory(name_fi="Ennen")
    assert "Ennen" in uncached_client.get("/fi/hankkeet/").content.decode()
    cache.clear()
    content_cache._memo.forget()
    Project.objects.update(name_fi="Jälkeen")  # a change that sent no signal
    assert "Jälkeen" in uncached_client.get("/fi/hankkeet/").content.decode()
