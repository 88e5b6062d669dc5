"""A project coordinator whose project's posts need approval writes a post with an image in
its text, in Finnish and Swedish, with the keyboard, and sends it for review; a network
coordinator (another browser) sees it waiting, reads the changes and approves it; a visitor
reads it. axe at desktop and 375 px on each workspace page; no console or CSP errors."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from playwright.sync_api import expect

from blog.models import Post
from blog.tests.factories import image_bytes
from core.roles import NETWORK_COORDINATOR_GROUP
from projects.tests.factories import MembershipFactory, ProjectFactory, UserFactory
from valita.celery import app as celery_app

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _eager_celery():
    old = celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = old


def _sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def _errors_of(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def _type_into(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


def _press(page, locator) -> None:
    """A button pressed from the keyboard: focused, then Enter."""
    locator.focus()
    page.keyboard.press("Enter")


def _axe_for(page, axe_source):
    """axe-core on another browser's page (the `axe` fixture checks `page`)."""

    def check(context: str = "") -> None:
        page.evaluate(axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}
            })"""
        )
        violations = [
            (v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]
        ]
        assert violations == [], f"axe violations {context}: {violations}"

    return check


def _axe_both_widths(page, axe, context: str) -> None:
    axe(f"{context} (desktop)")
    page.set_viewport_size({"width": 375, "height": 800})
    axe(f"{context} (375 px)")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 376)
            .map(e => e.tagName + '.' + e.className).slice(0, 8)"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, (context, wide)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_post_with_an_image_goes_through_review_to_the_public(
    live_server, page, browser, axe, axe_source, console_errors, tmp_path
):
    project = ProjectFactory(posts_need_approval=True, name_fi="Tarkka hanke")
    writer = MembershipFactory(project=project).user
    reviewer = UserFactory(is_staff=True, first_name="Verkko")
    reviewer.groups.add(Group.objects.get_or_create(name=NETWORK_COORDINATOR_GROUP)[0])
    _sign_in(page.context, live_server, writer)
    page.set_viewport_size({"width": 1280, "height": 900})

    # The coordinator writes a draft with the keyboard; their one project is preselected.
    page.goto(f"{live_server.url}/fi/tyotila/blogi/uusi/")
    expect(page.locator("#id_projects_0")).to_be_checked()
    expect(page.locator(".review-info")).to_be_visible()
    _axe_both_widths(page, axe, "new post")
    _type_into(page, "#id_title_fi", "Opiskelijat rakensivat hiljaisen huoneen")
    _type_into(page, "#id_title_sv", "Studerande byggde ett tyst rum")
    _type_into(page, "#id_body_fi", "<p>Huone valmistui syksyllä.</p>\n")
    _type_into(page, "#id_body_sv", "<p>Rummet blev klart i höstas.</p>\n")
    _press(page, page.get_by_role("button", name="Tallenna luonnos"))
    expect(page.locator(".messages")).to_contain_text("Luonnos tallennettiin")
    post = Post.objects.get(title_fi="Opiskelijat rakensivat hiljaisen huoneen")

    # An image for the text, described in both languages, inserted in both texts.
    picture = tmp_path / "huone.png"
    picture.write_bytes(image_bytes(size=(640, 400), image_format="PNG"))
    page.locator("#id_kuva-image").set_input_files(str(picture))
    _type_into(page, "#id_kuva-alt_fi", "Hiljainen huone, jossa on säkkituoleja")
    _type_into(page, "#id_kuva-alt_sv", "Ett tyst rum med sittsäckar")
    _press(page, page.get_by_role("button", name="Lataa kuva"))
    expect(page.locator(".messages")).to_contain_text("Kuva lisättiin")
    _press(page, page.get_by_role("button", name="Lisää tekstiin: Koodi suomenkieliseen tekstiin"))
    _press(page, page.get_by_role("button", name="Lisää tekstiin: Koodi ruotsinkieliseen tekstiin"))
    expect(page.locator("#id_body_fi")).to_have_value(
        re.compile(r'alt="Hiljainen huone, jossa on säkkituoleja"')
    )
    _axe_both_widths(page, axe, "post editor")
    _press(page, page.get_by_role("button", name="Lähetä tarkistettavaksi"))
    expect(page.locator(".messages")).to_contain_text("lähetettiin tarkistettavaksi")
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW
    image = post.images.get()
    assert f'src="/post-images/{image.pk}"' in post.body_fi
    assert 'alt="Ett tyst rum med sittsäckar"' in post.body_sv
    assert console_errors == [], console_errors

    # The network coordinator, in another browser, finds it waiting and approves it.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    _sign_in(context, live_server, get_user_model().objects.get(pk=reviewer.pk))
    other = context.new_page()
    other_errors = _errors_of(other)
    other.goto(f"{live_server.url}/fi/tyotila/")
    panel = other.locator("section[aria-labelledby=ws-blog]")
    expect(panel).to_contain_text("Odottaa tarkistustasi")
    _press(other, panel.get_by_role("link", name="Opiskelijat rakensivat hiljaisen huoneen"))
    expect(other.locator("h1")).to_contain_text("Tarkistus")
    expect(other.locator(".history-diff")).to_contain_text("Hiljainen huone")
    _axe_both_widths(other, _axe_for(other, axe_source), "review")
    assert page.goto(other.url).status == 403  # the writer may not review their own post
    _press(other, other.get_by_role("button", name="Hyväksy ja julkaise"))
    expect(other.locator(".messages")).to_contain_text("hyväksyttiin")
    post.refresh_from_db()
    assert post.is_live
    # The post's history: who did what, and the diff of the approval.
    other.goto(f"{live_server.url}/fi/tyotila/historia/kirjoitus/{post.pk}/")
    expect(other.locator("table")).to_contain_text("Hyväksytty julkaistavaksi")
    expect(other.locator("table")).to_contain_text("Lähetetty tarkistettavaksi")
    _axe_both_widths(other, _axe_for(other, axe_source), "history")
    _press(other, other.get_by_role("link", name=re.compile("Näytä muutokset")).first)
    expect(other.locator(".history-diff")).to_contain_text("Julkaistu")
    _axe_both_widths(other, _axe_for(other, axe_source), "version diff")
    assert other_errors == [], other_errors
    context.close()

    # A visitor reads it with its image.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{post.get_absolute_url()}")
    body_image = page.locator(".prose img")
    expect(body_image).to_have_attribute("alt", "Hiljainen huone, jossa on säkkituoleja")
    assert page.evaluate("document.querySelector('.prose img').naturalWidth") == 640
