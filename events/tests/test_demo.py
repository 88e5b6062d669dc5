import pytest

from events.demo import load as load_demo_events
from events.models import Registration
from projects.demo import load as load_demo_network

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_waiting_list_with_an_offer_pending():
    load_demo_network()
    load_demo_events()
    load_demo_events()  # twice: the same rows
    offers = list(Registration.objects.filter(status=Registration.Status.OFFERED))
    assert offers
    for offered in offers:
        assert offered.offer_is_open
        assert offered.event.registrations.waiting().exists()
        taken = offered.event.registrations.holding_place().filter(mode=offered.mode).count()
        assert taken <= offered.event.capacity_for(offered.mode)
