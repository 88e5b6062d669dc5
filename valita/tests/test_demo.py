"""The demo content: data files checked before anything is written, one loader, idempotent."""

import shutil
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from PIL import Image

from blog.models import Post
from events.models import Event, Registration
from practices.models import Adoption, FollowUpRequest, Practice
from projects.models import ContactPerson, Organisation, Project, Theme
from reports.models import PublishedResult, Quote
from surveys.models import Answer, Code, Collector, Response, Survey
from valita import demo

pytestmark = pytest.mark.django_db


def _counts() -> dict:
    models = [Theme, Organisation, Project, ContactPerson, get_user_model(), Event, Registration]
    models += [Post, Practice, Adoption, FollowUpRequest, Survey, Collector, Response, Answer]
    models += [Code, Quote, PublishedResult]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["registration statuses"] = dict(Counter(Registration.objects.values_list("status")))
    return counts


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """Every data file (and the logos) copied, so that a test can break one."""
    for path in demo.KINDS:
        folder = (demo.BASE / path).parent
        shutil.copytree(folder, tmp_path / path.rsplit("/", 1)[0], dirs_exist_ok=True)
    monkeypatch.setattr(demo, "BASE", tmp_path)
    return tmp_path


def _edit(base, path, old, new):
    file = base / path
    text = file.read_text()
    assert old in text
    file.write_text(text.replace(old, new, 1))


def test_the_whole_demo_loads_twice_into_the_same_content():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first
    assert first | {"registration statuses": None} == {
        "Theme": 4,
        "Organisation": 24,
        "Project": 10,
        "ContactPerson": 9,
        "User": 4,
        "Event": 14,
        "Registration": 46,
        "Post": 17,
        "Practice": 19,
        "Adoption": 31,
        "FollowUpRequest": 9,
        "Survey": 2,
        "Collector": 11,
        "Response": 101,
        "Answer": 1006,
        "Code": 9,
        "Quote": 6,
        "PublishedResult": 4,
        "registration statuses": None,
    }
    assert first["registration statuses"] == {
        ("confirmed",): 37,
        ("waiting",): 7,
        ("offered",): 1,
        ("cancelled",): 1,
    }


def test_the_demo_shows_a_waiting_list_an_offer_and_items_in_finnish_only():
    demo.load("projects", "events", "blog", "practices")
    full = Event.objects.get(slug_fi="kehittajaopiskelijoiden-verkostopaiva")
    statuses = dict(full.registrations.values_list("email", "status"))
    assert statuses["eero@example.org"] == "cancelled"
    assert statuses["sara@example.org"] == "offered"  # the first one waiting, by the service
    assert [statuses[p] for p in ("mikko@example.org", "elin@example.org")] == ["waiting"] * 2
    finnish_only = Event.objects.get(slug_fi="opinto-ohjaajien-etakahvit")
    assert finnish_only.title_sv in ("", None) and finnish_only.title_fi
    assert Post.objects.filter(slug_fi="vertaisohjaajien-kevatkausi-alkoi", title_sv=None).exists()
    practice = Practice.objects.get(slug_fi="keskeyttamisen-ennakointi")
    assert practice.summary_fi and not practice.summary_sv
    # Every other item has its Swedish text and a Swedish slug of its own.
    for project in Project.objects.all():
        assert project.name_sv and project.summary_sv
    for event in Event.objects.exclude(pk=finnish_only.pk):
        assert event.title_sv and event.slug_sv != event.slug_fi


def test_projects_get_their_logo_through_the_image_pipeline():
    demo.load("projects")
    for project in Project.objects.all():
        assert project.logo, project
        assert project.logo_alt_fi and project.logo_alt_sv
        with Image.open(project.logo) as image:
            assert image.format == "PNG" and not image.info.get("exif")
            assert max(image.size) <= 640
    logo = Project.objects.get(slug_fi="aani").logo.name
    demo.load("projects")
    assert Project.objects.get(slug_fi="aani").logo.name == logo  # not stored again


def test_a_missing_swedish_text_names_the_file_and_the_item(data_copy):
    _edit(data_copy, "projects/demo/projects.toml", 'name_sv = "Rösten hörs"\n', "")
    with pytest.raises(demo.DemoDataError) as error:
        demo.read("projects/demo/projects.toml", data_copy)
    message = str(error.value)
    assert message.startswith('projects/demo/projects.toml: project 2 ("aani")')
    assert "name_sv missing" in message


def test_a_text_in_finnish_only_is_accepted_only_when_the_item_says_so(data_copy):
    path = "blog/demo/posts.toml"
    assert demo.read(path, data_copy)["post"][-1]["only"] == "fi"
    _edit(data_copy, path, 'only = "fi"\n', "")
    with pytest.raises(demo.DemoDataError) as error:
        demo.read(path, data_copy)
    assert 'posts.toml: post 17 ("vertaisohjaajien-kevatkausi-alkoi"): ' in str(error.value)
    assert "_sv missing" in str(error.value)


def test_an_unknown_key_names_the_file_and_the_item(data_copy):
    path = "events/demo/events.toml"
    _edit(data_copy, path, "hours = 7\n", "hours = 7\ncapacity = 10\n")
    with pytest.raises(demo.DemoDataError) as error:
        demo.read(path, data_copy)
    assert str(error.value) == (
        'events/demo/events.toml: event 1 ("verkostotapaaminen-kevat"): unknown key capacity'
    )


def test_a_nested_item_is_checked_too(data_copy):
    path = "practices/demo/practices.toml"
    _edit(data_copy, path, 'depth = "embedded"', 'depth = "embedded", colour = "red"')
    with pytest.raises(demo.DemoDataError, match=r"adoptions 1.*unknown key colour"):
        demo.read(path, data_copy)


def test_a_broken_file_stops_the_command_before_anything_is_written(data_copy):
    _edit(data_copy, "reports/demo/reports.toml", "[published]", "[published]\nkey = 1")
    with pytest.raises(CommandError, match="reports/demo/reports.toml: published 1"):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Project.objects.exists()


@pytest.mark.parametrize("path,words", [("/fi/", "Koordinaatiohanke"), ("/sv/", "Koordinerings")])
def test_the_footer_gives_the_coordination_project_as_the_network_contact(client, path, words):
    page = client.get(path).content.decode()
    footer = page[page.index("<footer") :]
    assert 'href="https://www.winnova.fi/valita/"' in footer  # the address the seed gives
    assert words in footer and "WinNova" in footer


def test_the_demo_has_a_post_waiting_for_review_with_a_difference_to_show():
    from blog.models import Post
    from core import versions

    demo.load("projects", "blog")
    post = Post.objects.get(slug_fi="opiskelijaraati-suunnittelee")
    assert post.status == Post.Status.REVIEW
    assert post.submitted_by.email == "koordinaattori@example.org"
    published, submitted = reversed(list(versions.versions_of(post)))
    assert published.field_dict["lead_fi"] != submitted.field_dict["lead_fi"]
    demo.load("projects", "blog")  # a second load leaves it waiting, with no new version
    assert len(versions.versions_of(post)) == 2
