"""Role × action: the permission helper and the admin that uses it agree for every role."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core import roles
from core.tests.admin_forms import add_inline_row
from projects.models import Membership, Organisation, Project, Theme
from projects.tests.factories import ProjectFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "coordinator", "other_coordinator", "network_coordinator", "oph"]

# Which projects each role may edit: "own" is `project`, "other" is `other_project`.
PROJECT_EDIT = {
    "visitor": set(),
    "coordinator": {"own"},
    "other_coordinator": {"other"},
    "network_coordinator": {"own", "other"},
    "oph": set(),
}
NETWORK_DATA_EDIT = {"network_coordinator"}


@pytest.fixture
def objects(project, other_project):
    return {"own": project, "other": other_project}


@pytest.mark.parametrize("role", ROLES)
def test_project_editable_by(cast, objects, role):
    editable = set(Project.objects.editable_by(cast[role]))
    assert editable == {objects[key] for key in PROJECT_EDIT[role]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", [Theme, Organisation, Membership])
def test_network_data_is_edited_by_network_coordinators_only(cast, objects, role, model):
    ThemeFactory()
    expected = role in NETWORK_DATA_EDIT
    editable = model.objects.editable_by(cast[role])
    assert (editable.count() == model.objects.count()) is expected or model.objects.count() == 0
    if not expected:
        assert editable.count() == 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["own", "other"])
def test_admin_change_page_follows_the_helper(client, cast, objects, role, which):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    response = client.get(f"/fi/admin/projects/project/{objects[which].pk}/change/")
    if which in PROJECT_EDIT[role]:
        assert response.status_code == 200
    elif user.is_authenticated and user.is_staff:
        # A staff member who may not edit the project is sent back to the admin index.
        assert response.status_code == 302
        assert response["Location"] == "/fi/admin/"
    else:
        assert response.status_code == 302
        assert "/fi/admin/login/" in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_admin_post_edits_only_what_the_helper_allows(client, cast, objects, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    target = objects["other"]
    client.post(
        f"/fi/admin/projects/project/{target.pk}/change/",
        {
            "name_fi": "Kaapattu",
            "kind": "network",
            "scope": "regional",
            "summary_fi": "x",
            "short_name_fi": "x",
            "slug_fi": target.slug_fi,
        },
    )
    target.refresh_from_db()
    assert (target.name_fi == "Kaapattu") is False or "other" in PROJECT_EDIT[role]


@pytest.mark.parametrize("role", ROLES)
def test_admin_changelist_shows_only_editable_projects(client, cast, objects, role):
    user = cast[role]
    if not (user.is_authenticated and user.is_staff):
        pytest.skip("not staff: the admin is closed")
    client.force_login(user)
    response = client.get("/fi/admin/projects/project/")
    if not PROJECT_EDIT[role]:
        assert response.status_code == 403
        return
    html = response.content.decode()
    for key, project in objects.items():
        assert (f"/projects/project/{project.pk}/change/" in html) is (key in PROJECT_EDIT[role])


@pytest.mark.parametrize("role", ROLES)
def test_only_network_coordinators_add_projects_and_themes(client, cast, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    for url in ("/fi/admin/projects/project/add/", "/fi/admin/projects/theme/add/"):
        status = client.get(url).status_code
        assert (status == 200) is (role == "network_coordinator"), (url, status)


@pytest.mark.parametrize("role", ROLES)
def test_role_helpers(cast, role):
    user = cast[role]
    assert roles.is_network_coordinator(user) is (role == "network_coordinator")
    assert roles.is_oph_viewer(user) is (role == "oph")
    assert roles.is_project_coordinator(user) is (role in {"coordinator", "other_coordinator"})
    assert roles.can_view_results(user) is (role != "visitor")
    assert roles.requires_mfa(user) is (role not in {"visitor", "oph"})


# Every admin page and every inline, for every role -----------------------------------------
#
# What each role's job needs (README, "Roles and permissions"): network coordinators edit
# all content and build surveys with every part of them (pages, questions, statements,
# choices, conditions, collectors, invitees), code open answers and read the access log;
# project coordinators edit their own projects and those projects' events, posts and
# practices with their inline rows, and look at their projects' collectors; OPH reads
# results on the dashboard and has no admin; visitors have none either.

FULL = frozenset({"view", "add", "change", "delete"})
READ = frozenset({"view"})
EDITORS_OF_OWN = {"coordinator", "network_coordinator"}


@pytest.fixture
def admin_world(project, other_project):
    from events.tests.factories import EventFactory, EventMaterialFactory
    from practices.models import FollowUpRound
    from practices.tests.factories import AdoptionFactory, PracticeFactory
    from projects.tests.factories import ContactPersonFactory
    from surveys.models import Collector
    from surveys.tests.factories import CollectorFactory, InvitationFactory, build_survey

    s = build_survey()
    invitations = CollectorFactory(survey=s["survey"], project=None, kind=Collector.Kind.INVITATION)
    InvitationFactory(collector=invitations)
    event = EventFactory(projects=[project])
    EventMaterialFactory(event=event)
    practice = PracticeFactory(projects=[project])
    AdoptionFactory(practice=practice)
    ContactPersonFactory(project=project)
    followup = FollowUpRound.objects.create(
        title="Kierros", closes_at=timezone.now() + timedelta(days=30)
    )
    return {
        "survey": s["survey"],
        "question": s["single"],
        "page": s["pages"][1],
        "invitations": invitations,
        "event": event,
        "practice": practice,
        "project": project,
        "followup": followup,
    }


def _survey_builder(role):
    return {"network_coordinator": {"pages": FULL, "questions": FULL, "collectors": FULL}}.get(role)


# (object, admin path, role -> {inline prefix: permissions}, None when the page is refused)
INLINE_MATRIX = {
    "survey": ("surveys/survey", _survey_builder),
    "question": (
        "surveys/question",
        lambda role: (
            {"statements": FULL, "choices": FULL, "conditions": FULL}
            if role == "network_coordinator"
            else None
        ),
    ),
    "page": (
        "surveys/page",
        lambda role: {"conditions": FULL} if role == "network_coordinator" else None,
    ),
    # Invitees are added through the collector's own field, which sends the emails.
    "invitations": (
        "surveys/collector",
        lambda role: (
            {"invitations": frozenset({"view", "change", "delete"})}
            if role == "network_coordinator"
            else None
        ),
    ),
    "event": (
        "events/event",
        lambda role: {"materials": FULL} if role in EDITORS_OF_OWN else None,
    ),
    "practice": (
        "practices/practice",
        lambda role: (
            {"attachments": FULL, "links": FULL, "adoptions": FULL}
            if role in EDITORS_OF_OWN
            else None
        ),
    ),
    "project": (
        "projects/project",
        lambda role: {"contacts": FULL} if role in EDITORS_OF_OWN else None,
    ),
    # A follow-up round's answers are read, never edited, by those who run rounds.
    "followup": (
        "practices/followupround",
        lambda role: {"requests": READ} if role == "network_coordinator" else None,
    ),
}


def _inline_permissions(response) -> dict:
    return {
        inline.formset.prefix: frozenset(
            action
            for action in ("view", "add", "change", "delete")
            if getattr(inline, f"has_{action}_permission")
        )
        for inline in response.context["inline_admin_formsets"]
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", sorted(INLINE_MATRIX))
def test_admin_inlines_follow_their_parent(client, cast, admin_world, role, which):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    path, expected_for = INLINE_MATRIX[which]
    expected = expected_for(role)
    response = client.get(f"/fi/admin/{path}/{admin_world[which].pk}/change/")
    if expected is None:
        assert response.status_code in (302, 403, 404)
        return
    assert response.status_code == 200
    assert _inline_permissions(response) == expected


def _change_page_data(client, path: str, obj) -> dict:
    from core.tests.admin_forms import change_form_data

    response = client.get(f"/fi/admin/{path}/{obj.pk}/change/")
    assert response.status_code == 200
    return change_form_data(response.content.decode(), f"{obj._meta.model_name}_form")


def _post_change(client, path: str, obj, data):
    return client.post(f"/fi/admin/{path}/{obj.pk}/change/", data)


def test_network_coordinator_builds_a_survey_through_its_inlines(
    client, network_coordinator, admin_world
):
    from surveys.models import Choice, Condition, Page, Question, Statement

    client.force_login(network_coordinator)
    survey = admin_world["survey"]
    data = _change_page_data(client, "surveys/survey", survey)
    data = add_inline_row(data, "pages", {"order": 9, "title_fi": "Uusi sivu", "intro_fi": ""})
    response = _post_change(client, "surveys/survey", survey, data)
    assert response.status_code == 302, response.context and response.context.get("errors")
    page = Page.objects.get(survey=survey, title_fi="Uusi sivu")

    data = _change_page_data(client, "surveys/survey", survey)
    data = add_inline_row(
        data,
        "questions",
        {"page": page.pk, "order": 1, "kind": "likert", "text_fi": "Uusi kysymys"},
    )
    assert _post_change(client, "surveys/survey", survey, data).status_code == 302
    likert = Question.objects.get(survey=survey, text_fi="Uusi kysymys")

    data = _change_page_data(client, "surveys/question", likert)
    data = add_inline_row(data, "statements", {"order": 1, "text_fi": "Uusi väittämä"})
    assert _post_change(client, "surveys/question", likert, data).status_code == 302
    assert Statement.objects.filter(question=likert, text_fi="Uusi väittämä").exists()

    single = admin_world["question"]
    data = _change_page_data(client, "surveys/question", single)
    data = add_inline_row(data, "choices", {"order": 3, "text_fi": "Ehkä"})
    assert _post_change(client, "surveys/question", single, data).status_code == 302
    assert Choice.objects.filter(question=single, text_fi="Ehkä").exists()

    data = _change_page_data(client, "surveys/page", page)
    data = add_inline_row(
        data,
        "conditions",
        {"source": single.pk, "operator": "choice_in", "choices": [str(single.choices.first().pk)]},
    )
    assert _post_change(client, "surveys/page", page, data).status_code == 302
    assert Condition.objects.filter(page=page, source=single).exists()


@pytest.mark.parametrize("role", ["coordinator", "other_coordinator"])
def test_project_coordinators_cannot_post_survey_parts(client, cast, admin_world, role):
    from surveys.models import Statement

    client.force_login(cast[role])
    question = admin_world["question"]
    before = Statement.objects.count()
    response = client.post(
        f"/fi/admin/surveys/question/{question.pk}/change/",
        {
            "statements-TOTAL_FORMS": "1",
            "statements-INITIAL_FORMS": "0",
            "statements-0-order": "1",
            "statements-0-text_fi": "Ujutettu",
        },
    )
    assert response.status_code in (302, 403)
    assert Statement.objects.count() == before


@pytest.mark.parametrize("role", ROLES)
def test_inline_rows_of_an_event_are_added_by_its_editors_only(client, cast, admin_world, role):
    from events.models import EventMaterial

    event = admin_world["event"]
    client.force_login(cast["network_coordinator"])
    data = _change_page_data(client, "events/event", event)
    data = add_inline_row(
        data, "materials", {"title_fi": "Diat", "url": "https://example.org/diat", "order": 2}
    )
    client.logout()
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    _post_change(client, "events/event", event, data)
    added = EventMaterial.objects.filter(event=event, title_fi="Diat").exists()
    assert added is (role in EDITORS_OF_OWN)


# Saving keeps what the user may not change ---------------------------------------------------


def _shared_objects(project, other_project):
    from blog.tests.factories import PostFactory
    from events.tests.factories import EventFactory
    from practices.tests.factories import PracticeFactory

    both = [project, other_project]
    return {
        "events/event": EventFactory(projects=both),
        "blog/post": PostFactory(projects=both),
        "practices/practice": PracticeFactory(projects=both),
    }


@pytest.mark.parametrize("path", ["events/event", "blog/post", "practices/practice"])
def test_saving_a_shared_object_unchanged_keeps_the_other_projects(
    client, coordinator, project, other_project, path
):
    obj = _shared_objects(project, other_project)[path]
    client.force_login(coordinator)
    data = _change_page_data(client, path, obj)
    assert data["projects"] == [str(project.pk)]  # only their own project is offered
    response = _post_change(client, path, obj, data)
    assert response.status_code == 302
    assert set(obj.projects.all()) == {project, other_project}


def test_a_coordinator_cannot_drop_their_last_own_project(
    client, coordinator, project, other_project
):
    event = _shared_objects(project, other_project)["events/event"]
    client.force_login(coordinator)
    data = _change_page_data(client, "events/event", event)
    data.pop("projects")
    response = _post_change(client, "events/event", event, data)
    assert response.status_code == 200
    assert set(event.projects.all()) == {project, other_project}


@pytest.mark.parametrize("role", ["coordinator", "network_coordinator"])
def test_the_form_keeps_the_projects_its_editor_may_not_change(cast, project, other_project, role):
    """The rule lives in the form, so any staff page that uses it keeps it too."""
    from django.forms import modelform_factory

    from events.models import Event
    from projects.forms import ProjectsKeptForm

    event = _shared_objects(project, other_project)["events/event"]
    third = ProjectFactory()
    Membership.objects.create(user=cast["coordinator"], project=third)
    # Roles are memoised on the user object for a request: the next request's is fresh.
    fresh = {name: type(cast[name]).objects.get(pk=cast[name].pk) for name in (role, "coordinator")}
    editor = fresh[role]
    form_class = modelform_factory(Event, form=ProjectsKeptForm, fields=["projects"])
    form = form_class({"projects": [third.pk]}, instance=event, editor=editor)
    assert form.is_valid(), form.errors
    form.save()
    expected = {third} if role == "network_coordinator" else {third, other_project}
    assert set(event.projects.all()) == expected
    # The editor may not add a project that is not theirs either.
    form = form_class({"projects": [other_project.pk]}, instance=event, editor=fresh["coordinator"])
    assert not form.is_valid()


# Every model admin: who lists it and who adds to it ------------------------------------------

COORDINATOR_LISTS = {"projects/project", "practices/practice", "blog/post", "events/event"}
NETWORK_LISTS = {
    "projects/theme",
    "projects/organisation",
    "projects/project",
    "projects/membership",
    "practices/practice",
    "practices/followupround",
    "blog/post",
    "events/event",
    "surveys/survey",
    "surveys/question",
    "surveys/page",
    "surveys/collector",
    "surveys/response",
    "surveys/code",
    "reports/quote",
    "reports/publishedresult",
    "valita/accesslog",
    "valita/outboxmessage",
}
LISTS = {
    "visitor": set(),
    "oph": set(),  # OPH reads results on the dashboard, not in the admin
    "coordinator": COORDINATOR_LISTS | {"surveys/collector"},
    "other_coordinator": COORDINATOR_LISTS | {"surveys/collector"},
    "network_coordinator": NETWORK_LISTS,
}
# Follow-up rounds start from their own page, codes, quotes and published results from the
# dashboard; responses, the access log and the outbox are written by the portal alone.
NETWORK_ADDS = NETWORK_LISTS - {
    "practices/followupround",
    "surveys/response",
    "surveys/code",
    "reports/quote",
    "reports/publishedresult",
    "valita/accesslog",
    "valita/outboxmessage",
}
ADDS = {
    "visitor": set(),
    "oph": set(),
    "coordinator": {"practices/practice", "blog/post", "events/event"},
    "other_coordinator": {"practices/practice", "blog/post", "events/event"},
    "network_coordinator": NETWORK_ADDS,
}


@pytest.mark.parametrize("role", ROLES)
def test_every_model_admin_lists_and_adds_for_the_right_roles(client, cast, role):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    for path in sorted(NETWORK_LISTS | {"accounts/user"}):
        listed = client.get(f"/fi/admin/{path}/").status_code
        assert (listed == 200) is (path in LISTS[role]), (path, listed)
        added = client.get(f"/fi/admin/{path}/add/").status_code
        assert (added == 200) is (path in ADDS[role]), (path, added)


def test_every_inline_follows_its_parent():
    """A new inline that forgets the mixin would fall back on Django's model permissions."""
    from django.contrib import admin

    from core.admin_mixins import EditableByInlineMixin

    inlines = [
        inline
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
        if model_admin.__module__.split(".")[0]
        in {"accounts", "blog", "events", "practices", "projects", "reports", "surveys", "valita"}
    ]
    assert inlines
    assert [i.__name__ for i in inlines if not issubclass(i, EditableByInlineMixin)] == []


