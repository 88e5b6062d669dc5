"""Drafts ("continue later") and reminders in anonymous invitation surveys.

A draft belongs to the way in it was started through (surveys.flow.AnswerFlow), a saved
draft names no invitee once the invitation has answered and none lives past its retention
time (services.saved_drafts_purge), and an anonymous invitation keeps no reminder trace
that would tell when its invitee answered (services.response_submit).
"""

from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from surveys import services
from surveys.models import Collector, Invitation, Reminder, Response, SavedDraft
from surveys.tests.factories import CollectorFactory, InvitationFactory, build_survey
from surveys.tests.helpers import page1, post_page, url_of
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.fixture
def s():
    return build_survey()


def saved_link(response) -> str:
    return response.content.decode().split('class="saved-link"><a href="')[1].split('"')[0]


def save_through(client, url, s) -> str:
    """Answer the first page through `url`, save for later; the private link."""
    second = post_page(client, url, client.get(url), page1(s, yes=False))
    return saved_link(post_page(client, url, second, {}, action="save"))


def token_of(link: str) -> str:
    return link.split("jatka=")[1]


# 1. A draft belongs to its way in -----------------------------------------------------------


def test_an_invitation_draft_is_not_finished_through_the_public_link(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    own = invitation.get_absolute_url()
    last = post_page(client, own, client.get(own), page1(s, yes=False))
    refused = post_page(client, url_of(s["survey"]), last, {f"q{s['short'].pk}": "x"})
    assert refused.status_code == 400
    assert "Jatka vastaamista sillä linkillä" in refused.content.decode()
    assert Response.objects.count() == 0
    invitation.refresh_from_db()
    assert invitation.used_at is None
    # The same draft still finishes through its own link, and uses the invitation.
    assert post_page(client, own, last, {f"q{s['short'].pk}": "x"}).status_code == 302
    invitation.refresh_from_db()
    assert Response.objects.get().collector == invitation.collector
    assert invitation.used_at == s["survey"].opens_at


def test_a_public_draft_is_not_finished_through_an_invitation_or_a_project_link(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    project_link = CollectorFactory(survey=s["survey"]).get_absolute_url()
    public = url_of(s["survey"])
    last = post_page(client, public, client.get(public), page1(s, yes=False))
    for elsewhere in (invitation.get_absolute_url(), project_link):
        refused = post_page(client, elsewhere, last, {f"q{s['short'].pk}": "x"})
        assert refused.status_code == 400
    assert Response.objects.count() == 0
    assert Invitation.objects.get().used_at is None


def test_a_saved_invitation_draft_is_kept_for_its_own_link_and_refused_elsewhere(client, s):
    invitation = InvitationFactory(collector__survey=s["survey"])
    own = invitation.get_absolute_url()
    link = save_through(client, own, s)
    public = f"{url_of(s['survey'])}?jatka={token_of(link)}"
    with translation.override("sv"):
        swedish = client.get(f"{url_of(s['survey'], 'sv')}?jatka={token_of(link)}")
    refused = client.get(public)
    assert refused.status_code == 400
    assert "aloitettu toisen linkin kautta" in refused.content.decode()
    assert "påbörjats via en annan länk" in swedish.content.decode()
    assert 'name="draft"' not in refused.content.decode()  # no form to finish it here
    assert SavedDraft.objects.count() == 1  # nothing the respondent saved is lost
    resumed = client.get(link)
    assert "Sivu 2 / 2" in resumed.content.decode()
    assert post_page(client, own, resumed, {f"q{s['short'].pk}": "x"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.used_at == s["survey"].opens_at
    assert SavedDraft.objects.count() == 0


# 2. Saved drafts name no invitee once answered, and do not live forever ----------------------


def test_an_invitation_that_answers_leaves_no_saved_draft_behind(client, s):
    """A draft saved, then the invitation answered afresh: the saved copy (answers and the
    invitation's id) would otherwise tie the invitee to the anonymous response."""
    invitation = InvitationFactory(collector__survey=s["survey"])
    own = invitation.get_absolute_url()
    save_through(client, own, s)
    assert SavedDraft.objects.get().invitation == invitation
    last = post_page(client, own, client.get(own), page1(s, yes=False))
    assert post_page(client, own, last, {f"q{s['short'].pk}": "x"}).status_code == 302
    assert SavedDraft.objects.count() == 0
    assert Invitation.objects.get().used_at is not None


def test_saved_drafts_are_purged_after_the_retention_time(client, s, settings):
    settings.SURVEYS_DRAFT_RETENTION_DAYS = 30
    url = url_of(s["survey"])
    save_through(client, url, s)
    save_through(client, url, s)
    old, recent = SavedDraft.objects.order_by("pk")
    SavedDraft.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))
    SavedDraft.objects.filter(pk=recent.pk).update(updated_at=timezone.now() - timedelta(days=29))
    assert services.saved_drafts_purge() == 1
    assert list(SavedDraft.objects.all()) == [recent]
    assert services.saved_drafts_purge() == 0  # a second run is a no-op


def test_a_purged_link_says_so_and_starts_anew(client, s, settings):
    settings.PAGE_CACHE_SECONDS = 300  # shared fragments on (this app's tests turn them off)
    url = url_of(s["survey"])
    link = save_through(client, url, s)
    SavedDraft.objects.all().delete()
    page = client.get(link).content.decode()
    assert "Tallennettua vastausta ei enää ole" in page
    assert "Sivu 1 / " in page
    # The note is this respondent's alone: the next first visit's shared page lacks it.
    assert "Tallennettua vastausta ei enää ole" not in client.get(url).content.decode()


def test_the_purge_runs_daily_from_the_beat_schedule():
    tasks = {entry["task"]: entry for entry in celery_app.conf.beat_schedule.values()}
    assert tasks["surveys.tasks.purge_saved_drafts"]["schedule"] == 24 * 3600.0


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Keskeneräiset vastaukset poistetaan 30 päivän kuluttua"),
        ("sv", "Påbörjade svar raderas 30 dagar"),
    ],
)
def test_the_privacy_notice_states_the_retention_of_saved_drafts(client, settings, language, text):
    settings.SURVEYS_DRAFT_RETENTION_DAYS = 30
    with translation.override(language):
        url = reverse("privacy_notice")
    assert text in client.get(url).content.decode()


