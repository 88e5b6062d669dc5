"""The collect page and monitor (surveys/workspace_collect.py): what each form saves, every
refusal with its message beside the field and nothing saved, who sees whom, and query
counts that do not grow with the data."""

from datetime import date, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from core.deadlines import HELSINKI
from projects.tests.factories import ProjectFactory
from surveys.models import Collector, Invitation, Reminder, Response, Survey
from surveys.tests.factories import PageFactory, QuestionFactory, SurveyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(project):
    survey = SurveyFactory(title_fi="Verkostokysely", anonymous=False)
    Collector.objects.create(survey=survey, kind=Collector.Kind.PROJECT, project=project)
    return survey


def url(name, survey, *args):
    return reverse(f"surveys_workspace:{name}", args=[survey.pk, *args])


def test_collect_page_has_its_address_in_both_languages(nc_client, survey):
    assert url("collect", survey) == f"/fi/tyotila/kyselyt/{survey.pk}/keruu/"
    with translation.override("sv"):
        sv = url("collect", survey)
        monitor = url("collect_monitor", survey)
    assert sv == f"/sv/arbetsyta/enkater/{survey.pk}/insamling/"
    assert monitor == f"/sv/arbetsyta/enkater/{survey.pk}/uppfoljning/"
    response = nc_client.get(sv)
    assert response.status_code == 200
    assert "Insamling: " in response.text


def test_the_page_shows_the_public_link_and_its_embed_snippet(nc_client, survey):
    text = nc_client.get(url("collect", survey)).text
    assert f"/fi/kyselyt/{survey.slug_fi}/" in text
    assert f"/sv/enkater/{survey.slug_sv}/" in text
    assert f"/fi/kyselyt/{survey.slug_fi}/upotus/" in text
    assert "&lt;iframe" in text


# Opening and closing ----------------------------------------------------------------------


def test_a_closing_day_keeps_the_whole_day_in_helsinki(nc_client, survey):
    response = nc_client.post(
        url("collect_schedule", survey),
        {"aika-status": "open", "aika-opens_day": "2026-03-01", "aika-closes_day": "2026-03-20"},
    )
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.opens_at == datetime(2026, 3, 1, tzinfo=HELSINKI)
    assert survey.closes_at == datetime(2026, 3, 21, tzinfo=HELSINKI)
    text = nc_client.get(url("collect", survey)).text
    assert "20.3.2026" in text  # the last day accepted, not the midnight after it
    assert 'value="2026-03-20"' in text


def test_a_closing_time_closes_at_that_moment(nc_client, survey):
    nc_client.post(
        url("collect_schedule", survey),
        {
            "aika-status": "open",
            "aika-opens_day": "2026-03-01",
            "aika-opens_time": "08:30",
            "aika-closes_day": "2026-03-20",
            "aika-closes_time": "16:00",
        },
    )
    survey.refresh_from_db()
    assert survey.opens_at == datetime(2026, 3, 1, 8, 30, tzinfo=HELSINKI)
    assert survey.closes_at == datetime(2026, 3, 20, 16, 0, tzinfo=HELSINKI)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"aika-opens_day": "2026-03-20", "aika-closes_day": "2026-03-10"},
            "closes_day",
            "Kysely ei voi sulkeutua ennen kuin se avautuu.",
        ),
        ({"aika-opens_time": "10:00"}, "opens_day", "Valitse myös avautumispäivä."),
        ({"aika-closes_time": "10:00"}, "closes_day", "Valitse myös viimeinen vastauspäivä."),
        ({"aika-opens_day": "2026-13-45"}, "opens_day", "Syötä oikea päivämäärä."),
        ({"aika-status": "maybe"}, "status", "Valitse oikea vaihtoehto."),
    ],
)
def test_a_bad_schedule_is_refused_beside_its_field(nc_client, survey, data, field, message):
    before = Survey.objects.values("status", "opens_at", "closes_at").get(pk=survey.pk)
    response = nc_client.post(url("collect_schedule", survey), {"aika-status": "open", **data})
    assert response.status_code == 400
    assert f'id="id_aika-{field}_error"' in response.text
    assert message in response.text
    assert 'id="error-summary"' in response.text
    assert Survey.objects.values("status", "opens_at", "closes_at").get(pk=survey.pk) == before


def test_schedule_errors_are_in_swedish_on_the_swedish_page(nc_client, survey):
    with translation.override("sv"):
        address = url("collect_schedule", survey)
    response = nc_client.post(
        address,
        {"aika-status": "open", "aika-opens_day": "2026-03-20", "aika-closes_day": "2026-03-10"},
    )
    assert "Enkäten kan inte stängas innan den öppnas." in response.text


