"""Public blog pages: list with filters and pagination, post page, languages, sections."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from blog.models import Post
from blog.tests.factories import PostFactory, image_bytes
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_list_shows_published_posts_only(client):
    PostFactory(title_fi="Näkyvä")
    PostFactory(title_fi="Luonnos", status=Post.Status.DRAFT)
    PostFactory(title_fi="Tuleva", publish_at=timezone.now() + timedelta(days=1))
    html = client.get("/fi/blogi/").content.decode()
    assert "Näkyvä" in html
    assert "Luonnos" not in html
    assert "Tuleva" not in html


def test_swedish_list_shows_a_finnish_only_post_with_a_note(client):
    PostFactory(title_fi="Vain suomeksi", title_sv="", lead_sv="", body_sv="")
    html = client.get("/sv/blogg/").content.decode()
    assert 'lang="fi"' in html
    assert "Vain suomeksi" in html
    assert "Inlägget finns bara på finska." in html


def test_finnish_list_shows_a_swedish_only_post_with_a_note(client):
    post = PostFactory(title_fi="", lead_fi="", body_fi="", title_sv="Bara på svenska")
    html = client.get("/fi/blogi/").content.decode()
    assert "Bara på svenska" in html
    assert "Kirjoitus on vain ruotsiksi." in html
    page = client.get(post.get_absolute_url())
    assert page.status_code == 200
    assert '<article class="post" lang="sv">' in page.content.decode()


def test_filters_by_theme_and_project_are_links(client):
    theme, other_theme = ThemeFactory(), ThemeFactory()
    project = ProjectFactory()
    PostFactory(title_fi="Teemassa", themes=[theme], projects=[project])
    PostFactory(title_fi="Muualla", themes=[other_theme])
    html = client.get(f"/fi/blogi/?teema={theme.slug_fi}").content.decode()
    assert "Teemassa" in html and "Muualla" not in html
    assert 'aria-current="page"' in html
    html = client.get(f"/fi/blogi/?hanke={project.slug_fi}").content.decode()
    assert "Teemassa" in html and "Muualla" not in html
    assert f'href="/fi/blogi/?teema={theme.slug_fi}"' in client.get("/fi/blogi/").content.decode()


def test_unknown_filter_shows_everything(client):
    PostFactory(title_fi="Yksi")
    response = client.get("/fi/blogi/?teema=ei-ole&hanke=<script>")
    assert response.status_code == 200
    assert "Yksi" in response.content.decode()


def test_pagination(client):
    project = ProjectFactory()
    for i in range(12):
        PostFactory(
            title_fi=f"Kirjoitus numero {i:02}",
            projects=[project],
            publish_at=timezone.now() - timedelta(days=i + 1),
        )
    first = client.get("/fi/blogi/").content.decode()
    assert "Kirjoitus numero 00" in first and "Kirjoitus numero 11" not in first
    assert "Sivu 1/2" in first
    second = client.get("/fi/blogi/?sivu=2").content.decode()
    assert "Kirjoitus numero 11" in second
    filtered = client.get(f"/fi/blogi/?hanke={project.slug_fi}").content.decode()
    assert f"?hanke={project.slug_fi}&amp;sivu=2" in filtered  # the filter is kept
    assert client.get("/fi/blogi/?sivu=999").status_code == 200
    assert client.get("/fi/blogi/?sivu=roskaa").status_code == 200


def test_post_page_has_author_date_projects_themes_related_and_og_image(client, coordinator):
    coordinator.first_name, coordinator.last_name = "Anna", "Kirjoittaja"
    coordinator.save()
    theme = ThemeFactory(name_fi="Arjenhallinta")
    project = ProjectFactory(name_fi="Arki haltuun")
    post = PostFactory(
        title_fi="Pääkirjoitus",
        author=coordinator,
        themes=[theme],
        projects=[project],
        cover_image=ContentFile(image_bytes(size=(900, 600)), name="kansi.jpg"),
        cover_alt_fi="Kuvaus kuvasta",
        cover_alt_sv="Bild",
    )
    PostFactory(title_fi="Samasta teemasta", themes=[theme])
    PostFactory(title_fi="Ei liity")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Anna Kirjoittaja" in html
    assert post.publish_at.strftime("%Y-%m-%d") in html or "<time" in html
    assert "Arki haltuun" in html and "Arjenhallinta" in html
    assert "Samasta teemasta" in html and "Ei liity" not in html
    assert '<meta property="og:image" content="http://' in html
    assert "kansi" in html.split('property="og:image"')[1].split(">")[0]
    assert 'alt="Kuvaus kuvasta"' in html
    assert 'width="900" height="600"' in html
    assert '<meta property="og:type" content="article">' in html


def test_list_cards_load_covers_lazily_with_size(client):
    PostFactory(with_cover=True)
    html = client.get("/fi/blogi/").content.decode()
    assert 'loading="lazy"' in html
    assert 'width="800" height="500"' in html


def test_post_slug_of_the_other_language_redirects(client):
    post = PostFactory(title_fi="Suomeksi", title_sv="På svenska")
    response = client.get(f"/fi/blogi/{post.slug_sv}/")
    assert response.status_code == 301
    assert response["Location"] == f"/fi/blogi/{post.slug_fi}/"


def test_language_switcher_keeps_the_post(client):
    post = PostFactory(title_fi="Suomeksi", title_sv="På svenska")
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'hreflang="sv" href="http://testserver/sv/blogg/{post.slug_sv}/"' in html or (
        f"/sv/blogg/{post.slug_sv}/" in html
    )


def test_home_theme_and_project_pages_show_latest_posts(client):
    theme = ThemeFactory()
    project = ProjectFactory(themes=[theme])
    PostFactory(title_fi="Tuorein kuulumisia", themes=[theme], projects=[project])
    for url in ("/fi/", theme.get_absolute_url(), project.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "Tuorein kuulumisia" in html, url
        assert "Kuulumisia kentältä" in html


def test_sitemap_lists_published_posts_in_both_languages(client):
    post = PostFactory(title_fi="Kartalla", title_sv="På kartan")
    PostFactory(title_fi="Piilossa", status=Post.Status.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    assert f"/fi/blogi/{post.slug_fi}/" in xml
    assert f"/sv/blogg/{post.slug_sv}/" in xml
    assert "piilossa" not in xml


def test_post_without_slug_gets_one_per_language():
    post = PostFactory(title_fi="Hyvää päivää", title_sv="God dag")
    assert (post.slug_fi, post.slug_sv) == ("hyvaa-paivaa", "god-dag")
    twin = PostFactory(title_fi="Hyvää päivää", title_sv="")
    assert twin.slug_fi == "hyvaa-paivaa-2"
    assert twin.slug_sv == "hyvaa-paivaa-2"