DELETES = {
    "survey": {"network_coordinator"},
    "question": {"network_coordinator"},
    "page": {"network_coordinator"},
    "invitations": {"network_coordinator"},
    "event": EDITORS_OF_OWN,
    "practice": EDITORS_OF_OWN,
    # A project is set up and removed by the network; its coordinator only edits it.
    "project": {"network_coordinator"},
    "followup": {"network_coordinator"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", sorted(DELETES))
def test_admin_delete_page_for_the_right_roles(client, cast, admin_world, role, which):
    user = cast[role]
    if user.is_authenticated:
        client.force_login(user)
    path, _expected = INLINE_MATRIX[which]
    obj = admin_world[which]
    status = client.get(f"/fi/admin/{path}/{obj.pk}/delete/").status_code
    assert (status == 200) is (role in DELETES[which]), status
    if role not in DELETES[which]:
        client.post(f"/fi/admin/{path}/{obj.pk}/delete/", {"post": "yes"})
        assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("fi", "Pysyy myös näissä hankkeissa, joita et voi muuttaa: "),
        ("sv", "Förblir också i dessa projekt, som du inte kan ändra: "),
    ],
)
def test_the_form_says_which_projects_stay(
    client, coordinator, project, other_project, language, note
):
    event = _shared_objects(project, other_project)["events/event"]
    client.force_login(coordinator)
    html = client.get(f"/{language}/admin/events/event/{event.pk}/change/").content.decode()
    assert f"{note}{other_project}." in html