# Embedding --------------------------------------------------------------------------------


def test_embedding_sites_are_saved_one_a_line(nc_client, survey):
    nc_client.post(
        url("collect_embed", survey),
        {"upotus-embed_domains": "https://www.winnova.fi/\n\nhttps://omnia.fi\nhttps://omnia.fi"},
    )
    survey.refresh_from_db()
    assert survey.embed_domain_list() == ["https://www.winnova.fi", "https://omnia.fi"]


def test_a_bad_embedding_site_is_refused_and_nothing_saved(nc_client, survey):
    response = nc_client.post(
        url("collect_embed", survey), {"upotus-embed_domains": "https://ok.fi\nwinnova.fi"}
    )
    assert response.status_code == 400
    assert 'id="id_upotus-embed_domains_error"' in response.text
    assert "Kirjoita jokainen sivusto muodossa https://esimerkki.fi." in response.text
    assert Survey.objects.get(pk=survey.pk).embed_domains == ""


# Project links ----------------------------------------------------------------------------


def test_one_click_makes_a_link_for_every_project_and_a_second_click_none(
    nc_client, survey, project
):
    others = ProjectFactory.create_batch(2)
    response = nc_client.post(url("collect_project_links", survey), follow=True)
    assert "Luotiin 2 hankelinkkiä." in response.text
    for other in others:
        collector = survey.collectors.get(project=other)
        assert f"/fi/kyselyt/{survey.slug_fi}/linkki/{collector.token}/" in response.text
        assert f"/fi/kyselyt/{survey.slug_fi}/linkki/{collector.token}/upotus/" in response.text
    response = nc_client.post(url("collect_project_links", survey), follow=True)
    assert "Jokaisella hankkeella on jo linkki." in response.text
    assert survey.collectors.filter(kind=Collector.Kind.PROJECT).count() == 3


def test_a_link_is_closed_and_opened_again(nc_client, survey, project):
    QuestionFactory(page=PageFactory(survey=survey))
    collector = survey.collectors.get(project=project)
    nc_client.post(url("collect_collector_active", survey, collector.pk), {"active": "0"})
    collector.refresh_from_db()
    assert not collector.is_active
    answer = f"/fi/kyselyt/{survey.slug_fi}/linkki/{collector.token}/"
    assert nc_client.get(answer).status_code == 404
    nc_client.post(url("collect_collector_active", survey, collector.pk), {"active": "1"})
    assert nc_client.get(answer).status_code == 200


def test_a_collector_of_another_survey_is_not_found(nc_client, survey):
    other = SurveyFactory().collectors.get()
    response = nc_client.post(url("collect_collector_active", survey, other.pk), {"active": "0"})
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_a_project_coordinator_sees_their_own_link_only_and_no_forms(
    client, coordinator, survey, project, other_project
):
    Collector.objects.create(survey=survey, kind=Collector.Kind.PROJECT, project=other_project)
    client.force_login(coordinator)
    text = client.get(url("collect", survey)).text
    own = survey.collectors.get(project=project)
    theirs = survey.collectors.get(project=other_project)
    assert own.token in text
    assert theirs.token not in text
    assert f"/fi/kyselyt/{survey.slug_fi}/" in text  # the public link, public anyway
    assert "Kyselyllä ei ole julkista linkkiä." not in text
    for action in ("collect_schedule", "collect_embed", "collect_project_links"):
        assert url(action, survey) not in text
    assert url("collect_collector_active", survey, own.pk) not in text


# Invitations ------------------------------------------------------------------------------


def test_pasted_invitations_make_a_new_collector_and_go_out(nc_client, survey):
    response = nc_client.post(
        url("collect_invitations", survey),
        {
            "kutsu-collector": "new",
            "kutsu-name": "Opettajat",
            "kutsu-addresses": "anna@example.org; Anna; sv\nbertta@example.org",
        },
        follow=True,
    )
    assert "Lisättiin 2 kutsua; sähköpostit lähtevät taustalla." in response.text
    collector = survey.collectors.get(kind=Collector.Kind.INVITATION)
    assert collector.name == "Opettajat"
    assert dict(collector.invitations.values_list("email", "language")) == {
        "anna@example.org": "sv",
        "bertta@example.org": "fi",
    }


