import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import translation

from workspace.tests.matrix import check_matrix

pytestmark = pytest.mark.django_db

COVERED = {"workspace:home"}
EVERY_STAFF_ROLE = {"coordinator", "other_coordinator", "network_coordinator", "oph"}


def test_home_is_for_roles_of_the_network(client, cast):
    check_matrix(client, cast, reverse("workspace:home"), allowed=EVERY_STAFF_ROLE)


def test_home_has_both_languages_at_their_own_address(client, coordinator):
    client.force_login(coordinator)
    with translation.override("sv"):
        url = reverse("workspace:home")
    assert url == "/sv/arbetsyta/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Arbetsyta" in response.text
    assert client.get("/fi/tyotila/").status_code == 200


def test_staff_pages_are_never_stored(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("workspace:home"))
    assert "no-store" in response["Cache-Control"]


def test_a_coordinator_sees_their_projects_only(client, coordinator, project, other_project):
    client.force_login(coordinator)
    text = client.get(reverse("workspace:home")).text
    assert project.name in text
    assert other_project.name not in text


def test_a_network_coordinator_sees_every_project(
    client, network_coordinator, project, other_project
):
    client.force_login(network_coordinator)
    text = client.get(reverse("workspace:home")).text
    assert project.name in text and other_project.name in text


def test_sign_in_leads_to_the_workspace(client, coordinator):
    coordinator.set_password("a long enough password 123")
    coordinator.save()
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, verified=True, primary=True
    )
    response = client.post(
        reverse("account_login"),
        {"login": coordinator.email, "password": "a long enough password 123"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("workspace:home")


def test_open_surveys_show_their_completed_answers(client, network_coordinator):
    from django.utils import timezone

    from surveys.models import Response, Survey
    from surveys.tests.factories import SurveyFactory

    survey = SurveyFactory(status=Survey.Status.OPEN)
    SurveyFactory(status=Survey.Status.DRAFT, title="Luonnoskysely")
    for _ in range(3):
        Response.objects.create(survey=survey, completed_at=timezone.now())
    Response.objects.create(survey=survey, completed_at=timezone.now(), is_test=True)
    Response.objects.create(survey=survey, completed_at=None)
    client.force_login(network_coordinator)
    text = client.get(reverse("workspace:home")).text
    assert f"{survey.title}</a>:\n      3 vastausta" in text
    assert "Luonnoskysely" not in text


def test_the_rich_text_editor_speaks_the_page_language(client, coordinator):
    """The editor's own strings (django-prose-editor reads window.gettext) come from the
    JavaScript catalogue of the page's language, loaded on every workspace page."""
    client.force_login(coordinator)
    for language, update in (("fi", "Muokkaa linkki"), ("sv", "Uppdatera")):
        with translation.override(language):
            catalogue, home = reverse("javascript_catalog"), reverse("workspace:home")
        assert update in client.get(catalogue).content.decode()
        assert f'<script src="{catalogue}"></script>' in client.get(home).text
