import pytest

from events.models import Registration
from valita import demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_waiting_list_with_an_offer_pending():
    demo.load("projects", "events")
    demo.load("projects", "events")  # twice: the same rows
    offers = list(Registration.objects.filter(status=Registration.Status.OFFERED))
    assert offers
    for offered in offers:
        assert offered.offer_is_open
        assert offered.event.registrations.waiting().exists()
        taken = offered.event.registrations.holding_place().filter(mode=offered.mode).count()
        assert taken <= offered.event.capacity_for(offered.mode)