def test_an_uploaded_list_is_read_and_added_to_an_existing_collector(nc_client, survey):
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    Invitation.objects.create(collector=collector, email="anna@example.org")
    upload = SimpleUploadedFile(
        "lista.csv",
        "\ufeffsähköposti;nimi;kieli\nanna@example.org;Anna;fi\nc@example.org;C;sv\n".encode(),
    )
    response = nc_client.post(
        url("collect_invitations", survey),
        {"kutsu-collector": str(collector.pk), "kutsu-upload": upload},
        follow=True,
    )
    assert "Lisättiin 1 kutsu; sähköposti lähtee taustalla. 1 osoite oli jo kutsuttu." in (
        response.text
    )
    assert collector.invitations.count() == 2


def test_bad_invitation_lines_are_listed_beside_the_field_and_none_is_added(nc_client, survey):
    response = nc_client.post(
        url("collect_invitations", survey),
        {
            "kutsu-collector": "new",
            "kutsu-addresses": "anna@example.org; Anna; sv\nanna.example.org\nb@example.org;B;de",
        },
    )
    assert response.status_code == 400
    error_list = response.text.split('id="id_kutsu-addresses_error"')[1].split("</ul>")[0]
    assert "Rivi 2: ”anna.example.org” ei ole sähköpostiosoite." in error_list
    assert "Rivi 3: kielen pitää olla fi tai sv, ei ”de”." in error_list
    assert "anna@example.org; Anna; sv" in response.text  # what was typed stays
    assert not Invitation.objects.exists()
    assert not survey.collectors.filter(kind=Collector.Kind.INVITATION).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kutsu-addresses": ""}, "Anna vähintään yksi sähköpostiosoite."),
        (
            {"kutsu-upload": SimpleUploadedFile("l.csv", "ä@example.org".encode("latin-1"))},
            "Tiedostoa ei voi lukea: tallenna se UTF-8-merkistöllä (CSV tai teksti).",
        ),
        (
            {"kutsu-upload": SimpleUploadedFile("l.csv", b"a@example.org\n" * 80_000)},
            "Tiedosto on liian suuri: enintään 1 Mt.",
        ),
        ({"kutsu-collector": "999999", "kutsu-addresses": "a@example.org"}, "Valitse oikea"),
    ],
)
def test_an_empty_or_unreadable_invitation_form_is_refused(nc_client, survey, data, message):
    response = nc_client.post(
        url("collect_invitations", survey), {"kutsu-collector": "new", **data}
    )
    assert response.status_code == 400
    assert message in response.text
    assert not Invitation.objects.exists()


def test_a_survey_that_is_not_anonymous_shows_who_has_answered(nc_client, survey):
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    Invitation.objects.create(collector=collector, email="anna@example.org", used_at=timezone.now())
    Invitation.objects.create(collector=collector, email="bertta@example.org", reminder_count=1)
    text = nc_client.get(url("collect", survey)).text
    assert "anna@example.org" in text and "bertta@example.org" in text
    assert "vastannut" in text and "ei vielä (1 muistutus)" in text


def test_an_anonymous_survey_shows_only_counts_and_warns_of_few_invitees(nc_client, survey):
    Survey.objects.filter(pk=survey.pk).update(anonymous=True)
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
    Invitation.objects.create(collector=collector, email="ansa@example.org", used_at=timezone.now())
    Invitation.objects.create(collector=collector, email="bertta@example.org")
    text = nc_client.get(url("collect", survey)).text
    assert "ansa@example.org" not in text and "bertta@example.org" not in text
    assert "näet vain määrät" in text
    assert "Vastauskanavaan on kutsuttu vain 2 henkilöä." in text


# Reminders --------------------------------------------------------------------------------


def test_a_reminder_is_scheduled_in_helsinki_time(nc_client, survey):
    day = timezone.localdate() + timedelta(days=3)
    nc_client.post(
        url("collect_reminder_add", survey),
        {"muistutus-send_day": day.isoformat(), "muistutus-send_time": "09:00"},
    )
    reminder = Reminder.objects.get(survey=survey)
    assert reminder.send_at == datetime.combine(day, datetime.min.time(), HELSINKI).replace(hour=9)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2020, 1, 1), "Valitse tuleva ajankohta."),
        (None, "Tämä kenttä vaaditaan."),
    ],
)
def test_a_bad_reminder_is_refused_beside_its_day(nc_client, survey, day, message):
    response = nc_client.post(
        url("collect_reminder_add", survey),
        {"muistutus-send_day": day.isoformat() if day else "", "muistutus-send_time": "09:00"},
    )
    assert response.status_code == 400
    assert 'id="id_muistutus-send_day_error"' in response.text
    assert message in response.text
    assert not Reminder.objects.exists()


