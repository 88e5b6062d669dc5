"""The history of content: who changed what and when, a readable diff, restoring."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from blog.tests.factories import PostFactory
from core import versions
from events.models import Event
from events.tests.factories import EventFactory
from practices.tests.factories import PracticeFactory
from projects.tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _edited(obj, user, **changes):
    with versions.revision(user):
        for name, value in changes.items():
            setattr(obj, name, value)
        obj.save()
    return obj


def test_a_workspace_save_is_kept_with_who_and_when(client, coordinator, project):
    client.force_login(coordinator)
    response = client.post(
        reverse("blog_workspace:post_create"),
        {"title_fi": "Ensimmäinen", "projects": [project.pk], "toiminto": "save"},
    )
    assert response.status_code == 302
    post = Post.objects.get(title_fi="Ensimmäinen")
    version = versions.versions_of(post).get()
    assert version.revision.user == coordinator
    assert version.field_dict["projects"] == [project.pk]


def test_an_admin_save_is_kept_too(client, network_coordinator, project):
    post = PostFactory(projects=[project])
    client.force_login(network_coordinator)
    url = reverse("admin:blog_post_change", args=[post.pk])
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "all")}
    data |= {
        "title_fi": "Ylläpidossa muutettu",
        "projects": [project.pk],
        "publish_at_0": "1.1.2026",
        "publish_at_1": "12:00",
        "status": "published",
    }
    data = {k: v for k, v in data.items() if not k.startswith("cover_image")}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    version = versions.versions_of(post).get()
    assert version.revision.user == network_coordinator
    assert version.revision.comment == "admin"


def test_saves_outside_the_workspace_and_admin_keep_nothing(project):
    post = PostFactory(projects=[project])
    post.save()
    assert not versions.versions_of(post).exists()


def test_the_diff_is_readable_field_by_field(coordinator, project):
    theme = ThemeFactory()
    with versions.revision(coordinator):
        post = PostFactory(projects=[project], body_fi="<p>Vanha lause tässä.</p>")
    _edited(post, coordinator, body_fi="<p>Uusi lause tässä.</p>", title_sv="Ny rubrik")
    with versions.revision(coordinator):
        post.themes.set([theme])
    history = versions.versions_of(post)
    newest, older = history.first(), history.last()
    changes = {c.name: c for c in versions.field_changes(Post, older.field_dict, newest.field_dict)}
    assert set(changes) == {"body_fi", "title_sv", "themes"}
    assert changes["title_sv"].label == "Otsikko (ruotsiksi)"
    assert ("delete", "Vanha") in changes["body_fi"].segments
    assert ("insert", "Uusi") in changes["body_fi"].segments
    assert changes["themes"].new == str(theme)


def test_restoring_brings_the_content_back_as_a_new_version(client, coordinator, project):
    with versions.revision(coordinator):
        post = PostFactory(projects=[project], title_fi="Alkuperäinen")
    _edited(post, coordinator, title_fi="Muutettu", status=Post.Status.DRAFT)
    original = versions.versions_of(post).last()
    client.force_login(coordinator)
    url = reverse(
        "workspace:post_history_restore", kwargs={"pk": post.pk, "version_id": original.pk}
    )
    confirm = client.get(url)
    assert "Muutettu" in confirm.text and "Alkuperäinen" in confirm.text
    post.refresh_from_db()
    assert post.title_fi == "Muutettu"  # a GET changes nothing
    assert client.post(url).status_code == 302
    post.refresh_from_db()
    assert post.title_fi == "Alkuperäinen"
    assert post.status == Post.Status.DRAFT  # the publishing state is not restored
    assert versions.versions_of(post).count() == 3
    assert versions.versions_of(post).first().revision.comment.startswith("restore:")


def test_a_restore_that_no_longer_fits_says_why_and_writes_nothing(client, coordinator, project):
    with versions.revision(coordinator):
        post = PostFactory(projects=[project], title_fi="Eka", slug_fi="eka", slug_sv="eka-sv")
    _edited(post, coordinator, slug_fi="toka")
    PostFactory(projects=[project], slug_fi="eka", slug_sv="muu")
    old = versions.versions_of(post).last()
    client.force_login(coordinator)
    url = reverse("workspace:post_history_restore", kwargs={"pk": post.pk, "version_id": old.pk})
    response = client.post(url)
    assert response.status_code == 400
    assert "osoitteen tunniste on jo käytössä" in response.text
    post.refresh_from_db()
    assert post.slug_fi == "toka"
    assert versions.versions_of(post).count() == 2


def test_a_coordinator_whose_posts_need_review_restores_a_published_post_to_review(
    client, coordinator, project, network_coordinator
):
    project.posts_need_approval = True
    project.save()
    with versions.revision(network_coordinator):
        post = PostFactory(projects=[project], title_fi="Julkaistu")
    _edited(post, network_coordinator, title_fi="Muokattu")
    old = versions.versions_of(post).last()
    client.force_login(coordinator)
    url = reverse("workspace:post_history_restore", kwargs={"pk": post.pk, "version_id": old.pk})
    assert client.post(url).status_code == 302
    post.refresh_from_db()
    assert post.title_fi == "Julkaistu" and post.status == Post.Status.REVIEW


def test_an_event_restore_keeps_its_state(client, coordinator, project):
    with versions.revision(coordinator):
        event = EventFactory(projects=[project], title_fi="Tapahtuma")
    _edited(event, coordinator, title_fi="Tapahtuma muutettu", status="cancelled")
    old = versions.versions_of(event).last()
    client.force_login(coordinator)
    url = reverse("workspace:event_history_restore", kwargs={"pk": event.pk, "version_id": old.pk})
    assert client.post(url).status_code == 302
    event.refresh_from_db()
    assert event.title_fi == "Tapahtuma" and event.status == "cancelled"


def _restore(client, key, obj, version):
    address = reverse(
        f"workspace:{key}_history_restore", kwargs={"pk": obj.pk, "version_id": version.pk}
    )
    return client.post(address)


def _project_ids(obj) -> set[int]:
    return set(obj.projects.values_list("pk", flat=True))


def test_a_restore_leaves_the_links_of_projects_one_may_not_edit(
    client, coordinator, other_coordinator, network_coordinator, project, other_project
):
    """As the editor's form does: an event leaves another project's page only by its own
    coordinators, and comes back there only by them."""
    with versions.revision(coordinator):
        shared = EventFactory(projects=[project, other_project])
        own = EventFactory(projects=[project])
        practice = PracticeFactory(projects=[project])
    shared_first, own_first = versions.versions_of(shared).get(), versions.versions_of(own).get()
    practice_first = versions.versions_of(practice).get()
    with versions.revision(other_coordinator):
        shared.projects.set([project])  # the other project leaves
        _edited(shared, other_coordinator, title_fi="Vain meidän")
    with versions.revision(network_coordinator):
        own.projects.add(other_project)  # a partner joins
        _edited(own, network_coordinator, title_fi="Yhteinen")
        practice.projects.add(other_project)
        _edited(practice, network_coordinator, title_fi="Yhteinen malli")
    client.force_login(coordinator)
    for key, obj, version in (
        ("event", shared, shared_first),
        ("event", own, own_first),
        ("practice", practice, practice_first),
    ):
        assert _restore(client, key, obj, version).status_code == 302
    assert _project_ids(shared) == {project.pk}
    assert _project_ids(own) == {project.pk, other_project.pk}
    assert _project_ids(practice) == {project.pk, other_project.pk}
    own.refresh_from_db()
    assert own.title_fi != "Yhteinen"  # the content itself was restored


def test_an_event_restore_keeps_its_publishing_time(client, coordinator, project):
    later = timezone.now() + timedelta(days=5)
    with versions.revision(coordinator):
        event = EventFactory(projects=[project], status=Event.Status.PUBLISHED, publish_at=later)
    scheduled = versions.versions_of(event).get()
    _edited(event, coordinator, publish_at=None, title_fi="Uusi otsikko")  # published at once
    client.force_login(coordinator)
    assert _restore(client, "event", event, scheduled).status_code == 302
    assert Event.objects.published().filter(pk=event.pk).exists()


@pytest.mark.django_db(transaction=True)  # a dangling link fails only at commit
def test_a_restore_leaves_out_what_was_deleted_since(client, coordinator, project):
    kept, retired = ThemeFactory(), ThemeFactory()
    with versions.revision(coordinator):
        event = EventFactory(projects=[project], themes=[kept, retired], title_fi="Vanha")
    first = versions.versions_of(event).get()
    _edited(event, coordinator, title_fi="Uusi")
    retired.delete()
    client.force_login(coordinator)
    assert _restore(client, "event", event, first).status_code == 302
    event.refresh_from_db()
    assert (event.title_fi, set(event.themes.all())) == ("Vanha", {kept})
