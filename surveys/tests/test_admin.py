"""The builder in the admin: copy as next round, test responses, protection of answered surveys."""

import pytest
from django.urls import reverse

from surveys.models import Collector, Response, Survey
from surveys.tests.factories import build_survey
from surveys.tests.test_services import submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, network_coordinator):
    client.force_login(network_coordinator)
    return client


def test_survey_change_page_shows_preview_links_and_embed_code(admin_client):
    s = build_survey(embed_domains="https://www.winnova.fi")
    body = admin_client.get(
        reverse("admin:surveys_survey_change", args=[s["survey"].pk])
    ).content.decode()
    assert f"/fi/kyselyt/{s['survey'].slug_fi}/esikatselu/" in body
    assert f"/sv/enkater/{s['survey'].slug_sv}/test/" in body
    assert f"/fi/kyselyt/{s['survey'].slug_fi}/upotus/" in body
    assert "&lt;iframe" in body
    assert "Ruotsiksi" in body


def test_adding_a_survey_makes_its_public_link(admin_client):
    data = {
        "title_fi": "Uusi kysely",
        "slug_fi": "uusi-kysely",
        "series": "uusi",
        "round": "1",
        "status": "draft",
        "anonymous": "on",
        "is_listed": "on",
    }
    for prefix in ("pages", "questions", "collectors"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(reverse("admin:surveys_survey_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    survey = Survey.objects.get(slug_fi="uusi-kysely")
    assert survey.collectors.filter(kind=Collector.Kind.PUBLIC).exists()


def test_copy_as_next_round_action(admin_client):
    s = build_survey()
    response = admin_client.post(
        reverse("admin:surveys_survey_changelist"),
        {"action": "copy_as_next_round", "_selected_action": [s["survey"].pk]},
        follow=True,
    )
    assert "kierros 2" in response.content.decode()
    assert Survey.objects.filter(series=s["survey"].series, round=2).exists()


def test_delete_test_responses_action_keeps_real_ones(admin_client):
    s = build_survey()
    submit(s, is_test=True)
    submit(s)
    admin_client.post(
        reverse("admin:surveys_survey_changelist"),
        {"action": "delete_test_responses", "_selected_action": [s["survey"].pk]},
    )
    assert list(Response.objects.values_list("is_test", flat=True)) == [False]


def test_answered_parts_cannot_be_deleted_in_the_admin(admin_client):
    s = build_survey()
    submit(s)
    survey_page = admin_client.get(reverse("admin:surveys_survey_change", args=[s["survey"].pk]))
    assert 'name="questions-0-DELETE"' not in survey_page.content.decode()
    question_page = admin_client.get(
        reverse("admin:surveys_question_change", args=[s["likert"].pk])
    )
    assert 'name="statements-0-DELETE"' not in question_page.content.decode()
    delete = admin_client.get(reverse("admin:surveys_question_delete", args=[s["likert"].pk]))
    assert delete.status_code == 403


def test_changing_an_answered_questions_kind_shows_the_message(admin_client):
    s = build_survey()
    submit(s)
    url = reverse("admin:surveys_question_change", args=[s["single"].pk])
    data = {
        "survey": s["survey"].pk,
        "page": s["pages"][0].pk,
        "order": "2",
        "kind": "multiple",
        "required": "on",
        "text_fi": "Kysymys",
        "scale_size": "5",
        "allow_dont_know": "on",
    }
    for prefix in ("statements", "choices", "conditions"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Kyselyyn on jo vastattu" in response.content.decode()


def test_invitations_are_added_from_the_collector_page(
    admin_client, django_capture_on_commit_callbacks
):
    from django.core import mail

    from core import outbox

    s = build_survey()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.INVITATION)
    url = reverse("admin:surveys_collector_change", args=[collector.pk])
    data = {
        "survey": s["survey"].pk,
        "kind": "invitation",
        "name": "",
        "is_active": "on",
        "new_invitations": "anna@example.org; Anna; sv\nmatti@example.org",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert collector.invitations.count() == 2
    outbox.run_pending_inline()
    assert len(mail.outbox) == 2


def test_bad_invitation_line_is_reported(admin_client):
    s = build_survey()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.INVITATION)
    url = reverse("admin:surveys_collector_change", args=[collector.pk])
    data = {
        "survey": s["survey"].pk,
        "kind": "invitation",
        "is_active": "on",
        "new_invitations": "ei-osoite",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Rivillä 1 ei ole kelvollista sähköpostiosoitetta." in response.content.decode()
    assert not collector.invitations.exists()


@pytest.mark.parametrize(
    ("language", "lines", "message"),
    [
        ("fi", ["a@example.org"], "Lisättiin 1 kutsu; sähköposti lähtee taustalla."),
        ("fi", ["a@example.org", "b@example.org"], "Lisättiin 2 kutsua; sähköpostit lähtevät"),
        ("sv", ["a@example.org"], "1 inbjudan lades till; e-postmeddelandet skickas"),
        ("sv", ["a@example.org", "b@example.org"], "2 inbjudningar lades till; e-postmeddelandena"),
    ],
)
def test_the_count_of_added_invitations_is_in_the_right_plural_form(
    admin_client, language, lines, message
):
    from django.utils import translation

    s = build_survey()
    collector = Collector.objects.create(survey=s["survey"], kind=Collector.Kind.INVITATION)
    with translation.override(language):
        url = reverse("admin:surveys_collector_change", args=[collector.pk])
    data = {
        "survey": s["survey"].pk,
        "kind": "invitation",
        "is_active": "on",
        "new_invitations": "\n".join(lines),
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, data, follow=True)
    assert message in response.content.decode()


def test_collector_response_rate_is_rounded_half_up(db):
    from django.contrib.admin.sites import site

    from surveys.admin import CollectorAdmin

    collector = Collector(kind=Collector.Kind.INVITATION)
    collector.completed, collector.invited = 1, 8  # 12.5 %: the one rule makes it 13 %
    assert CollectorAdmin(Collector, site).rate(collector) == "13 %"