def test_a_fourth_reminder_is_refused(nc_client, survey):
    for days in (1, 2, 3):
        Reminder.objects.create(
            survey=survey, number=days, send_at=timezone.now() + timedelta(days=days)
        )
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = nc_client.post(
        url("collect_reminder_add", survey),
        {"muistutus-send_day": day, "muistutus-send_time": "09:00"},
    )
    assert response.status_code == 400
    assert "Kyselylle voi ajastaa enintään 3 muistutusta." in response.text
    assert Reminder.objects.count() == 3


def test_a_reminder_is_cancelled_but_not_once_sent(nc_client, survey):
    sent = Reminder.objects.create(
        survey=survey, number=1, send_at=timezone.now(), queued_at=timezone.now()
    )
    pending = Reminder.objects.create(
        survey=survey, number=2, send_at=timezone.now() + timedelta(days=2)
    )
    response = nc_client.post(url("collect_reminder_cancel", survey, sent.pk), follow=True)
    assert "Muistutus on jo lähetetty." in response.text
    nc_client.post(url("collect_reminder_cancel", survey, pending.pk))
    assert list(Reminder.objects.values_list("pk", flat=True)) == [sent.pk]


# The monitor ------------------------------------------------------------------------------


def _responses(survey, collector, count, project=None):
    now = timezone.now()
    Response.objects.bulk_create(
        Response(survey=survey, collector=collector, project=project, completed_at=now)
        for _ in range(count)
    )


def test_the_monitor_counts_per_day_collector_and_project(nc_client, survey, project):
    link = survey.collectors.get(project=project)
    Collector.objects.filter(pk=link.pk).update(started_count=8)
    _responses(survey, link, 6, project)
    text = nc_client.get(url("collect_monitor", survey)).text
    assert "Päivitä" in text
    assert timezone.localdate().strftime("%-d.%-m.%Y") in text
    assert ">75 %<" in text  # 6 of 8 started
    assert project.name in text


def test_a_project_coordinator_sees_no_small_cells_and_no_other_project(
    client, coordinator, survey, project, other_project
):
    link = survey.collectors.get(project=project)
    other = Collector.objects.create(
        survey=survey, kind=Collector.Kind.PROJECT, project=other_project
    )
    _responses(survey, link, 3, project)
    _responses(survey, other, 20, other_project)
    client.force_login(coordinator)
    text = client.get(url("collect_monitor", survey)).text
    assert other_project.name not in text
    assert ">20<" not in text and ">23<" not in text
    assert ">3<" not in text
    assert "Alle viiden vastaajan luvut näkyvät viivana" in text


# Query counts -----------------------------------------------------------------------------


def _grow(survey, n):
    """n projects with links and responses, n invitation collectors, n pages, n invitees."""
    for i in range(n):
        project = ProjectFactory()
        link = Collector.objects.create(survey=survey, kind=Collector.Kind.PROJECT, project=project)
        _responses(survey, link, 2, project)
        invitations = Collector.objects.create(survey=survey, kind=Collector.Kind.INVITATION)
        Invitation.objects.create(collector=invitations, email=f"p{i}@example.org")
        QuestionFactory(page=PageFactory(survey=survey))
    if not survey.reminders.exists():
        Reminder.objects.create(survey=survey, number=1, send_at=timezone.now() + timedelta(days=1))


@pytest.mark.parametrize("name", ["collect", "collect_monitor"])
def test_queries_do_not_grow_with_the_data(nc_client, survey, name):
    def count(n):
        _grow(survey, n)
        with CaptureQueriesContext(connection) as queries:
            assert nc_client.get(url(name, survey)).status_code == 200
        return len(queries)

    small = count(1)
    large = count(10)  # eleven of everything
    assert small == large


# The way in from the workspace home -------------------------------------------------------


def test_the_home_lists_the_surveys_each_role_follows(
    client, survey, coordinator, other_coordinator, network_coordinator, oph_viewer
):
    other = SurveyFactory(title_fi="Toinen kysely")
    collect = url("collect", survey)
    for user, sees in [
        (network_coordinator, {collect, url("collect", other)}),
        (coordinator, {collect}),
        (other_coordinator, set()),
        (oph_viewer, set()),
    ]:
        client.force_login(user)
        text = client.get(reverse("workspace:home")).text
        listed = {u for u in (collect, url("collect", other)) if f'href="{u}"' in text}
        assert listed == sees, user
