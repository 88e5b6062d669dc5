"""The event editor in the workspace: one screen, both languages, preview, publishing."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from core.tests.test_attachments import WINDOWS_EXE
from events.models import Event
from events.tests.factories import EventFactory, RegistrationFactory
from projects.tests.factories import MembershipFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def url(name, ui="fi", **kwargs):
    with translation.override(ui):
        return reverse(f"events_workspace:{name}", kwargs=kwargs)


def form_data(project, **changes):
    data = {
        "title_fi": "Vertaistuen työpaja",
        "title_sv": "Workshop om kamratstöd",
        "description_fi": "<p>Harjoitellaan yhdessä.</p>",
        "description_sv": "<p>Vi övar tillsammans.</p>",
        "projects": [project.pk],
        "languages": "fi,sv",
        "format": "hybrid",
        "starts_at": "2031-03-01T09:00",
        "ends_at": "2031-03-01T12:00",
        "venue_fi": "Auditorio",
        "online_url": "https://meet.example.org/tyopaja",
        "registration_enabled": "on",
        "registration_deadline": "2031-02-25T16:00",
        "capacity_in_person": "20",
        "capacity_remote": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_coordinator_creates_a_bilingual_draft_in_helsinki_time(client, coordinator, project):
    client.force_login(coordinator)
    response = client.post(url("event_create"), form_data(project))
    event = Event.objects.get()
    assert response["Location"] == url("event_overview", pk=event.pk)
    assert event.status == Event.Status.DRAFT
    assert (event.title_fi, event.title_sv) == ("Vertaistuen työpaja", "Workshop om kamratstöd")
    assert event.starts_at == datetime(2031, 3, 1, 7, 0, tzinfo=UTC)  # 9.00 in Helsinki
    assert list(event.projects.all()) == [project]
    assert (event.capacity_in_person, event.capacity_remote) == (20, None)
    assert event.slug_sv == "workshop-om-kamratstod"
    overview = client.get(response["Location"]).text
    assert "Tapahtuma on tallennettu luonnoksena" in overview
    assert url("registration_list", pk=event.pk) in overview  # the next step
    assert url("event_preview", pk=event.pk, language="sv") in overview


def test_the_only_project_is_preselected(client, coordinator, project):
    client.force_login(coordinator)
    page = client.get(url("event_create")).text
    checkbox = re.search(rf'<input[^>]*name="projects" value="{project.pk}"[^>]*>', page).group(0)
    assert "checked" in checkbox


def test_with_two_projects_nothing_is_preselected(client, coordinator, project, other_project):
    MembershipFactory(project=other_project, user=coordinator)
    client.force_login(coordinator)
    page = client.get(url("event_create")).text
    assert not re.search(r'<input[^>]*name="projects"[^>]*checked', page)


def test_the_editor_shows_finnish_and_swedish_side_by_side_and_marks_missing_swedish(
    client, coordinator, project
):
    event = EventFactory(projects=[project], title_sv="", description_sv="")
    client.force_login(coordinator)
    page = client.get(url("event_edit", pk=event.pk)).text
    columns = page.split('class="lang-columns"')[1]
    assert columns.index('name="title_fi"') < columns.index('name="title_sv"')
    assert "Ruotsinkielinen otsikko puuttuu." in page
    assert 'type="datetime-local"' in page
    assert 'data-format-part="remote"' in page  # all parts are there without JavaScript
    sv = client.get(url("event_edit", "sv", pk=event.pk)).text
    assert "Rubriken på svenska saknas." in sv
    assert "Choose" not in sv and "Choose" not in page


@pytest.mark.parametrize(
    ("language", "changes", "field", "message"),
    [
        ("fi", {"ends_at": "2031-03-01T08:00"}, "ends_at", "Tapahtuma ei voi päättyä ennen"),
        ("sv", {"ends_at": "2031-03-01T08:00"}, "ends_at", "Evenemanget kan inte sluta"),
        ("fi", {"title_fi": ""}, "title_fi", "Kirjoita tapahtuman otsikko suomeksi."),
        ("sv", {"title_fi": ""}, "title_fi", "Skriv evenemangets rubrik på finska."),
        ("fi", {"starts_at": "huomenna"}, "starts_at", "Anna päivä ja kellonaika muodossa"),
        ("fi", {"projects": []}, "projects", "Valitse ainakin yksi järjestävä hanke."),
        ("fi", {"capacity_in_person": "-3"}, "capacity_in_person", "ei voi olla negatiivinen"),
        (
            "fi",
            {"registration_deadline": "2031-03-02T10:00"},
            "registration_deadline",
            "takarajan pitää olla ennen tapahtuman loppua",
        ),
    ],
)
def test_bad_input_is_told_beside_the_field_and_nothing_is_saved(
    client, coordinator, project, language, changes, field, message
):
    client.force_login(coordinator)
    response = client.post(url("event_create", language), form_data(project, **changes))
    assert response.status_code == 200
    error = re.search(rf'<ul class="errorlist" id="id_{field}_error">(.*?)</ul>', response.text)
    assert error and message in error.group(1), response.text[:3000]
    assert 'id="error-summary"' in response.text
    assert not Event.objects.exists()


def test_a_project_the_coordinator_does_not_coordinate_cannot_be_chosen(
    client, coordinator, project, other_project
):
    client.force_login(coordinator)
    data = form_data(project, projects=[project.pk, other_project.pk])
    response = client.post(url("event_create"), data)
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_another_projects_place_on_a_shared_event_is_kept(
    client, coordinator, project, other_project
):
    event = EventFactory(projects=[project, other_project])
    client.force_login(coordinator)
    page = client.get(url("event_edit", pk=event.pk)).text
    assert other_project.name in page  # named as kept
    client.post(url("event_edit", pk=event.pk), form_data(project, title_fi="Uusi nimi"))
    event.refresh_from_db()
    assert event.title_fi == "Uusi nimi"
    assert set(event.projects.all()) == {project, other_project}


def test_fields_of_a_format_without_that_part_are_cleared(client, coordinator, project):
    client.force_login(coordinator)
    client.post(
        url("event_create"),
        form_data(project, format="in_person", capacity_remote="5", online_link_public="on"),
    )
    event = Event.objects.get()
    assert (event.online_url, event.capacity_remote, event.online_link_public) == ("", None, False)
    assert event.venue_fi == "Auditorio"


def test_the_preview_shows_a_draft_as_visitors_would_see_it_in_swedish(
    client, coordinator, project
):
    event = EventFactory(projects=[project], status=Event.Status.DRAFT)
    assert client.get(event.get_absolute_url()).status_code == 404  # the public: nothing
    client.force_login(coordinator)
    response = client.get(url("event_preview", pk=event.pk, language="sv"))
    assert response.status_code == 200
    assert '<html lang="sv"' in response.text
    assert f'<h1 id="main-heading">{event.title_sv}</h1>' in response.text
    assert "Förhandsvisning" in response.text
    assert "no-store" in response["Cache-Control"]
    assert client.get(url("event_preview", pk=event.pk, language="en")).status_code == 404


def test_publish_now(client, coordinator, project):
    event = EventFactory(projects=[project], status=Event.Status.DRAFT)
    client.force_login(coordinator)
    client.post(url("event_publish", pk=event.pk), {"when": "now"})
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.publish_at is None
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 200


def test_publish_at_a_set_time(client, coordinator, project):
    event = EventFactory(projects=[project], status=Event.Status.DRAFT)
    client.force_login(coordinator)
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    client.post(
        url("event_publish", pk=event.pk),
        {"when": "later", "publish_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.is_scheduled
    assert not Event.objects.published().filter(pk=event.pk).exists()
    assert Event.objects.published(now=later + timedelta(minutes=1)).filter(pk=event.pk).exists()
    assert "Julkaistaan" in client.get(url("event_overview", pk=event.pk)).text
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.get(f"{event.get_absolute_url()}ilmoittaudu/").status_code == 404
    Event.objects.filter(pk=event.pk).update(publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get(event.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("language", "publish_at", "message"),
    [
        ("fi", "", "Anna julkaisuaika."),
        ("sv", "2020-01-01T10:00", "Publiceringstiden måste vara i framtiden."),
    ],
)
def test_a_bad_publish_time_is_refused_beside_the_field(
    client, coordinator, project, language, publish_at, message
):
    event = EventFactory(projects=[project], status=Event.Status.DRAFT)
    client.force_login(coordinator)
    response = client.post(
        url("event_publish", language, pk=event.pk), {"when": "later", "publish_at": publish_at}
    )
    assert response.status_code == 200
    assert message in response.text
    assert 'id="id_publish_at_error"' in response.text
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT


def test_back_to_draft_hides_the_event(client, coordinator, project):
    event = EventFactory(projects=[project])
    client.force_login(coordinator)
    client.post(url("event_unpublish", pk=event.pk))
    client.logout()
    assert client.get(event.get_absolute_url()).status_code == 404


def test_a_copy_is_a_new_draft_of_the_editors_projects(client, coordinator, project, other_project):
    theme = ThemeFactory()
    event = EventFactory(projects=[project, other_project], themes=[theme], capacity_in_person=9)
    RegistrationFactory(event=event)
    client.force_login(coordinator)
    response = client.post(url("event_copy", pk=event.pk))
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response["Location"] == url("event_edit", pk=copy.pk)
    assert copy.status == Event.Status.DRAFT
    assert (copy.title_fi, copy.capacity_in_person) == (event.title_fi, 9)
    assert copy.slug_fi != event.slug_fi
    assert list(copy.projects.all()) == [project]
    assert list(copy.themes.all()) == [theme]
    assert not copy.registrations.exists()


def test_another_projects_event_is_a_404_in_the_users_language(client, coordinator, other_project):
    event = EventFactory(projects=[other_project])
    client.force_login(coordinator)
    response = client.get(url("event_edit", "sv", pk=event.pk))
    assert response.status_code == 404
    assert "tunnisteella" not in response.text


def test_a_material_file_is_uploaded_to_private_storage(client, coordinator, project):
    event = EventFactory(projects=[project])
    client.force_login(coordinator)
    upload = SimpleUploadedFile("diat.pdf", b"%PDF-1.4 diat", content_type="application/pdf")
    response = client.post(
        url("event_materials", pk=event.pk), {"title_fi": "Diat", "file": upload}
    )
    assert response.status_code == 302
    material = event.materials.get()
    assert material.file.name.startswith("events/materials/")
    assert material.href == reverse("events:material_download", kwargs={"pk": material.pk})


@pytest.mark.parametrize(
    ("language", "message"),
    [("fi", "Liitteen pitää olla PDF-"), ("sv", "Bilagan ska vara en PDF-")],
)
def test_a_material_file_is_checked_like_any_attachment(
    client, coordinator, project, language, message
):
    event = EventFactory(projects=[project])
    client.force_login(coordinator)
    executable = SimpleUploadedFile(
        "diat.exe", WINDOWS_EXE, content_type="application/x-msdownload"
    )
    renamed = SimpleUploadedFile("diat.pdf", WINDOWS_EXE, content_type="application/pdf")
    for upload in (executable, renamed):
        response = client.post(
            url("event_materials", language, pk=event.pk), {"title_fi": "Diat", "file": upload}
        )
        assert response.status_code == 200
        assert not event.materials.exists()
    assert (
        message
        in client.post(
            url("event_materials", language, pk=event.pk),
            {"title_fi": "Diat", "file": SimpleUploadedFile("diat.exe", WINDOWS_EXE)},
        ).text
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Lisää materiaalille joko tiedosto tai linkki"),
        ("sv", "Lägg till antingen en fil eller en länk"),
    ],
)
def test_a_material_needs_a_file_or_a_link(client, coordinator, project, language, message):
    event = EventFactory(projects=[project])
    client.force_login(coordinator)
    response = client.post(url("event_materials", language, pk=event.pk), {"title_fi": "Diat"})
    assert response.status_code == 200
    assert message in response.text
    assert not event.materials.exists()


def test_the_home_shows_upcoming_events_with_places_and_expiring_offers(
    client, coordinator, project, other_project
):
    event = EventFactory(
        projects=[project],
        title_fi="Oma tapahtuma",
        registration_enabled=True,
        capacity_in_person=3,
    )
    EventFactory(projects=[other_project], title_fi="Toisen tapahtuma")
    RegistrationFactory(event=event, attended=True)
    RegistrationFactory(event=event, status="waiting")
    RegistrationFactory(
        event=event,
        name="Tarjottu Tiina",
        status="offered",
        offer_expires_at=timezone.now() + timedelta(hours=3),
    )
    client.force_login(coordinator)
    page = client.get(reverse("workspace:home")).text
    panel = page.split('id="ws-events"')[1].split("</section>")[0]
    assert "Oma tapahtuma" in panel and "Toisen tapahtuma" not in panel
    row = panel.split("Oma tapahtuma")[1].split("</tr>")[0]
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert [c.strip() for c in cells[-3:]] == ["2 / 3", "1", "1"]
    assert "Tarjottu Tiina" in panel


def test_places_added_in_the_editor_go_to_those_waiting(client, coordinator, project):
    from events.services import registration_create

    event = EventFactory(
        projects=[project], registration_enabled=True, capacity_in_person=1, format="in_person"
    )
    for email in ("a@example.org", "b@example.org"):
        registration_create(event=event, name="Maija", email=email, consent=True)
    client.force_login(coordinator)
    data = form_data(project, format="in_person", capacity_in_person="2", online_url=None)
    assert client.post(url("event_edit", pk=event.pk), data).status_code == 302
    assert event.registrations.get(email="b@example.org").status == "offered"
