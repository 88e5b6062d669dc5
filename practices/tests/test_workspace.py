"""The practices' workspace pages: the editor with FI/SV side by side, the admin's rules
on projects, attachments through the validated private upload, adoptions, follow-up."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core import outbox
from core.tests.test_attachments import WINDOWS_EXE, pdf_bytes, upload
from practices import services
from practices.models import Practice
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def edit_url(practice):
    return reverse("practices_workspace:practice_edit", args=[practice.pk])


def form_data(practice, **changes):
    data = {
        "title_fi": practice.title_fi,
        "title_sv": practice.title_sv,
        "slug_fi": practice.slug_fi,
        "slug_sv": practice.slug_sv,
        "summary_fi": practice.summary_fi,
        "summary_sv": practice.summary_sv,
        "steps_fi": practice.steps_fi,
        "steps_sv": practice.steps_sv,
        "target_group": practice.target_group,
        "status": practice.status,
        "licence": practice.licence,
        "is_published": "on",
        "projects": [p.pk for p in practice.projects.all()],
    }
    data.update(changes)
    return data


def test_the_editor_shows_finnish_and_swedish_side_by_side(client, coordinator, project):
    practice = PracticeFactory(projects=[project], problem_fi="<p>Tarve.</p>")
    client.force_login(coordinator)
    text = client.get(edit_url(practice)).text
    assert text.count('class="lang-columns"') == 8
    assert 'id="id_problem_sv_missing"' in text  # the empty Swedish beside a written Finnish
    assert 'id="id_summary_sv_missing"' not in text
    assert "Ruotsi puuttuu" in text


def test_the_editor_speaks_swedish(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    with translation.override("sv"):
        url = edit_url(practice)
    assert url.startswith("/sv/arbetsyta/god-praxis/")
    text = client.get(url).text
    assert "Texter på finska och svenska" in text and "på svenska" in text


def test_a_finnish_change_marks_the_swedish_out_of_date(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    response = client.post(edit_url(practice), form_data(practice, summary_fi="Uusi."))
    assert response.status_code == 302
    text = client.get(edit_url(practice)).text
    assert "Ruotsi vanhentunut" in text and "Pyydä käännös" in text


def test_a_coordinator_keeps_the_projects_they_may_not_change(
    client, coordinator, project, other_project
):
    practice = PracticeFactory(projects=[project, other_project])
    client.force_login(coordinator)
    data = form_data(practice, projects=[project.pk])
    response = client.post(edit_url(practice), data)
    assert response.status_code == 302
    assert set(practice.projects.all()) == {project, other_project}
    # Naming a project they do not coordinate is refused beside the field.
    response = client.post(edit_url(practice), form_data(practice, projects=[other_project.pk]))
    assert response.status_code == 200 and "errorlist" in response.text


def test_a_new_practice_has_the_coordinators_one_project_preselected(client, coordinator, project):
    client.force_login(coordinator)
    text = client.get(reverse("practices_workspace:practice_create")).text
    checkbox = re.search(
        rf'<input type="checkbox" name="projects" value="{project.pk}"[^>]*>', text
    )
    assert checkbox and "checked" in checkbox.group()


def test_bad_input_is_told_beside_the_field_and_nothing_is_saved(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    response = client.post(edit_url(practice), form_data(practice, title_fi="", contact_email="x"))
    assert response.status_code == 200
    assert 'id="error-summary"' in response.text
    assert 'id="id_title_fi_error"' in response.text
    practice.refresh_from_db()
    assert practice.title_fi != ""


def test_an_attachment_goes_through_the_validated_private_upload(
    client, coordinator, project, settings
):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    url = reverse("practices_workspace:practice_attachments", args=[practice.pk])
    base = {"attachments-TOTAL_FORMS": "1", "attachments-INITIAL_FORMS": "0"}
    refused = client.post(
        url,
        {
            **base,
            "attachments-0-title_fi": "Ohjelma",
            "attachments-0-order": "0",
            "attachments-0-file": upload("ohjelma.pdf", WINDOWS_EXE),
        },
    )
    assert refused.status_code == 200 and "errorlist" in refused.text
    assert not practice.attachments.exists()
    accepted = client.post(
        url,
        {
            **base,
            "attachments-0-title_fi": "Opas",
            "attachments-0-order": "0",
            "attachments-0-file": upload("opas.pdf", pdf_bytes()),
        },
    )
    assert accepted.status_code == 302
    attachment = practice.attachments.get()
    assert attachment.kind == "pdf"
    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path


def test_adoptions_are_added_and_the_page_queries_do_not_grow(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    organisation = OrganisationFactory()
    client.force_login(coordinator)
    url = reverse("practices_workspace:practice_adoptions", args=[practice.pk])
    response = client.post(
        url,
        {
            "adoptions-TOTAL_FORMS": "1",
            "adoptions-INITIAL_FORMS": "0",
            "adoptions-0-organisation": organisation.pk,
            "adoptions-0-since": "2025-02-01",
            "adoptions-0-depth": "in_use",
            "adoptions-0-status": "active",
            "adoptions-0-contact_language": "sv",
        },
    )
    assert response.status_code == 302
    assert practice.adoptions.get().since == date(2025, 2, 1)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return [q["sql"][:120] for q in captured]

    small = count()
    AdoptionFactory.create_batch(9, practice=practice)
    assert count() == small, count()


def test_the_list_queries_do_not_grow(client, network_coordinator):
    projects = ProjectFactory.create_batch(2)
    client.force_login(network_coordinator)
    url = reverse("practices_workspace:practice_list")

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    PracticeFactory.create_batch(2, projects=projects)
    small = count()
    PracticeFactory.create_batch(20, projects=projects)
    assert count() == small


def test_the_list_shows_only_the_users_practices(client, coordinator, project, other_project):
    PracticeFactory(projects=[project], title_fi="Oma")
    PracticeFactory(projects=[other_project], title_fi="Vieras")
    client.force_login(coordinator)
    text = client.get(reverse("practices_workspace:practice_list")).text
    assert "Oma" in text and "Vieras" not in text


def test_a_network_coordinator_starts_a_round_and_sees_the_answers(
    client, network_coordinator, project, django_capture_on_commit_callbacks
):
    practice = PracticeFactory(projects=[project])
    AdoptionFactory(practice=practice, contact_language="sv")
    client.force_login(network_coordinator)
    closes = (timezone.localdate() + timedelta(days=14)).isoformat()
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("practices_workspace:followup_start"),
            {
                "title": "12 kk seuranta",
                "practices": [practice.pk],
                "months_after": "12",
                "closes_on": closes,
                "remind_after_days": "7",
            },
        )
    round = practice.followup_rounds.get()
    assert response["Location"] == reverse("practices_workspace:followup_detail", args=[round.pk])
    outbox.run_pending_inline()
    assert len(mail.outbox) == 1
    services.followup_answer(request=round.requests.get(), answer="in_use")
    text = client.get(response["Location"]).text
    assert "Malli on edelleen käytössä" in text


def test_a_round_closing_in_the_past_is_refused_beside_the_field(
    client, network_coordinator, project
):
    practice = PracticeFactory(projects=[project])
    AdoptionFactory(practice=practice)
    client.force_login(network_coordinator)
    response = client.post(
        reverse("practices_workspace:followup_start"),
        {
            "title": "Vanha",
            "practices": [practice.pk],
            "closes_on": "2020-01-01",
            "remind_after_days": "7",
        },
    )
    assert response.status_code == 200 and 'id="id_closes_on_error"' in response.text
    assert not practice.followup_rounds.exists()


def test_follow_up_due_names_practices_of_ended_projects(network_coordinator):
    ended = ProjectFactory(ends_on=timezone.localdate() - timedelta(days=400))
    practice = PracticeFactory(projects=[ended])
    AdoptionFactory(practice=practice)
    PracticeFactory(projects=[ProjectFactory(ends_on=timezone.localdate())])
    due = services.followup_due()
    assert [(row["practice"], row["months"]) for row in due] == [(practice, 12)]
    services.followup_round_start(
        title="12",
        practices=[practice],
        months_after=12,
        closes_at=timezone.now() + timedelta(days=3),
    )
    assert services.followup_due() == []


def test_deleting_a_practice(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    url = reverse("practices_workspace:practice_delete", args=[practice.pk])
    assert "Poista pysyvästi" in client.get(url).text
    assert client.post(url)["Location"] == reverse("practices_workspace:practice_list")
    assert not Practice.objects.filter(pk=practice.pk).exists()
