import pytest

from projects.models import Project
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_home_shows_the_network_themes_and_projects(client):
    theme = ThemeFactory(name_fi="Arjenhallinta")
    ProjectFactory(name_fi="Arki haltuun", themes=[theme])
    ProjectFactory(
        kind=Project.Kind.COORDINATION, name_fi="Välitä!", goals_fi="Tavoite A\nTavoite B"
    )
    html = client.get("/fi/").content.decode()
    assert "Arjenhallinta" in html
    assert "Arki haltuun" in html
    assert "<li>Tavoite B</li>" in html


def test_project_list_filters_by_theme(client):
    theme = ThemeFactory(slug_fi="arki", slug_sv="vardag")
    ProjectFactory(name_fi="Teeman hanke", themes=[theme])
    ProjectFactory(name_fi="Muu hanke")
    html = client.get("/fi/hankkeet/?teema=arki").content.decode()
    assert "Teeman hanke" in html
    assert "Muu hanke" not in html
    # The Swedish page accepts the Swedish slug, and the Finnish one after a language switch.
    for slug in ("vardag", "arki"):
        html = client.get(f"/sv/projekt/?teema={slug}").content.decode()
        assert "Muu hanke" not in html


def test_unpublished_projects_are_not_public(client):
    ProjectFactory(slug_fi="salainen", is_published=False)
    assert client.get("/fi/hankkeet/salainen/").status_code == 404


def test_project_page_in_swedish_uses_the_swedish_slug_and_content(client):
    ProjectFactory(
        slug_fi="aani", slug_sv="rosten", name_sv="Rösten hörs", summary_sv="Svensk text."
    )
    response = client.get("/sv/projekt/rosten/")
    html = response.content.decode()
    assert "Rösten hörs" in html
    assert "Svensk text." in html
    assert 'hreflang="fi" href="http://127.0.0.1:8000/fi/hankkeet/aani/"' in html


def test_the_slug_of_the_other_language_redirects_to_the_right_address(client):
    ProjectFactory(slug_fi="aani", slug_sv="rosten")
    response = client.get("/sv/projekt/aani/")
    assert response.status_code == 301
    assert response["Location"] == "/sv/projekt/rosten/"


def test_missing_swedish_content_falls_back_to_finnish_marked_as_finnish(client):
    ProjectFactory(slug_fi="hanke", summary_fi="Vain suomeksi.", summary_sv="")
    html = client.get("/sv/projekt/hanke/", follow=True).content.decode()
    assert '<p lang="fi" class="fallback">Vain suomeksi.</p>' in html
    assert "Den här texten har ännu inte översatts till svenska." in html


def test_language_switcher_keeps_the_visitor_on_the_same_project(client):
    ProjectFactory(slug_fi="aani", slug_sv="rosten")
    html = client.get("/fi/hankkeet/aani/").content.decode()
    assert 'href="/sv/projekt/rosten/" hreflang="sv" lang="sv">Svenska</a>' in html


def test_theme_page_lists_its_projects(client):
    theme = ThemeFactory(slug_fi="arki", name_fi="Arjenhallinta")
    ProjectFactory(name_fi="Arki haltuun", themes=[theme])
    ProjectFactory(name_fi="Toinen")
    html = client.get("/fi/teemat/arki/").content.decode()
    assert "Arki haltuun" in html
    assert "Toinen" not in html


def test_rich_text_is_sanitised_on_save():
    project = ProjectFactory(description_fi='<p onclick="x()">Hei<script>alert(1)</script></p>')
    project.refresh_from_db()
    assert project.description_fi == "<p>Hei</p>"


def test_demo_content_loads_twice_without_duplicates():
    from django.contrib.auth import get_user_model

    from projects.models import Membership, Organisation, Theme
    from valita import demo

    demo.load("projects")
    counts = (
        Project.objects.count(),
        Theme.objects.count(),
        Organisation.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
    )
    demo.load("projects")
    assert counts == (
        Project.objects.count(),
        Theme.objects.count(),
        Organisation.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
    )
    assert counts[:2] == (10, 4)
    assert Project.objects.network().count() == 9
    assert Theme.objects.get(number=3).name_sv == "Hantera vardagen"
