"""An anonymous survey's collector that invites fewer than five people lets its answers be
told apart: the service says so (surveys.services.collector_anonymity_warning) and the
admin shows it to the person who sets the collector up, in their language."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Registration
from events.tests.factories import EventFactory, RegistrationFactory
from surveys import services
from surveys.models import Collector
from surveys.tests.factories import InvitationFactory, SurveyFactory

pytestmark = pytest.mark.django_db


def invitation_collector(*, anonymous=True, invited=0):
    collector = Collector.objects.create(
        survey=SurveyFactory(anonymous=anonymous), kind=Collector.Kind.INVITATION
    )
    for _i in range(invited):
        InvitationFactory(collector=collector)
    return collector


def test_four_invitees_of_an_anonymous_survey_are_warned_about_in_both_languages():
    collector = invitation_collector(invited=4)
    with translation.override("fi"):
        fi = services.collector_anonymity_warning(collector)
    with translation.override("sv"):
        sv = services.collector_anonymity_warning(collector)
    assert fi.startswith("Vastauskanavaan on kutsuttu vain 4 henkilöä.")
    assert "alle 5" in fi
    assert sv.startswith("Bara 4 personer har bjudits in till svarskanalen.")


def test_one_invitee_is_named_in_the_singular():
    with translation.override("fi"):
        warning = services.collector_anonymity_warning(invitation_collector(invited=1))
    assert warning.startswith("Vastauskanavaan on kutsuttu vain 1 henkilö.")


@pytest.mark.parametrize(
    ("anonymous", "invited"), [(True, 5), (False, 2)], ids=["five invitees", "not anonymous"]
)
def test_no_warning_from_five_invitees_or_in_a_survey_that_is_not_anonymous(anonymous, invited):
    collector = invitation_collector(anonymous=anonymous, invited=invited)
    assert services.collector_anonymity_warning(collector) == ""


def test_a_public_link_is_not_warned_about():
    collector = Collector.objects.get(survey=SurveyFactory(anonymous=True))
    assert services.collector_anonymity_warning(collector) == ""


def test_an_event_collector_counts_the_participants_it_will_invite():
    event = EventFactory(registration_enabled=True)
    for _i in range(3):
        RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.CANCELLED)
    survey = SurveyFactory(anonymous=True)
    collector = Collector.objects.create(survey=survey, kind=Collector.Kind.EVENT, event=event)
    with translation.override("fi"):
        warning = services.collector_anonymity_warning(collector)
    assert warning.startswith("Tapahtuman palautekyselyyn kutsutaan tällä hetkellä vain 3")
    RegistrationFactory.create_batch(2, event=event)
    assert services.collector_anonymity_warning(collector) == ""


def test_the_admin_warns_the_coordinator_who_adds_too_few_invitees(client, network_coordinator):
    collector = invitation_collector()
    client.force_login(network_coordinator)
    data = {
        "survey": collector.survey.pk,
        "kind": "invitation",
        "name": "Johtoryhmä",
        "is_active": "on",
        "new_invitations": "anna@example.org\nmatti@example.org",
        "invitations-TOTAL_FORMS": "0",
        "invitations-INITIAL_FORMS": "0",
    }
    url = reverse("admin:surveys_collector_change", args=[collector.pk])
    page = client.post(url, data, follow=True).content.decode()
    assert "Johtoryhmä: Vastauskanavaan on kutsuttu vain 2 henkilöä." in page
    assert 'class="warning"' in page
