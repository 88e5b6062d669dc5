"""Two people editing the same object: the second save, made from a page loaded before the
first, is refused with a message instead of silently undoing the first (a lost update)."""

import re
from datetime import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.tests.factories import PostFactory
from blog.workspace_forms import PostForm
from events.tests.factories import EventFactory
from events.workspace_forms import EventForm
from practices.tests.factories import PracticeFactory
from practices.workspace_forms import PracticeForm
from projects.workspace_forms import ProjectForm

pytestmark = pytest.mark.django_db

STATE = re.compile(r'name="edited_state" value="([0-9a-f]+)"')
CONFLICT = "Joku muu tallensi tämän sillä välin"


def posted(form) -> dict:
    """What the editor's page posts as it stands (file fields left as they are)."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False or field.widget_type in ("file", "clearablefile"):
            continue
        if isinstance(value, list | tuple):
            data[field.html_name] = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            data[field.html_name] = local.strftime("%Y-%m-%dT%H:%M")
        else:
            data[field.html_name] = "on" if value is True else str(value)
    return data


def _event(project):
    event = EventFactory(projects=[project])
    return event, EventForm, reverse("events_workspace:event_edit", kwargs={"pk": event.pk}), {}


def _post(project):
    post = PostFactory(projects=[project])
    address = reverse("blog_workspace:post_edit", kwargs={"pk": post.pk})
    return post, PostForm, address, {"toiminto": "save"}


def _practice(project):
    practice = PracticeFactory(projects=[project])
    address = reverse("practices_workspace:practice_edit", kwargs={"pk": practice.pk})
    return practice, PracticeForm, address, {}


def _project(project):
    address = reverse("projects_workspace:project_edit", kwargs={"slug": project.slug})
    return project, ProjectForm, address, {}


@pytest.mark.parametrize("make", [_event, _post, _practice, _project])
def test_a_save_from_a_stale_page_is_refused_and_keeps_the_other_save(
    client, coordinator, network_coordinator, project, make
):
    obj, form_class, address, extra = make(project)
    editor = {} if form_class is ProjectForm else {"editor": coordinator}

    client.force_login(coordinator)  # A opens the editor
    loaded = STATE.search(client.get(address).text).group(1)
    mine = {**posted(form_class(instance=obj, **editor)), **extra, "edited_state": loaded}

    client.force_login(network_coordinator)  # B opens it too, and saves first
    theirs_loaded = STATE.search(client.get(address).text).group(1)
    theirs = {**mine, "title_fi": "B:n otsikko", "edited_state": theirs_loaded}
    if form_class is ProjectForm:
        theirs = {**mine, "name_fi": "B:n nimi", "edited_state": theirs_loaded}
    assert client.post(address, theirs).status_code == 302

    client.force_login(coordinator)  # A saves from the page loaded before
    field = "name_fi" if form_class is ProjectForm else "title_fi"
    response = client.post(address, {**mine, field: "A:n teksti"})
    assert response.status_code == 200
    assert CONFLICT in response.text
    assert "A:n teksti" in response.text  # A's text is still in the form to copy
    obj.refresh_from_db()
    assert getattr(obj, field).startswith("B:n")

    reloaded = STATE.search(client.get(address).text).group(1)  # after a reload A may save
    assert (
        client.post(address, {**mine, field: "A:n teksti", "edited_state": reloaded}).status_code
        == 302
    )
    obj.refresh_from_db()
    assert getattr(obj, field) == "A:n teksti"
