"""Hostile input against every URL pattern of the portal, through the whole middleware stack.

The URL resolver is walked in both languages (the admin excepted: Django's own, for staff);
each pattern's path converters get real values from a small world of content or generated
hostile ones (NUL, overlong and odd unicode text, huge numbers, tampered and validly signed
values of the wrong shape); the query parameters and form fields each view reads are found
in its module's source (`request.GET.get("…")`, forms bound to `request.GET` / `request.POST`)
and get hostile values too, sometimes several at once (a list where one is expected). Every
pattern is requested as GET and as POST, by a visitor and by a network coordinator.

Asserted: never a 500, and a refused request (4xx) leaves every table's row count as it was.
On PostgreSQL only: SQLite accepts what PostgreSQL refuses (NUL), so it would prove little.
Bounded by `EXAMPLES` per pattern (about two minutes in all).
"""

import inspect
import re
import sys
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django import forms
from django.apps import apps
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import timezone, translation
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from accounts.services import INVITATION_SALT, invitation_token_make
from blog.services import PREVIEW_SALT, preview_token
from blog.tests.factories import PostFactory
from events.emails import SIGNING_SALT as REGISTRATION_SALT
from events.emails import registration_signature
from events.tests.factories import EventFactory, RegistrationFactory
from practices.services import SIGNING_SALT as FOLLOWUP_SALT
from practices.services import followup_round_start, followup_signature
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ThemeFactory
from surveys.answering import DRAFT_SALT
from surveys.models import Collector
from surveys.tests.factories import CollectorFactory, InvitationFactory, build_survey

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.requires_postgresql("PostgreSQL refuses what SQLite stores (NUL)"),
]

EXAMPLES = 2  # generated ones per pattern, language and role, besides the explicit ones

NUL = "\x00"
ODD_TEXT = [
    NUL,
    f"a{NUL}b",
    "x" * 5000,
    "ä" * 600,
    "9" * 40,
    "-1",
    "0",
    str(2**63),
    "1e999",
    "NaN",
    "-Infinity",
    "' OR 1=1 --",
    '<script>alert(1)</script>"',
    "../../../etc/passwd",
    "%00",
    "\u202eevil",
    "\ufeff\u200b",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂",
    "\r\nSet-Cookie: x=1",
    "[]",
    '{"a": 1}',
    "null",
]
SALTS = [INVITATION_SALT, PREVIEW_SALT, REGISTRATION_SALT, FOLLOWUP_SALT, DRAFT_SALT]
WRONG_SHAPES = [5, None, [], "x", {"u": "x"}, {"post": [1]}, {"answers": 1}, {"a": NUL}]

hostile_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=40),  # any unicode, control characters included
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)
signed_wrong_shape = st.builds(
    lambda data, salt, compress: signing.dumps(data, salt=salt, compress=compress),
    st.sampled_from(WRONG_SHAPES),
    st.sampled_from(SALTS),
    st.booleans(),
)


def _tampered(value: str) -> st.SearchStrategy:
    return st.sampled_from([value[:-1], value + "x", value[::-1], value.replace(":", ":x", 1)])


# The world: one of each thing a URL can name ---------------------------------------------------


@pytest.fixture
def world(network_coordinator, project):
    theme = ThemeFactory()
    event = EventFactory(
        registration_enabled=True,
        capacity_in_person=5,
        registration_deadline=timezone.now() + timedelta(days=7),
        projects=[project],
    )
    registration = RegistrationFactory(event=event)
    built = build_survey()
    survey = built["survey"]
    collector = CollectorFactory(survey=survey, project=project)
    invitation = InvitationFactory(collector__survey=survey)
    post = PostFactory(projects=[project])
    practice = PracticeFactory()
    AdoptionFactory(practice=practice)
    followup_round = followup_round_start(
        title="Kierros", practices=[practice], closes_at=timezone.now() + timedelta(days=7)
    )
    followup = followup_round.requests.first()
    questions = [q for q in built.values() if getattr(q, "kind", None)]
    real = {
        "theme": theme.slug_fi,
        "project": project.slug_fi,
        "events": event.slug,
        "blog": post.slug,
        "practices": practice.slug_fi,
        "surveys": survey.slug_fi,
        "reports": survey.slug_fi,
        "events:pk": registration.pk,
        "practices:pk": followup_round.pk,
        "reports:pk": built["long"].pk,
        "surveys:invitation_answer": invitation.token,
        "surveys:collector": collector.token,
        "blog:token": preview_token(post),
        "accounts:token": invitation_token_make(network_coordinator),
        "events:signed": registration_signature(registration),
        "practices:signed": followup_signature(followup),
        "fmt": "csv",
        "table": "responses",
    }
    return {
        "real": real,
        "slug": [
            theme.slug_fi,
            project.slug_fi,
            event.slug,
            survey.slug_fi,
            survey.slug_sv,
            post.slug,
            practice.slug_fi,
            "responses",
        ],
        "pk": [registration.pk, followup_round.pk, *(q.pk for q in questions)],
        "token": [
            invitation.token,
            collector.token,
            preview_token(post),
            invitation_token_make(network_coordinator),
        ],
        "signed": [registration_signature(registration), followup_signature(followup)],
        "fmt": ["csv", "xlsx"],
        "table": ["responses", "statements", "projects"],
        "post_fields": [f"q{q.pk}" for q in questions]
        + [f"q{built['likert'].pk}_{built[s].pk}" for s in ("s1", "s2")],
        "collector": Collector.objects.filter(survey=survey).first(),
    }