def test_network_coordinator_makes_a_user_a_project_coordinator(
    client, network_coordinator, project
):
    """Memberships are the network's to give; picking the user must work without the user admin."""
    newcomer = UserFactory(email="uusi.koordinaattori@example.org", is_staff=True)
    client.force_login(network_coordinator)
    page = client.get("/fi/admin/projects/membership/add/")
    assert page.status_code == 200
    # Offered in the page itself, not through a search the user admin would refuse.
    select = re.search(r'<select name="user".*?</select>', page.content.decode(), re.S)
    assert f'<option value="{newcomer.pk}"' in select.group(0)
    response = client.post(
        "/fi/admin/projects/membership/add/",
        {
            "user": newcomer.pk,
            "project": project.pk,
            "role": Membership._meta.get_field("role").default,
        },
    )
    assert response.status_code == 302
    assert Membership.objects.filter(user=newcomer, project=project).exists()


def _public_and_hidden(model: str) -> tuple[dict, dict]:
    """Factory and keyword arguments of a public and of a hidden object of a content model."""
    from blog.models import Post
    from blog.tests.factories import PostFactory
    from events.models import Event
    from events.tests.factories import EventFactory
    from practices.tests.factories import PracticeFactory

    return {
        "events/event": (
            EventFactory,
            {"status": Event.Status.CANCELLED},
            {"status": Event.Status.DRAFT},
        ),
        "blog/post": (
            PostFactory,
            {},
            {"status": Post.Status.PUBLISHED, "publish_at": timezone.now() + timedelta(days=1)},
        ),
        "practices/practice": (PracticeFactory, {}, {"is_published": False}),
    }[model]


@pytest.mark.parametrize("model", ["events/event", "blog/post", "practices/practice"])
@pytest.mark.parametrize("role", ROLES)
def test_content_visible_to(cast, objects, role, model):
    """Everyone sees the public content; the editors of a project also its hidden content
    (a preview), and nobody else does."""
    factory, public, hidden = _public_and_hidden(model)
    made = {
        (which, kind): factory(projects=[objects[which]], **kwargs)
        for which in ("own", "other")
        for kind, kwargs in (("public", public), ("hidden", hidden))
    }
    seen = set(factory._meta.model.objects.visible_to(cast[role]))
    expected = {
        obj
        for (which, kind), obj in made.items()
        if kind == "public" or which in PROJECT_EDIT[role]
    }
    assert seen == expected
