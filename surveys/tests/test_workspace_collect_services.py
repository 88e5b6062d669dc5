"""Services of the collect page (surveys/collecting.py): project links, invitations parsed
from lines, scheduled reminders through the outbox, and the aggregate counts of where
respondents stop."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from core import outbox
from core.models import OutboxMessage
from projects.models import Project
from projects.tests.factories import ProjectFactory
from surveys import collecting, services
from surveys.models import Collector, Invitation, PageReach, Reminder, SavedDraft
from surveys.tests.factories import PageFactory, QuestionFactory, SurveyFactory
from surveys.tests.helpers import post_page

pytestmark = pytest.mark.django_db


# Project links ----------------------------------------------------------------------------


def test_project_links_are_made_once_for_each_published_network_project():
    network = ProjectFactory.create_batch(3)
    ProjectFactory(kind=Project.Kind.COORDINATION)
    ProjectFactory(is_published=False)
    survey = SurveyFactory()
    created = collecting.project_links_create(survey=survey)
    assert {c.project_id for c in created} == {p.pk for p in network}
    assert collecting.project_links_create(survey=survey) == []
    assert survey.collectors.filter(kind=Collector.Kind.PROJECT).count() == 3


def test_a_project_added_later_gets_its_link_on_the_next_click():
    ProjectFactory()
    survey = SurveyFactory()
    collecting.project_links_create(survey=survey)
    late = ProjectFactory()
    assert [c.project for c in collecting.project_links_create(survey=survey)] == [late]


# Invitations from lines -------------------------------------------------------------------


def test_invitation_lines_in_every_accepted_form():
    parsed = collecting.invitations_parse(
        "sähköposti;nimi;kieli\n"
        "Anna@Example.org; Anna Ahonen; sv\n"
        "\n"
        "bertta@example.org\n"
        "cecilia@example.org\tCecilia\tfi\n"
        "david@example.org, David, svenska\n"
        "erik@example.org; sv\n"
        "anna@example.org; Anna again; fi\n"
    )
    assert parsed.errors == []
    assert parsed.rows == [
        ("anna@example.org", "Anna Ahonen", "sv"),
        ("bertta@example.org", "", "fi"),
        ("cecilia@example.org", "Cecilia", "fi"),
        ("david@example.org", "David", "sv"),
        ("erik@example.org", "", "sv"),
    ]
    assert parsed.duplicates == 1


def test_every_bad_invitation_line_is_listed_with_its_number():
    parsed = collecting.invitations_parse(
        "anna@example.org; Anna; sv\nnot an address; X; fi\nb@example.org; B; en\n"
    )
    assert parsed.errors == [
        "Rivi 2: ”not an address” ei ole sähköpostiosoite.",
        "Rivi 3: kielen pitää olla fi tai sv, ei ”en”.",
    ]
    with translation.override("sv"):
        parsed = collecting.invitations_parse("x; X; fi")
    assert parsed.errors == ["Rad 1: ”x” är inte en e-postadress."]


def test_too_many_lines_are_refused_whole():
    parsed = collecting.invitations_parse("a@example.org\n" * 5001)
    assert parsed.rows == [] and len(parsed.errors) == 1


def test_invitations_added_to_a_new_collector_are_sent_in_their_language():
    survey = SurveyFactory(title_fi="Kysely A", title_sv="Enkät A")
    collector, added = collecting.invitations_add(
        survey=survey,
        rows=[("anna@example.org", "Anna", "sv"), ("bertta@example.org", "", "fi")],
        name="Opettajat",
    )
    assert added == 2 and collector.kind == Collector.Kind.INVITATION
    assert str(collector) == "Opettajat"
    outbox.run_pending_inline()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "anna@example.org": "Inbjudan till enkäten: Enkät A",
        "bertta@example.org": "Kutsu kyselyyn: Kysely A",
    }


def test_invitations_cannot_go_to_another_surveys_collector():
    survey, other = SurveyFactory(), SurveyFactory()
    foreign = Collector.objects.create(survey=other, kind=Collector.Kind.INVITATION)
    with pytest.raises(ValidationError):
        collecting.invitations_add(
            survey=survey, rows=[("a@example.org", "", "fi")], collector=foreign
        )
    assert not Invitation.objects.exists()


# Reminders --------------------------------------------------------------------------------


def _invited(survey, *emails, language="fi", days_ago=2):
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    for email in emails:
        Invitation.objects.create(
            collector=collector,
            email=email,
            language=language,
            sent_at=timezone.now() - timedelta(days=days_ago),
        )
    return collector


def test_reminders_are_numbered_in_the_order_they_go_out():
    survey = SurveyFactory()
    now = timezone.now()
    collecting.reminder_schedule(survey=survey, send_at=now + timedelta(days=5))
    collecting.reminder_schedule(survey=survey, send_at=now + timedelta(days=2))
    third = collecting.reminder_schedule(survey=survey, send_at=now + timedelta(days=3))
    assert third.number == 2
    order = list(survey.reminders.order_by("number").values_list("send_at", flat=True))
    assert order == sorted(order)
    with pytest.raises(ValidationError) as error:
        collecting.reminder_schedule(survey=survey, send_at=now + timedelta(days=9))
    assert error.value.error_dict["send_at"][0].code == "too_many"
    collecting.reminder_cancel(reminder=survey.reminders.get(number=1))
    assert list(survey.reminders.values_list("number", flat=True)) == [1, 2]


def test_a_reminder_in_the_past_or_after_closing_is_refused():
    survey = SurveyFactory(closes_at=timezone.now() + timedelta(days=3))
    for when, code in [(-1, "past"), (4, "after_closing")]:
        with pytest.raises(ValidationError) as error:
            collecting.reminder_schedule(
                survey=survey, send_at=timezone.now() + timedelta(days=when)
            )
        assert error.value.error_dict["send_at"][0].code == code
    assert not Reminder.objects.exists()


def test_a_sent_reminder_cannot_be_cancelled():
    survey = SurveyFactory()
    reminder = Reminder.objects.create(
        survey=survey, number=1, send_at=timezone.now(), queued_at=timezone.now()
    )
    with pytest.raises(ValidationError):
        collecting.reminder_cancel(reminder=reminder)
    assert Reminder.objects.filter(pk=reminder.pk).exists()


def test_a_due_reminder_goes_once_to_those_who_have_not_answered_in_their_language():
    survey = SurveyFactory(title_fi="Kysely B", title_sv="Enkät B")
    collector = _invited(survey, "anna@example.org", language="sv")
    Invitation.objects.create(
        collector=collector,
        email="done@example.org",
        sent_at=timezone.now(),
        used_at=timezone.now(),
    )
    Invitation.objects.create(collector=collector, email="unsent@example.org")
    Reminder.objects.create(survey=survey, number=1, send_at=timezone.now() - timedelta(minutes=1))
    assert collecting.scheduled_reminders_queue() == 1
    assert collecting.scheduled_reminders_queue() == 0  # the reminder is claimed
    message = OutboxMessage.objects.get(task=services.SEND_INVITATION)
    outbox.run_pending_inline()
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    assert mail.outbox[0].subject == "Påminnelse: Enkät B"
    # A second delivery of the same message sends nothing.
    assert services.invitation_send(message.args[0], **message.kwargs) is False
    assert len(mail.outbox) == 1
    invitation = Invitation.objects.get(email="anna@example.org")
    assert invitation.reminder_count == 1
    assert Reminder.objects.get().recipients == 1


def test_nobody_gets_more_reminders_than_were_scheduled():
    survey = SurveyFactory()
    _invited(survey, "anna@example.org")
    past = timezone.now() - timedelta(minutes=1)
    for number in (1, 2, 3):
        Reminder.objects.create(survey=survey, number=number, send_at=past)
    collecting.scheduled_reminders_queue()
    outbox.run_pending_inline()
    assert len(mail.outbox) == 3
    invitation = Invitation.objects.get()
    assert invitation.reminder_count == 3
    # Reminder 2 delivered again: the count is already past it.
    assert services.invitation_send(invitation.pk, number=2) is False


def test_scheduled_reminders_replace_the_automatic_one():
    survey = SurveyFactory()
    _invited(survey, "anna@example.org", days_ago=8)
    assert services.reminders_due().count() == 1
    Reminder.objects.create(survey=survey, number=1, send_at=timezone.now() + timedelta(days=1))
    assert services.reminders_due().count() == 0


def test_a_closed_survey_reminds_nobody():
    survey = SurveyFactory(status="closed")
    _invited(survey, "anna@example.org")
    Reminder.objects.create(survey=survey, number=1, send_at=timezone.now() - timedelta(hours=1))
    assert collecting.scheduled_reminders_queue() == 0
    assert Reminder.objects.get().queued_at is not None


def test_the_hourly_beat_queues_scheduled_reminders():
    from surveys.tasks import invite_and_remind

    survey = SurveyFactory()
    _invited(survey, "anna@example.org")
    Reminder.objects.create(survey=survey, number=1, send_at=timezone.now() - timedelta(hours=1))
    assert invite_and_remind() == 1


# Where respondents stop -------------------------------------------------------------------


@pytest.fixture
def three_pages():
    survey = SurveyFactory()
    pages = [PageFactory(survey=survey, order=i) for i in (1, 2, 3)]
    for page in pages:
        QuestionFactory(page=page)
    return survey, pages


def _reach(page):
    row = PageReach.objects.filter(page=page).first()
    return (row.arrived, row.passed) if row else (0, 0)


def test_pages_count_who_arrived_and_who_went_on_once_per_respondent(client, three_pages):
    survey, pages = three_pages
    url = f"/fi/kyselyt/{survey.slug_fi}/"
    first = client.get(url)
    second = post_page(client, url, first, {})
    back = post_page(client, url, second, {}, action="back")
    again = post_page(client, url, back, {})  # page 1 passed again: counted once
    post_page(client, url, again, {})  # on to page 3
    assert [_reach(p) for p in pages] == [(1, 1), (1, 1), (1, 0)]
    # A second respondent stops on page 2 and saves for later.
    first = client.get(url)
    second = post_page(client, url, first, {})
    post_page(client, url, second, {}, action="save")
    assert [_reach(p) for p in pages] == [(2, 2), (2, 1), (1, 0)]
    saved = SavedDraft.objects.get()
    assert saved.page == pages[1] and saved.collector.kind == Collector.Kind.PUBLIC
    # Nothing about either respondent is stored beside the counts.
    assert PageReach.objects.count() == 3


def test_test_mode_counts_nothing(client, three_pages, network_coordinator):
    survey, _pages = three_pages
    client.force_login(network_coordinator)
    url = f"/fi/kyselyt/{survey.slug_fi}/testi/"
    post_page(client, url, client.get(url), {})
    assert not PageReach.objects.exists()


def test_the_monitor_shows_where_respondents_stop(three_pages, network_coordinator):
    survey, pages = three_pages
    public = survey.collectors.get()
    collecting.page_reach_add(
        collector=public,
        counts={
            pages[0].pk: {"arrived": 9, "passed": 8},
            pages[1].pk: {"arrived": 8, "passed": 2},
        },
    )
    SavedDraft.objects.create(survey=survey, page=pages[1], collector=public)
    figures = collecting.monitor(survey, network_coordinator)
    rows = [(r.arrived, r.passed, r.stopped, r.saved) for r in figures.pages]
    assert rows == [(9, 8, 1, 0), (8, 2, 6, 1), (0, 0, 0, 0)]


def test_a_project_coordinator_sees_only_their_collectors_with_small_cells_hidden(
    three_pages, coordinator, project, other_project
):
    survey, pages = three_pages
    own = Collector.objects.create(
        survey=survey, kind=Collector.Kind.PROJECT, project=project, started_count=7
    )
    other = Collector.objects.create(
        survey=survey, kind=Collector.Kind.PROJECT, project=other_project, started_count=50
    )
    collecting.page_reach_add(collector=own, counts={pages[0].pk: {"arrived": 7, "passed": 3}})
    collecting.page_reach_add(collector=other, counts={pages[0].pk: {"arrived": 50, "passed": 40}})
    figures = collecting.monitor(survey, coordinator)
    assert [row.collector for row in figures.collectors] == [own]
    assert figures.collectors[0].started == 7
    assert figures.collectors[0].completed is None  # 0 responses: under five
    assert figures.started == 7
    first = figures.pages[0]
    assert (first.arrived, first.passed, first.stopped) == (7, None, None)


def test_a_project_coordinator_cannot_work_out_a_hidden_count_from_the_total(
    three_pages, coordinator, project
):
    survey, pages = three_pages
    big = Collector.objects.create(
        survey=survey, kind=Collector.Kind.PROJECT, project=project, started_count=9
    )
    small = Collector.objects.create(
        survey=survey, kind=Collector.Kind.PROJECT, project=project, started_count=3
    )
    collecting.page_reach_add(collector=big, counts={pages[0].pk: {"arrived": 13, "passed": 10}})
    figures = collecting.monitor(survey, coordinator)
    assert figures.started == 12
    # The 3 is hidden, and so is the 9: 12 - 9 would give it away.
    assert [row.started for row in figures.collectors] == [None, None]
    first = figures.pages[0]
    # 3 stopped: hidden, and 10 went on with it: 13 - 10 would be the 3.
    assert (first.arrived, first.passed, first.stopped) == (13, None, None)
    big.started_count = 20
    big.save(update_fields=["started_count"])
    small.started_count = 5
    small.save(update_fields=["started_count"])
    figures = collecting.monitor(survey, coordinator)
    assert sorted(row.started for row in figures.collectors) == [5, 20]
