"""The language switch (and hreflang) of pages about an object that are not its own page
(a registration form, a preview, an invitation link) leads to the same page in the other
language, not to the object's page."""

import re

import pytest
from django.utils import translation

from blog.models import Post
from blog.services import preview_url
from blog.tests.factories import PostFactory
from events.tests.factories import EventFactory
from surveys.tests.factories import CollectorFactory, InvitationFactory, build_survey

pytestmark = pytest.mark.django_db


def _switch(page: str) -> str:
    """The href of the language switcher's link to Swedish."""
    match = re.search(r'<a href="([^"]+)" hreflang="sv" lang="sv">', page)
    assert match, "no switch link"
    return match.group(1).replace("&amp;", "&")


def test_switch_on_a_draft_posts_preview_does_not_lead_to_a_404(client):
    post = PostFactory(status=Post.Status.DRAFT)
    with translation.override("fi"):
        url = preview_url(post)
    page = client.get(url)
    assert page.status_code == 200
    target = _switch(page.text)
    assert client.get(target).status_code == 200, target


def test_switch_on_the_registration_form_stays_on_the_registration_form(client):
    event = EventFactory(registration_enabled=True)
    page = client.get(f"/fi/tapahtumat/{event.slug_fi}/ilmoittaudu/")
    assert page.status_code == 200
    landed = client.get(_switch(page.text), follow=True)
    assert landed.request["PATH_INFO"] == f"/sv/evenemang/{event.slug_sv}/anmal-dig/", (
        landed.request["PATH_INFO"]
    )


def test_switch_on_an_invitation_link_keeps_the_invitation(client):
    survey = build_survey(public=False)["survey"]
    invitation = InvitationFactory(collector__survey=survey)
    with translation.override("fi"):
        url = invitation.get_absolute_url()
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    target = _switch(page.text)
    answered = client.get(target)
    assert answered.status_code == 200, (target, answered.status_code)
    assert invitation.token in target


def test_switch_on_a_project_collector_link_keeps_the_link(client):
    survey = build_survey(public=False)["survey"]
    collector = CollectorFactory(survey=survey)
    with translation.override("fi"):
        url = collector.get_absolute_url()
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    target = _switch(page.text)
    assert collector.token in target, target
