"""A coordinator writes a post with a cover image in the admin editor and publishes it;
a visitor reads it in Finnish and Swedish. axe on each public page; no console or CSP errors."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from PIL import Image
from playwright.sync_api import expect

from blog.models import Post
from valita.celery import app as celery_app
from valita.demo import load_projects as load_demo_network

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _eager_celery():
    old = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = old


def _sign_in(page, live_server, email):
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _cover(tmp_path):
    path = tmp_path / "kuva.jpg"
    image = Image.new("RGB", (1200, 700), (123, 31, 84))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (61.0, 29.0, 50.0), 3: "E", 4: (23.0, 45.0, 39.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    path.write_bytes(out.getvalue())
    return path


def test_coordinator_publishes_a_post_and_a_visitor_reads_it(
    live_server, page, axe, console_errors, tmp_path
):
    load_demo_network()
    _sign_in(page, live_server, "koordinaattori@example.org")

    page.goto(f"{live_server.url}/fi/admin/blog/post/add/")
    page.locator("#id_title_fi").fill("Opiskelijat suunnittelivat teemapäivän")
    page.locator("#id_title_sv").fill("Studerande planerade en temadag")
    page.locator("#id_lead_fi").fill("Kehittäjäopiskelijat kokosivat ohjelman itse.")
    page.locator("#id_lead_sv").fill("Utvecklarstuderande satte själva ihop programmet.")
    editor_fi = page.locator(".prose-editor:has(#id_body_fi) [contenteditable=true]")
    expect(editor_fi).to_be_visible()
    editor_fi.click()
    page.keyboard.type("Teemapäivänä puhuttiin osallisuudesta ja yhteisistä tiloista.")
    page.locator(".prose-editor:has(#id_body_sv) [contenteditable=true]").click()
    page.keyboard.type("Under temadagen talade man om delaktighet och gemensamma utrymmen.")
    page.locator("#id_cover_image").set_input_files(str(_cover(tmp_path)))
    page.locator("#id_cover_alt_fi").fill("Opiskelijoita ryhmätyössä")
    page.locator("#id_cover_alt_sv").fill("Studerande i grupparbete")
    page.locator("#id_projects_from").select_option(label="Ääni kuuluviin")
    page.locator("#id_projects_add").click()
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()

    post = Post.objects.get(title_fi="Opiskelijat suunnittelivat teemapäivän")
    assert post.is_live
    assert "osallisuudesta" in post.body_fi
    assert post.cover_sources()  # renditions made by the task
    assert console_errors == [], console_errors

    # A visitor (no session) reads it.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/fi/blogi/")
    axe("blog list fi")
    page.get_by_role("link", name="Opiskelijat suunnittelivat teemapäivän").click()
    expect(page).to_have_url(re.compile(r"/fi/blogi/opiskelijat-suunnittelivat-teemapaivan/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Opiskelijat suunnittelivat teemapäivän"
    )
    cover = page.get_by_role("img", name="Opiskelijoita ryhmätyössä")
    expect(cover).to_be_visible()
    # Loaded through /covers/ (the private storage's checked view), not a broken image.
    assert cover.get_attribute("src").startswith("/covers/")
    assert cover.evaluate("img => img.decode().then(() => img.naturalWidth > 0)")
    assert "480w" in cover.get_attribute("srcset")
    assert page.locator('meta[property="og:image"]').get_attribute("content").endswith(".webp")
    axe("post fi")

    page.get_by_role("navigation", name="Kieli").get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/blogg/studerande-planerade-en-temadag/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Studerande planerade en temadag")
    expect(page.get_by_text("talade man om delaktighet")).to_be_visible()
    axe("post sv")

    page.goto(f"{live_server.url}/sv/blogg/")
    expect(page.get_by_role("link", name="Studerande planerade en temadag")).to_be_visible()
    axe("blog list sv")

    # ... and follows the feed linked on the page.
    feed_href = page.get_by_role("link", name="Prenumerera på inläggen (RSS)").get_attribute("href")
    feed = page.request.get(f"{live_server.url}{feed_href}")
    assert feed.ok
    channel = ET.fromstring(feed.body()).find("channel")  # noqa: S314 - our own feed
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert "Studerande planerade en temadag" in titles
    assert console_errors == [], console_errors


def _tab_to(page, locator, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("e => e === document.activeElement"):
            return
    expect(locator).to_be_focused()


def test_visitor_reaches_a_post_with_the_keyboard_only(live_server, page, axe, console_errors):
    from valita.demo import load_posts as load_demo_posts

    load_demo_network()
    load_demo_posts()
    page.goto(f"{live_server.url}/sv/")
    blog_link = page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Blogg")
    _tab_to(page, blog_link)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sv/blogg/$"))
    first_post = page.locator(".post-card h3 a").first
    _tab_to(page, first_post)
    title = first_post.inner_text()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    axe("post sv (keyboard)")
    assert console_errors == [], console_errors