# Walking the resolver ------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    template: str  # "/fi/tapahtumat/<slug:slug>/"
    converters: tuple  # ((name, converter type name), ...)
    callback: object


def _routes(language: str) -> list[Route]:
    found: list[Route] = []

    def walk(patterns, prefix: str, namespace: str):
        for entry in patterns:
            pattern = entry.pattern
            if isinstance(pattern, LocalePrefixPattern):
                part = pattern.language_prefix
            elif isinstance(pattern, RoutePattern):
                part = str(pattern._route)
            else:
                continue  # regex patterns: the media files (Django's static serve)
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                child_ns = entry.namespace or namespace
                walk(entry.url_patterns, prefix + part, child_ns)
            elif isinstance(entry, URLPattern):
                route = prefix + part
                converters = tuple(re.findall(r"<(?:(\w+):)?(\w+)>", route))
                name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
                found.append(Route(name, "/" + route, converters, entry.callback))

    with translation.override(language):
        walk(get_resolver().url_patterns, "", "")
    return found


def _fill(route: Route, values: dict) -> str:
    from urllib.parse import quote

    def put(match):
        return quote(str(values[match.group(2)]), safe="")

    return re.sub(r"<(?:(\w+):)?(\w+)>", put, route.template)


def _module_source(callback) -> str:
    view = inspect.unwrap(getattr(callback, "view_class", callback))
    module = sys.modules.get(getattr(view, "__module__", "") or type(view).__module__)
    try:
        return inspect.getsource(module) if module else ""
    except (OSError, TypeError):
        return ""


def _read_names(callback, where: str) -> list[str]:
    """The parameters a view's module reads from request.GET or request.POST."""
    source = _module_source(callback)
    module = sys.modules.get(getattr(inspect.unwrap(callback), "__module__", ""), None)
    names = set(re.findall(rf'request\.{where}\.(?:get|getlist)\(\s*"(\w+)"', source))
    names |= set(re.findall(rf'request\.{where}\["(\w+)"\]', source))
    for form_name in re.findall(rf"(\w+)\(\s*request\.{where}\b", source):
        form_class = getattr(module, form_name, None)
        if isinstance(form_class, type) and issubclass(form_class, forms.BaseForm):
            names |= set(form_class.base_fields)
    return sorted(names)


# The suite -----------------------------------------------------------------------------------


def _row_counts() -> dict:
    """Rows in every table (sessions aside), in one query."""
    tables = sorted(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and model._meta.label != "sessions.Session"
    )
    quote = connection.ops.quote_name
    # The names are the models' own tables, quoted.
    counts = ", ".join("(SELECT count(*) FROM " + quote(t) + ")" for t in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + counts)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _real_value(route: Route, name: str, world: dict):
    """The value naming the world's object of this route's kind (a page that exists)."""
    real = world["real"]
    namespace, _, url_name = route.name.partition(":")
    if name == "slug":
        kind = next((k for k in ("theme", "project") if k in url_name), namespace)
        return real.get(kind, real["surveys"])
    if name == "token":
        kind = "surveys:collector" if "collector" in url_name else route.name
        return real.get(kind) or real.get(f"{namespace}:token", "x")
    return real.get(name) or real.get(f"{namespace}:{name}", 1)


