"""The translation workflow: states kept by the save receivers, the "Missing Swedish" list,
asking for a translation and the daily summary to network coordinators."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.tests.factories import PostFactory
from core import outbox
from core.models import OutboxMessage
from events.tests.factories import EventFactory
from practices.models import Practice
from practices.tests.factories import PracticeFactory
from projects.tests.factories import ProjectFactory
from workspace import translations
from workspace.models import TranslationDigest, TranslationStatus
from workspace.tests.matrix import check_matrix, nobody

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(cast):
    """The cast with one role-less user, for tests that walk the matrix more than once."""
    return {**cast, "nobody": nobody()}


COVERED = {"workspace:translations", "workspace:translation_request"}
HELSINKI = ZoneInfo("Europe/Helsinki")
COORDINATORS = {"coordinator", "network_coordinator"}


def row_of(obj):
    return TranslationStatus.objects.get(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    )


def status_of(obj):
    return translations.translation_state(type(obj).objects.get(pk=obj.pk))


def test_a_new_object_with_both_languages_is_up_to_date(project):
    practice = PracticeFactory(projects=[project])
    state = status_of(practice)
    assert state.has_fi and state.has_sv
    assert not state.missing and not state.out_of_date


def test_a_change_of_the_finnish_alone_makes_the_swedish_out_of_date(project):
    practice = PracticeFactory(projects=[project])
    practice.summary_fi = "Uusi tiivistelmä."
    practice.save()
    assert status_of(practice).out_of_date
    assert TranslationStatus.objects.waiting().count() == 1

    practice.summary_sv = "Ny sammanfattning."
    practice.save()
    assert not status_of(practice).out_of_date
    assert not TranslationStatus.objects.waiting().exists()


def test_saving_without_a_change_keeps_the_swedish_up_to_date(project):
    practice = PracticeFactory(projects=[project])
    practice.save()
    practice.is_published = False
    practice.save()
    assert not status_of(practice).out_of_date


def test_finnish_and_swedish_changed_together_stay_up_to_date(project):
    practice = PracticeFactory(projects=[project])
    practice.title_fi, practice.title_sv = "Uusi nimi", "Nytt namn"
    practice.save()
    assert not status_of(practice).waiting


def test_finnish_text_without_swedish_is_missing_for_every_tracked_type(project):
    for obj in (
        PracticeFactory(projects=[project], problem_fi="<p>Tarve.</p>", problem_sv=""),
        EventFactory(projects=[project], title_sv=""),
        PostFactory(projects=[project], title_sv="", lead_sv="", body_sv=""),
        ProjectFactory(summary_sv=""),
    ):
        state = status_of(obj)
        assert state.missing, obj
        assert TranslationStatus.objects.waiting().filter(pk=row_of(obj).pk).exists()


def test_an_empty_rich_text_paragraph_is_no_text(project):
    practice = PracticeFactory(projects=[project], problem_fi="<p></p>", problem_sv="")
    assert not status_of(practice).missing


def test_deleting_an_object_forgets_its_state(project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    pk = practice.pk
    practice.delete()
    practice_type = ContentType.objects.get_for_model(Practice)
    assert not TranslationStatus.objects.filter(content_type=practice_type, object_id=pk).exists()


def test_a_row_made_for_an_object_saved_before_tracking_began(project):
    practice = PracticeFactory(projects=[project])
    TranslationStatus.objects.all().delete()
    practice.summary_fi = "Muutettu."
    practice.save()
    assert status_of(practice).out_of_date


# ------------------------------------------------------------------ the list


def test_the_list_shows_the_users_own_waiting_objects(client, coordinator, project, other_project):
    mine = PracticeFactory(projects=[project], title_fi="Oma malli", summary_sv="")
    PracticeFactory(projects=[other_project], title_fi="Toisen malli", summary_sv="")
    PracticeFactory(projects=[project], title_fi="Valmis malli")
    client.force_login(coordinator)
    text = client.get(reverse("workspace:translations")).text
    assert "Oma malli" in text and "Ruotsi puuttuu" in text
    assert "Toisen malli" not in text and "Valmis malli" not in text
    assert reverse("practices_workspace:practice_edit", kwargs={"pk": mine.pk}) in text


def test_the_list_filters_by_project_and_type(client, network_coordinator, project, other_project):
    PracticeFactory(projects=[project], title_fi="Ensimmäinen malli", summary_sv="")
    PracticeFactory(projects=[other_project], title_fi="Toinen malli", summary_sv="")
    EventFactory(projects=[project], title_fi="Tapahtuma ilman ruotsia", title_sv="")
    client.force_login(network_coordinator)
    url = reverse("workspace:translations")
    text = client.get(url, {"hanke": project.pk}).text
    assert "Ensimmäinen malli" in text and "Tapahtuma ilman ruotsia" in text
    assert "Toinen malli" not in text
    text = client.get(url, {"hanke": project.pk, "tyyppi": "event"}).text
    assert "Tapahtuma ilman ruotsia" in text and "Ensimmäinen malli" not in text


def test_junk_filters_are_a_message_not_an_error(client, network_coordinator):
    client.force_login(network_coordinator)
    response = client.get(reverse("workspace:translations"), {"hanke": "x", "tyyppi": "<b>"})
    assert response.status_code == 200
    assert "errorlist" in response.text


def test_the_list_queries_do_not_grow(client, network_coordinator, project, other_project):
    projects = [project, other_project]
    client.force_login(network_coordinator)
    url = reverse("workspace:translations")

    def grow(n):
        for _ in range(n):
            PracticeFactory(projects=projects, summary_sv="")
            EventFactory(projects=projects, title_sv="")
            PostFactory(projects=projects, title_sv="", lead_sv="", body_sv="")
        client.get(url)  # content types and the session are read once
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        return len(captured)

    small = grow(1)
    assert grow(10) == small


# ------------------------------------------------------------------ asking for a translation


def test_matrix_of_the_list(client, cast):
    check_matrix(
        client,
        cast,
        reverse("workspace:translations"),
        allowed={"coordinator", "other_coordinator", "network_coordinator", "oph"},
    )


def test_matrix_of_asking_for_a_translation(client, cast, project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    url = reverse("workspace:translation_request", args=["practice", practice.pk])
    check_matrix(client, cast, url, allowed=COORDINATORS, method="post")


def test_asking_records_who_and_when(client, coordinator, project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    client.force_login(coordinator)
    response = client.post(
        reverse("workspace:translation_request", args=["practice", practice.pk]),
        {"next": "https://evil.example.org/"},
    )
    assert response["Location"] == reverse("workspace:translations")
    status = row_of(practice)
    assert status.requested_by == coordinator and status.requested_at
    text = client.get(reverse("workspace:translations")).text
    assert "Pyydä käännös" not in text and "pyysi" in text


def test_asking_for_an_up_to_date_translation_is_refused(client, coordinator, project):
    practice = PracticeFactory(projects=[project])
    client.force_login(coordinator)
    response = client.post(
        reverse("workspace:translation_request", args=["practice", practice.pk]), follow=True
    )
    assert "ajan tasalla" in response.text
    assert not TranslationStatus.objects.filter(requested_at__isnull=False).exists()


def test_writing_the_swedish_ends_the_request(coordinator, project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    translations.translation_request(obj=practice, user=coordinator)
    practice.summary_sv = "Sammanfattning."
    practice.save()
    status = row_of(practice)
    assert status.requested_at is None and status.requested_by is None


def test_an_unknown_type_is_not_found(client, coordinator):
    client.force_login(coordinator)
    url = reverse("workspace:translation_request", args=["survey", 1])
    assert client.post(url).status_code == 404


# ------------------------------------------------------------------ the daily summary


def morning(day=7):
    return datetime(2026, 12, day, 8, 0, tzinfo=HELSINKI)


def test_the_summary_goes_to_each_network_coordinator_once_a_day(
    network_coordinator, project, django_capture_on_commit_callbacks
):
    network_coordinator.language = "sv"
    network_coordinator.save()
    practice = PracticeFactory(projects=[project], summary_sv="")
    with django_capture_on_commit_callbacks():
        assert translations.translation_digests_queue(now=morning()) == 1
        assert translations.translation_digests_queue(now=morning()) == 0
    outbox.run_pending_inline()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [network_coordinator.email]
    assert message.subject.startswith("Att översätta: 1 innehåll")
    assert "Svenska saknas" in message.body and practice.title_sv in message.body
    assert f"/sv/arbetsyta/god-praxis/{practice.pk}/" in message.body
    assert "/sv/arbetsyta/oversattningar/" in message.body
    with django_capture_on_commit_callbacks():
        assert translations.translation_digests_queue(now=morning(8)) == 1


def test_no_summary_when_nothing_waits_or_before_morning(network_coordinator, project):
    PracticeFactory(projects=[project])
    assert translations.translation_digests_queue(now=morning()) == 0
    PracticeFactory(projects=[project], summary_sv="")
    early = datetime(2026, 12, 7, 6, 0, tzinfo=HELSINKI)
    assert translations.translation_digests_queue(now=early) == 0
    assert not TranslationDigest.objects.exists() and not OutboxMessage.objects.exists()


def test_a_summary_whose_work_was_done_meanwhile_sends_nothing(network_coordinator, project):
    practice = PracticeFactory(projects=[project], summary_sv="")
    translations.translation_digests_queue(now=morning())
    practice.summary_sv = "Klart."
    practice.save()
    outbox.run_pending_inline()
    assert mail.outbox == []


def test_the_beat_schedule_names_the_summary_task():
    from valita.celery import app

    entry = app.conf.beat_schedule["workspace-translation-digest"]
    assert entry["task"] == "workspace.tasks.send_translation_digests"
    from workspace.tasks import send_translation_digests

    assert send_translation_digests.name == entry["task"]
