"""The rich text editor's inactive toolbar buttons are marked inactive for assistive
technology (static/workspace/inactive_buttons.js), so axe takes their faded look for the
inactive state it is."""

import re

import pytest
from playwright.sync_api import expect

from valita import demo
from valita.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_inactive_editor_buttons_say_so_after_typing(live_server, page, axe, settings):
    settings.PAGE_CACHE_SECONDS = 0
    demo.load("projects")
    page.goto(f"{live_server.url}/fi/tili/login/")
    page.get_by_label("Sähköposti").fill("koordinaattori@example.org")
    page.get_by_label("Salasana").fill(DEMO_PASSWORD)
    page.get_by_label("Salasana").press("Enter")
    expect(page).to_have_url(re.compile(r"/fi/tyotila/$"))
    page.goto(f"{live_server.url}/fi/tyotila/tapahtumat/uusi/")
    editor = page.locator(".ProseMirror >> visible=true").first
    editor.click()
    page.keyboard.type("Ohjelma")  # an editor transaction: undo active, redo and link not
    toolbar = page.locator(".prose-editor", has=editor).locator(".prose-menubar").first
    redo = toolbar.locator('.prose-menubar__button[data-name="history:redo"]')
    expect(redo).to_have_class(re.compile(r"\bdisabled\b"))
    expect(redo).to_have_attribute("aria-disabled", "true")
    undo = toolbar.locator('.prose-menubar__button[data-name="history:undo"]')
    expect(undo).not_to_have_attribute("aria-disabled", "true")
    axe("event form after typing")
