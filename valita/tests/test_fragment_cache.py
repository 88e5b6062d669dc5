"""Fragments of pages (`{% cache %}` keyed on core.content_cache's scoped generations):
rendered once while their content stands, never carrying one visitor's token, nonce or
signed-in view to another, and retired only by a change to what they show."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.template import RequestContext, Template
from django.template.loader_tags import BlockNode, ExtendsNode
from django.templatetags.cache import CacheNode
from django.test import RequestFactory

from blog.tests.factories import PostFactory
from core import content_cache
from events.tests.factories import EventFactory, RegistrationFactory
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


@pytest.mark.django_db(transaction=True)
def test_a_saved_change_retires_fragments_at_commit(uncached_client):
    project = ProjectFactory(name_fi="Vanha nimi")
    assert "Vanha nimi" in uncached_client.get("/fi/").content.decode()
    with transaction.atomic():
        project.name_fi = "Uusi nimi"
        project.save()
        project.save()
        assert "Vanha nimi" in uncached_client.get("/fi/").content.decode()  # not committed
        pending = [c for _s, c, _r in transaction.get_connection().run_on_commit]
        assert len(pending) == 1  # one retirement per transaction, however many saves
    assert "Uusi nimi" in uncached_client.get("/fi/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_registration_retires_its_event_s_fragments_and_no_list_s(
    uncached_client, django_assert_max_num_queries
):
    project = ProjectFactory()
    event = EventFactory(projects=[project], registration_enabled=True)
    PostFactory(projects=[project])
    pages = {"event": event.get_absolute_url(), "events": "/fi/tapahtumat/", "blog": "/fi/blogi/"}
    for path in pages.values():
        uncached_client.get(path)
    RegistrationFactory(event=event)

    def queries(path) -> int:
        with django_assert_max_num_queries(50) as captured:
            uncached_client.get(path)
        return len(captured)

    assert queries(pages["event"]) >= 1  # its places are counted again (a hit costs none)
    assert queries(pages["events"]) == 0  # no list shows the places: every fragment stands
    assert queries(pages["blog"]) == 0


def test_signed_in_users_render_their_own_view_and_leave_nothing_shared(coordinator):
    template = Template(
        "{% load cache %}{% cache fragment_seconds greeting content_version "
        "using=fragment_cache %}{{ user.email }}{% endcache %}"
    )
    signed_in, anonymous = RequestFactory().get("/fi/"), RequestFactory().get("/fi/")
    signed_in.user, anonymous.user = coordinator, AnonymousUser()
    assert coordinator.email in template.render(RequestContext(signed_in))
    shared = template.render(RequestContext(anonymous))
    assert coordinator.email not in shared
    # …and what the anonymous visitor left is not what the signed-in user gets.
    assert coordinator.email in template.render(RequestContext(signed_in))


def test_a_slug_of_the_other_language_redirects_without_sending_the_next_visitor_round(client):
    """The page's object is kept for visitors; whether their slug was the other language's
    is decided per request (once it was kept too, and the right address redirected to itself)."""
    event = EventFactory(slug_fi="kevaan-verkostopaiva", slug_sv="varens-natverksdag")
    wrong = client.get("/sv/evenemang/kevaan-verkostopaiva/")
    assert wrong.status_code == 301 and wrong["Location"].endswith("/varens-natverksdag/")
    assert client.get("/fi/tapahtumat/kevaan-verkostopaiva/").status_code == 200
    assert client.get(event.get_absolute_url()).status_code == 200


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


def _cache_blocks(nodelist):
    for node in nodelist:
        if isinstance(node, CacheNode):
            yield node
        for attr in getattr(node, "child_nodelists", ()):
            yield from _cache_blocks(getattr(node, attr, None) or [])


def _inside(nodelist):
    for node in nodelist:
        yield node
        for attr in getattr(node, "child_nodelists", ()):
            yield from _inside(getattr(node, attr, None) or [])


def _templates_with_cache_blocks():
    from django.template import engines

    engine = engines["django"].engine
    root = Path(settings.BASE_DIR) / "templates"
    for path in sorted(root.rglob("*.html")):
        text = path.read_text()
        if "{% cache " in text:
            yield (
                path.relative_to(root).as_posix(),
                engine.get_template(path.relative_to(root).as_posix()),
            )


def test_the_templates_use_fragments():
    assert len(list(_templates_with_cache_blocks())) >= 10


@pytest.mark.parametrize(
    "name,template", list(_templates_with_cache_blocks()), ids=lambda value: str(value)
)
def test_no_fragment_holds_a_visitor_s_token_or_the_response_s_nonce(name, template):
    """A `{% cache %}` block is shared by every anonymous visitor: a CSRF token or a CSP
    nonce inside it would be another visitor's. Includes are followed by name."""
    from django.template import engines
    from django.template.loader_tags import IncludeNode

    engine = engines["django"].engine
    nodes = template.nodelist
    for extends in (n for n in nodes if isinstance(n, ExtendsNode)):
        nodes = [n for n in _inside(extends.nodelist) if isinstance(n, BlockNode)]
    blocks = list(_cache_blocks(nodes))
    assert blocks, name
    for block in blocks:
        # Signed-in users' and respondents' renderings go to a cache that keeps nothing.
        assert block.cache_name is not None and block.cache_name.token == "fragment_cache", name
        queue = list(_inside(block.nodelist))
        while queue:
            node = queue.pop()
            source = getattr(node, "token", None)
            text = source.contents if source else ""
            assert "csrf_token" not in text and "csp_nonce" not in text, (name, text)
            if isinstance(node, IncludeNode):
                included = node.template.resolve({})
                if isinstance(included, str):
                    queue.extend(_inside(engine.get_template(included).nodelist))


