"""RSS and Atom feeds, parsed back with xml.etree: per language, per theme, per project."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from blog.models import Post
from blog.tests.factories import PostFactory
from projects.tests.factories import ProjectFactory, ThemeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def posts():
    theme = ThemeFactory()
    project = ProjectFactory()
    now = timezone.now()
    return {
        "theme": theme,
        "project": project,
        "both": PostFactory(
            title_fi="Molemmat",
            title_sv="Båda",
            projects=[project],
            themes=[theme],
            publish_at=now - timedelta(days=1),
        ),
        "fi_only": PostFactory(
            title_fi="Vain suomeksi",
            title_sv="",
            lead_sv="",
            body_sv="",
            publish_at=now - timedelta(days=2),
        ),
        "sv_only": PostFactory(
            title_fi="",
            lead_fi="",
            body_fi="",
            title_sv="Bara på svenska",
            projects=[project],
            publish_at=now - timedelta(days=3),
        ),
        "draft": PostFactory(title_fi="Luonnos", status=Post.Status.DRAFT),
        "future": PostFactory(title_fi="Tuleva", publish_at=now + timedelta(days=1)),
    }


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 - our own feed
    return channel, [{child.tag: child.text for child in item} for item in channel.findall("item")]


def atom_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 - our own feed
    return feed, feed.findall(f"{ATOM}entry")


def test_finnish_rss_lists_finnish_posts_newest_first(client, posts):
    channel, items = rss_items(client, "/fi/blogi/rss/")
    assert [item["title"] for item in items] == ["Molemmat", "Vain suomeksi"]
    assert channel.find("language").text == "fi"
    assert items[0]["link"].endswith("/fi/blogi/molemmat/")
    assert items[0]["description"] == "Ingressi."
    assert items[0]["category"]  # the theme


def test_swedish_rss_lists_swedish_posts(client, posts):
    channel, items = rss_items(client, "/sv/blogg/rss/")
    assert [item["title"] for item in items] == ["Båda", "Bara på svenska"]
    assert channel.find("title").text == "Välitä! – Nytt från fältet"
    assert channel.find("language").text == "sv"
    assert items[1]["link"].endswith("/sv/blogg/bara-pa-svenska/")


def test_atom_feed_has_entries_with_dates_and_authors(client, posts):
    feed, entries = atom_entries(client, "/fi/blogi/atom/")
    assert feed.find(f"{ATOM}title").text == "Välitä! – Kuulumisia kentältä"
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles == ["Molemmat", "Vain suomeksi"]
    first = entries[0]
    assert first.find(f"{ATOM}updated").text
    assert first.find(f"{ATOM}published").text
    assert first.find(f"{ATOM}author/{ATOM}name").text
    assert first.find(f"{ATOM}link").get("href").endswith("/fi/blogi/molemmat/")


def test_theme_feeds(client, posts):
    theme = posts["theme"]
    _channel, items = rss_items(client, f"/fi/blogi/teema/{theme.slug_fi}/rss/")
    assert [item["title"] for item in items] == ["Molemmat"]
    _feed, entries = atom_entries(client, f"/sv/blogg/tema/{theme.slug_sv}/atom/")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Båda"]


def test_project_feeds(client, posts):
    project = posts["project"]
    _channel, items = rss_items(client, f"/sv/blogg/projekt/{project.slug_sv}/rss/")
    assert [item["title"] for item in items] == ["Båda", "Bara på svenska"]
    _feed, entries = atom_entries(client, f"/fi/blogi/hanke/{project.slug_fi}/atom/")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Molemmat"]


def test_unknown_theme_feed_is_404(client, posts):
    assert client.get("/fi/blogi/teema/ei-ole/rss/").status_code == 404


def test_pages_link_their_feeds(client, posts):
    html = client.get("/fi/blogi/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="http://testserver/fi/blogi/rss/"' in html or "/fi/blogi/rss/" in html
    assert '<link rel="alternate" type="application/atom+xml"' in html
    theme = posts["theme"]
    filtered = client.get(f"/fi/blogi/?teema={theme.slug_fi}").content.decode()
    assert f"/fi/blogi/teema/{theme.slug_fi}/rss/" in filtered
    detail = client.get(posts["both"].get_absolute_url()).content.decode()
    assert 'type="application/atom+xml"' in detail
