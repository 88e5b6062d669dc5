"""The practice library and the practice page in Finnish and Swedish."""

import json
import re

import pytest

from practices.models import Adoption, Practice
from practices.tests.factories import AdoptionFactory, PracticeFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    theme = ThemeFactory(
        name_fi="Arjenhallinta",
        name_sv="Hantera vardagen",
        slug_fi="arjenhallinta",
        slug_sv="hantera-vardagen",
    )
    project = ProjectFactory(
        name_fi="Arki haltuun", name_sv="Vardagen i hand", slug_fi="arki", slug_sv="arki"
    )
    ready = PracticeFactory(
        title_fi="Arjenhallinnan starttipaja",
        title_sv="Startverkstad",
        slug_fi="starttipaja",
        slug_sv="startverkstad",
        projects=[project],
        themes=[theme],
        status=Practice.Status.READY,
        target_group=Practice.TargetGroup.STUDENTS,
        resources_fi="Neljä pajaa",
        resources_sv="",
    )
    developing = PracticeFactory(
        title_fi="Johdon vertaisryhmä",
        title_sv="Kamratgrupp",
        status=Practice.Status.DEVELOPING,
        target_group=Practice.TargetGroup.LEADERSHIP,
    )
    hidden = PracticeFactory(title_fi="Luonnosmalli", is_published=False, projects=[project])
    return {
        "theme": theme,
        "project": project,
        "ready": ready,
        "developing": developing,
        "hidden": hidden,
    }


def titles(response) -> list[str]:
    return re.findall(
        r'<li class="practice-card">\s*<h3><a href="[^"]+">([^<]+)</a>', response.content.decode()
    )


def test_list_shows_published_practices_in_both_languages(client, library):
    assert titles(client.get("/fi/kaytannot/")) == [
        "Arjenhallinnan starttipaja",
        "Johdon vertaisryhmä",
    ]
    assert titles(client.get("/sv/praxis/")) == ["Kamratgrupp", "Startverkstad"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("teema=arjenhallinta", ["Arjenhallinnan starttipaja"]),
        ("hanke=arki", ["Arjenhallinnan starttipaja"]),
        ("vaihe=developing", ["Johdon vertaisryhmä"]),
        ("kohderyhma=leadership", ["Johdon vertaisryhmä"]),
        ("kohderyhma=leadership&teema=arjenhallinta", []),
        ("vaihe=nonsense", ["Arjenhallinnan starttipaja", "Johdon vertaisryhmä"]),
    ],
)
def test_list_filters_work_as_plain_get(client, library, query, expected):
    response = client.get(f"/fi/kaytannot/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_swedish_filter_takes_the_swedish_slug(client, library):
    assert titles(client.get("/sv/praxis/?teema=hantera-vardagen")) == ["Startverkstad"]


def test_list_counts_active_adoptions(client, library):
    AdoptionFactory(practice=library["ready"])
    AdoptionFactory(practice=library["ready"], status=Adoption.Status.DISCONTINUED)
    assert "Käytössä 1 organisaatiossa" in client.get("/fi/kaytannot/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_an_edited_practice_retires_the_cached_pages(client):
    """Practices are content: a save in their app retires cached pages as in projects."""
    practice = PracticeFactory(title_fi="Vanha malli")
    assert "Vanha malli" in client.get("/fi/kaytannot/").content.decode()
    practice.title_fi = "Uusi malli"
    practice.save()
    response = client.get("/fi/kaytannot/")
    assert response["X-Page-Cache"] == "miss"
    assert "Uusi malli" in response.content.decode()


def test_practice_page_in_swedish_falls_back_to_finnish_with_a_note(client, library):
    response = client.get("/sv/praxis/startverkstad/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv">' in html
    assert "Så här tar du modellen i bruk" in html
    assert "Första steget" in html
    assert '<p lang="fi" class="fallback">Neljä pajaa</p>' in html
    assert "Tätä tekstiä ei ole vielä käännetty ruotsiksi." not in html  # shown in Swedish
    assert 'hreflang="fi" href="http' in html and "/fi/kaytannot/starttipaja/" in html


def test_other_languages_slug_redirects(client, library):
    response = client.get("/sv/praxis/starttipaja/")
    assert response.status_code == 301
    assert response["Location"] == "/sv/praxis/startverkstad/"


def test_practice_page_has_howto_json_ld(client, library):
    html = client.get("/fi/kaytannot/starttipaja/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "HowTo"
    assert data["name"] == "Arjenhallinnan starttipaja"
    assert [step["text"] for step in data["step"]] == ["Ensimmäinen vaihe", "Toinen vaihe"]
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_json_ld_cannot_end_the_script_block(client):
    practice = PracticeFactory(title_fi="</script><script>alert(1)</script>")
    html = client.get(practice.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block


def test_unpublished_practice_is_not_found(client, library):
    assert client.get(library["hidden"].get_absolute_url()).status_code == 404


def test_practices_show_on_home_theme_and_project_pages(client, library):
    assert "Arjenhallinnan starttipaja" in client.get("/fi/").content.decode()
    theme_page = client.get("/fi/teemat/arjenhallinta/").content.decode()
    assert "Arjenhallinnan starttipaja" in theme_page
    assert "Johdon vertaisryhmä" not in theme_page
    project_page = client.get("/sv/projekt/arki/").content.decode()
    assert "Startverkstad" in project_page
    assert "Luonnosmalli" not in project_page
    assert "/sv/praxis/?hanke=arki" in project_page


def test_nav_and_header_search_are_on_every_page(client, library):
    html = client.get("/sv/").content.decode()
    assert '<a href="/sv/praxis/">God praxis</a>' in html
    assert 'action="/sv/sok/"' in html and 'role="search"' in html


def test_sitemap_lists_practices_in_both_languages(client, library):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/fi/kaytannot/starttipaja/" in xml
    assert "/sv/praxis/startverkstad/" in xml
    assert "/fi/kaytannot/luonnosmalli" not in xml
