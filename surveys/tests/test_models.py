"""Querysets and constraints of the survey models."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from surveys.models import Answer, Collector, Survey
from surveys.tests.factories import SurveyFactory, build_survey

pytestmark = pytest.mark.django_db


def test_open_and_listed():
    now = timezone.now()
    open_one = SurveyFactory()
    SurveyFactory(status=Survey.Status.DRAFT)
    SurveyFactory(opens_at=now + timezone.timedelta(days=1))
    SurveyFactory(
        closes_at=now - timezone.timedelta(minutes=1), opens_at=now - timezone.timedelta(days=2)
    )
    hidden = SurveyFactory(is_listed=False)
    no_public_link = SurveyFactory(public=False)
    assert set(Survey.objects.open()) == {open_one, hidden, no_public_link}
    assert list(Survey.objects.listed()) == [open_one]


def test_round_is_unique_in_a_series():
    first = SurveyFactory(series="verkosto", round=1)
    second = SurveyFactory.build(series="verkosto", round=1, slug_fi="toinen")
    with pytest.raises(ValidationError) as error:
        second.validate_constraints()
    assert "Sarjassa on jo tämä kierros." in str(error.value)
    assert first.previous_round() is None


def test_embed_domains_are_checked():
    survey = SurveyFactory.build(embed_domains="https://ok.fi\nei-osoite")
    with pytest.raises(ValidationError) as error:
        survey.clean()
    assert error.value.error_dict["embed_domains"][0].code == "bad_domain"
    survey.embed_domains = "https://ok.fi/\nhttp://localhost:8000"
    survey.clean()
    assert survey.embed_domain_list() == ["https://ok.fi", "http://localhost:8000"]


def test_project_link_needs_a_project():
    survey = SurveyFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Collector.objects.create(survey=survey, kind=Collector.Kind.PROJECT)


def test_answer_constraints():
    s = build_survey()
    from surveys.tests.test_services import submit

    response = submit(s)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=s["likert"], statement=s["s1"], value=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(
            response=response, question=s["likert"], statement=s["s2"], value=3, dont_know=True
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(response=response, question=s["number"], value=11)


def test_closed_reason_texts():
    now = timezone.now()
    assert SurveyFactory.build().closed_reason() == ""
    assert "ei ole vielä avoinna" in SurveyFactory.build(status="draft").closed_reason()
    later = SurveyFactory.build(opens_at=now + timezone.timedelta(days=2))
    assert later.closed_reason().startswith("Kysely avautuu")


def test_personal_data_of_an_invitee_is_exported_and_erased():
    from core.personal_data import erase_person, export_person

    s = build_survey(anonymous=False)
    from surveys.tests.factories import InvitationFactory
    from surveys.tests.test_services import submit

    invitation = InvitationFactory(collector__survey=s["survey"], email="eva@example.org")
    response = submit(s, invitation=invitation)
    exported = export_person("Eva@example.org")["sections"]["surveys.invitations"]
    assert exported[0]["survey"] == s["survey"].title and exported[0]["response_linked"]
    assert exported[0]["answers"] and all("question" in a for a in exported[0]["answers"])
    erase_person("eva@example.org")
    invitation.refresh_from_db()
    response.refresh_from_db()
    assert invitation.email == "" and invitation.used_at
    assert response.invitation is None