def test_the_fragment_key_names_the_scopes_and_the_language():
    request = RequestFactory().get("/fi/tapahtumat/")
    request.user = AnonymousUser()
    request.content_scopes = ("projects", "events")
    context = RequestContext(request)
    with context.bind_template(Template("")):
        version, seconds = context["content_version"], context["fragment_seconds"]
        using = context["fragment_cache"]
    assert version.startswith("fi:projects=") and ",events=" in version
    assert "blog" not in version
    assert seconds == settings.PAGE_CACHE_SECONDS and using == "template_fragments"


def test_fragments_are_keyed_on_the_generations_read_before_the_view_ran():
    """A change committed while a page renders retires what it renders: the key names the
    generations the page cache middleware read first, not those at rendering time."""
    request = RequestFactory().get("/fi/tapahtumat/")
    request.user = AnonymousUser()
    request.content_scopes = ("projects", "events")
    request.content_generations = {**content_cache.current_generations(), "events": 7}
    content_cache.retire("events")  # committed meanwhile
    context = RequestContext(request)
    with context.bind_template(Template("")):
        assert ",events=7" in context["content_version"]


def test_another_process_s_change_shows_once_the_generations_are_checked_again(settings):
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 60
    seen = content_cache.current_generations()["events"]
    cache.incr(content_cache.GENERATION_PREFIX + "events")  # what a save in another process does
    assert content_cache.current_generations()["events"] == seen
    settings.PAGE_CACHE_GENERATION_CHECK_SECONDS = 0
    assert content_cache.current_generations()["events"] == seen + 1


def test_after_the_shared_cache_is_lost_no_page_held_in_memory_is_served(uncached_client):
    """Redis keeps nothing on disk: after a restart the generations start again, and they
    must not match what a process still holds in memory from before."""
    starts = set()
    for _ in range(3):
        cache.clear()
        content_cache.forget_local()  # as each process's next check does
        starts.add(content_cache.current_generations()["projects"])
    assert len(starts) == 3
    ProjectFactory(name_fi="Ennen")
    assert "Ennen" in uncached_client.get("/fi/hankkeet/").content.decode()
    cache.clear()
    content_cache.forget_local()
    Project.objects.update(name_fi="Jälkeen")  # a change that sent no signal
    assert "Jälkeen" in uncached_client.get("/fi/hankkeet/").content.decode()