def test_the_continue_later_page_says_how_long_the_link_keeps(client, s, settings):
    settings.SURVEYS_DRAFT_RETENTION_DAYS = 30
    url = url_of(s["survey"])
    second = post_page(client, url, client.get(url), page1(s, yes=False))
    saved = post_page(client, url, second, {}, action="save").content.decode()
    assert "30 päivää" in saved


# 3. Reminders leave no trace of when an anonymous invitee answered ---------------------------


def answer(client, s, invitation):
    url = invitation.get_absolute_url()
    last = post_page(client, url, client.get(url), page1(s, yes=False))
    assert post_page(client, url, last, {f"q{s['short'].pk}": "x"}).status_code == 302


def reminded_invitation(survey, count=2):
    sent = timezone.now() - timedelta(days=10)
    return InvitationFactory(
        collector__survey=survey,
        sent_at=sent,
        reminded_at=sent + timedelta(days=3),
        reminder_count=count,
    )


def test_an_anonymous_invitation_that_answers_forgets_its_reminders(client, s):
    """Reminder k goes to those who have not answered: a kept count (or last reminder time)
    beside the scheduled reminders' times would say between which two they answered."""
    invitation = reminded_invitation(s["survey"])
    answer(client, s, invitation)
    invitation.refresh_from_db()
    assert (invitation.reminder_count, invitation.reminded_at) == (0, None)
    assert invitation.used_at == s["survey"].opens_at


def test_a_named_invitation_keeps_its_reminders(client):
    s = build_survey(anonymous=False)
    invitation = reminded_invitation(s["survey"])
    answer(client, s, invitation)
    invitation.refresh_from_db()
    assert invitation.reminder_count == 2 and invitation.reminded_at is not None


def test_an_answered_anonymous_invitation_gets_no_further_reminder(client, s):
    invitation = reminded_invitation(s["survey"], count=1)
    answer(client, s, invitation)
    Reminder.objects.create(survey=s["survey"], number=2, send_at=timezone.now())
    assert services.invitation_send(invitation.pk, number=2) is False
    assert services.reminders_due().count() == 0


def test_the_admin_shows_no_per_invitee_reminders_or_answers_in_an_anonymous_survey(
    network_coordinator,
):
    anonymous = build_survey()["survey"]
    named = build_survey(anonymous=False)["survey"]
    inline_fields = {}
    for survey in (anonymous, named):
        collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
        request = RequestFactory().get("/")
        request.user = network_coordinator
        admin = site._registry[Collector]
        inline = admin.get_inline_instances(request, collector)[0]
        inline_fields[survey.anonymous] = set(inline.get_fields(request, collector))
    assert inline_fields[True] == {"email", "name", "language", "sent_at"}
    assert {"reminded_at", "reminder_count", "used_at"} <= inline_fields[False]


def test_the_collect_page_of_an_anonymous_survey_names_no_invitee_and_no_reminder_time(
    nc_client, s
):
    survey = s["survey"]
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    sent = timezone.now() - timedelta(days=10)
    for number in range(6):
        Invitation.objects.create(
            collector=collector,
            email=f"henkilo{number}@example.org",
            sent_at=sent,
            reminded_at=sent + timedelta(days=number),
            reminder_count=1,
        )
    url = reverse("surveys_workspace:collect", args=[survey.pk])
    text = nc_client.get(url).text
    assert "henkilo" not in text
    for invitation in Invitation.objects.all():
        assert f"{invitation.reminded_at:%-d.%-m.%Y}" not in text
    assert "muistutus)" not in text  # no per-invitee "(1 muistutus)"


def test_the_migration_links_live_invitation_drafts_and_deletes_answered_ones(client, s):
    """Rows saved before SavedDraft.invitation: the id is read from the signed draft."""
    from django.apps import apps

    migration = import_module("surveys.migrations.0009_saveddraft_invitation")
    live, answered = (InvitationFactory(collector__survey=s["survey"]) for _i in range(2))
    for invitation in (live, answered):
        save_through(client, invitation.get_absolute_url(), s)
    SavedDraft.objects.update(invitation=None)
    answered_reminded = reminded_invitation(s["survey"])
    Invitation.objects.filter(pk__in=[answered.pk, answered_reminded.pk]).update(
        used_at=timezone.now()
    )
    migration.link_or_delete_drafts(apps, None)
    assert [d.invitation for d in SavedDraft.objects.all()] == [live]
    answered_reminded.refresh_from_db()
    assert (answered_reminded.reminder_count, answered_reminded.reminded_at) == (0, None)