def _explicit_examples(route: Route, world: dict, get_names, post_names) -> list[dict]:
    """What each route gets for sure: every parameter and field at once NUL, overlong text
    or a list for one value; each path value NUL, or a real one tampered
    with, or validly signed of the wrong shape. Generated examples add the rest."""
    real = {name: _real_value(route, name, world) for _conv, name in route.converters}
    examples = []
    for odd in (f"a{NUL}b", "x" * 5000, ["1", "2"]):  # all at once, each in turn
        examples.append({"path": real, "method": "get", "query": dict.fromkeys(get_names, odd)})
        examples.append({"path": real, "method": "post", "data": dict.fromkeys(post_names, odd)})
    if route.converters:
        examples.append({"path": dict.fromkeys(real, f"a{NUL}b"), "method": "get"})
        examples.append({"path": {k: f"{v}x" for k, v in real.items()}, "method": "post"})
    if {"token", "signed"} & set(real):
        for salt in SALTS:
            wrong = signing.dumps({"survey": "x", "u": [1]}, salt=salt, compress=True)
            examples.append(
                {
                    "path": {**real, **dict.fromkeys({"token", "signed"} & set(real), wrong)},
                    "method": "get",
                }
            )
    return [{"query": {}, "data": {}, **example} for example in examples]


def _path_values(route: Route, world: dict) -> st.SearchStrategy:
    strategies = {}
    for converter, name in route.converters:
        real = [_real_value(route, name, world), *(world.get(name) or world["slug"])]
        candidates = [st.sampled_from(real), hostile_text, signed_wrong_shape]
        if name in ("token", "signed"):
            candidates.append(st.sampled_from(real).flatmap(_tampered))
        if converter == "int":
            candidates.append(st.integers(min_value=0, max_value=2**80))
        strategies[name] = st.one_of(*candidates)
    return st.fixed_dictionaries(strategies)


def _params(names: list[str]) -> st.SearchStrategy:
    value = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=3))
    return st.dictionaries(st.sampled_from(names or ["q"]), value, max_size=len(names or [1]))


ROUTES = {language: _routes(language) for language in ("fi", "sv")}


def test_the_walk_finds_every_public_page_and_what_it_reads():
    names = {route.name for route in ROUTES["fi"]}
    assert {"surveys:invitation_answer", "events:register", "search:search"} <= names
    assert len(ROUTES["fi"]) == len(ROUTES["sv"]) > 60
    search = next(r for r in ROUTES["fi"] if r.name == "search:search")
    assert {"q", "tyyppi", "teema", "sivu"} <= set(_read_names(search.callback, "GET"))
    register = next(r for r in ROUTES["fi"] if r.name == "events:register")
    assert {"name", "email"} <= set(_read_names(register.callback, "POST"))


@pytest.mark.parametrize(
    "role,language", [("visitor", "fi"), ("visitor", "sv"), ("network_coordinator", "fi")]
)
def test_hostile_input_on_every_url_never_gives_a_500_nor_stores_a_refused_request(
    world, cast, role, language
):
    client = Client(raise_request_exception=False)
    failures: list[str] = []
    for route in ROUTES[language]:
        get_names = _read_names(route.callback, "GET")
        post_names = _read_names(route.callback, "POST") + world["post_fields"] + ["draft"]

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )
        @given(
            path=_path_values(route, world),
            query=_params(get_names),
            method=st.sampled_from(["get", "post"]),
            data=_params(post_names),
        )
        def check(path, query, method, data):
            cache.clear()  # rate limits are not what is tested here
            if role != "visitor":
                client.force_login(cast[role])  # again: a POST may have signed them out
            url = _fill(route, path)  # noqa: B023 - check() runs within this iteration
            before = _row_counts()
            response = client.get(url, query) if method == "get" else client.post(url, data)
            label = f"{method.upper()} {url!r} {query if method == 'get' else data}"
            assert response.status_code < 500, f"{response.status_code}: {label}"
            if response.status_code >= 400:
                assert _row_counts() == before, f"a refused request stored rows: {label}"

        for explicit in _explicit_examples(route, world, get_names, post_names):
            check = example(**explicit)(check)
        try:
            check()
        except Exception as error:  # noqa: BLE001 - every route is tried, failures listed
            failures.append(f"{route.name}: {str(error)[:500]}")
    assert not failures, "\n".join(failures)


def test_a_validly_signed_draft_of_the_wrong_shape_is_refused_whole(client, world):
    """The draft is the one signed value a form posts back; tampered ones land here too."""
    survey = world["collector"].survey
    url = f"/fi/kyselyt/{survey.slug_fi}/"
    before = _row_counts()
    for shape in [*WRONG_SHAPES, {"survey": survey.pk, "key": str(uuid.uuid4())}]:
        draft = signing.dumps(shape, salt=DRAFT_SALT, compress=True)
        assert client.post(url, {"draft": draft, "action": "next"}).status_code == 400
    assert _row_counts() == before
