"""Review of posts: a project may ask a network coordinator to approve its coordinators'
posts; the post waits in review, the reviewer publishes it or returns it with a note, and
each is told by email in their own language."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from blog import services
from blog.models import Post
from blog.tests.factories import PostFactory
from core import outbox, versions
from core.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict(project):
    project.posts_need_approval = True
    project.save()
    return project


@pytest.fixture
def draft(strict, coordinator):
    with versions.revision(coordinator):
        return PostFactory(projects=[strict], status=Post.Status.DRAFT, author=coordinator)


def _write(post, user, intent, projects=None):
    with versions.revision(user):
        return services.post_write(
            post=post,
            user=user,
            projects=projects or list(post.projects.all()),
            themes=[],
            intent=intent,
        )


def test_a_coordinator_of_a_project_that_asks_for_approval_cannot_publish(draft, coordinator):
    with pytest.raises(ValidationError) as caught:
        _write(draft, coordinator, services.INTENT_PUBLISH)
    assert caught.value.code == "needs_review"
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT


def test_without_the_setting_the_coordinator_publishes(project, coordinator):
    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    _write(post, coordinator, services.INTENT_PUBLISH)
    post.refresh_from_db()
    assert post.is_live
    with pytest.raises(ValidationError) as caught:
        _write(post, coordinator, services.INTENT_SUBMIT)
    assert caught.value.code == "no_review"


def test_submitting_tells_every_network_coordinator_in_their_language(
    draft, coordinator, network_coordinator, django_user_model
):
    swedish = django_user_model.objects.create_user(email="sv@example.org", language="sv")
    swedish.groups.add(network_coordinator.groups.first())
    _write(draft, coordinator, services.INTENT_SUBMIT)
    draft.refresh_from_db()
    assert draft.status == Post.Status.REVIEW
    assert draft.submitted_by == coordinator
    assert not draft.is_live and draft not in Post.objects.published()
    assert OutboxMessage.objects.filter(task=services.EMAIL_TASK).count() == 2
    outbox.run_pending_inline()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {network_coordinator.email, "sv@example.org"}
    assert by_address[network_coordinator.email].subject.startswith("Tarkistettavana")
    assert by_address["sv@example.org"].subject.startswith("Att granska")
    review_path = reverse("blog_workspace:post_review", kwargs={"pk": draft.pk})
    assert review_path in by_address[network_coordinator.email].body


def test_an_edit_of_a_published_post_goes_to_review_too(strict, coordinator):
    post = PostFactory(projects=[strict])
    with pytest.raises(ValidationError):
        _write(post, coordinator, services.INTENT_SAVE)
    _write(post, coordinator, services.INTENT_SUBMIT)
    post.refresh_from_db()
    assert post.status == Post.Status.REVIEW


def test_the_network_coordinator_approves_and_the_writer_is_told(
    draft, coordinator, network_coordinator
):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    outbox.run_pending_inline()
    mail.outbox.clear()
    with versions.revision(network_coordinator):
        services.post_approve(post=draft, reviewer=network_coordinator)
    draft.refresh_from_db()
    assert draft.is_live
    outbox.run_pending_inline()
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert "hyväksytty" in mail.outbox[0].subject
    assert versions.versions_of(draft).first().revision.comment == "approved"


def test_a_post_changed_after_the_review_page_was_opened_is_not_published_unseen(
    client, draft, coordinator, network_coordinator
):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    client.force_login(network_coordinator)
    address = reverse("blog_workspace:post_review", kwargs={"pk": draft.pk})
    page = client.get(address).text
    stamp = page.split('name="tarkistettu" value="')[1].split('"')[0]
    draft.refresh_from_db()
    draft.title_fi = "Muutettu tarkistuksen aikana"
    _write(draft, coordinator, services.INTENT_SUBMIT)  # still waiting, but not as read
    response = client.post(address, {"toiminto": "hyvaksy", "tarkistettu": stamp}, follow=True)
    assert "Kirjoitusta muutettiin sen jälkeen" in response.text
    draft.refresh_from_db()
    assert draft.status == Post.Status.REVIEW
    fresh = client.get(address).text.split('name="tarkistettu" value="')[1].split('"')[0]
    client.post(address, {"toiminto": "hyvaksy", "tarkistettu": fresh})
    draft.refresh_from_db()
    assert draft.is_live


def test_approval_keeps_a_set_publish_time(draft, coordinator, network_coordinator):
    later = timezone.now() + timedelta(days=2)
    draft.publish_at = later
    _write(draft, coordinator, services.INTENT_SUBMIT)
    services.post_approve(post=draft, reviewer=network_coordinator)
    draft.refresh_from_db()
    assert draft.is_scheduled and draft.publish_at == later


def test_returning_needs_a_note_which_the_writer_gets(draft, coordinator, network_coordinator):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    with pytest.raises(ValidationError) as caught:
        services.post_return(post=draft, reviewer=network_coordinator, note="  ")
    assert caught.value.code == "no_note"
    draft.refresh_from_db()
    assert draft.status == Post.Status.REVIEW
    outbox.run_pending_inline()
    mail.outbox.clear()
    services.post_return(post=draft, reviewer=network_coordinator, note="Lisää lähteet.")
    draft.refresh_from_db()
    assert draft.status == Post.Status.DRAFT and draft.review_note == "Lisää lähteet."
    outbox.run_pending_inline()
    assert mail.outbox[0].to == [coordinator.email]
    assert "Lisää lähteet." in mail.outbox[0].body


def test_only_network_coordinators_review(draft, coordinator, other_coordinator, oph_viewer):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    for user in (coordinator, other_coordinator, oph_viewer):
        with pytest.raises(PermissionDenied):
            services.post_approve(post=draft, reviewer=user)
    draft.refresh_from_db()
    assert draft.status == Post.Status.REVIEW


def test_a_post_reviewed_already_is_not_reviewed_twice(draft, coordinator, network_coordinator):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    services.post_approve(post=draft, reviewer=network_coordinator)
    with pytest.raises(ValidationError) as caught:
        services.post_return(post=draft, reviewer=network_coordinator, note="Myöhässä")
    assert caught.value.code == "not_in_review"


def test_unpublishing_takes_the_post_off_the_site_at_once(project, coordinator):
    post = PostFactory(projects=[project])
    services.post_unpublish(post=post, user=coordinator)
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT and post not in Post.objects.published()


def test_the_reviewer_sees_the_diff_against_the_last_published_version(
    client, strict, coordinator, network_coordinator
):
    with versions.revision(network_coordinator):
        post = PostFactory(projects=[strict], title_fi="Vanha otsikko")
    post.title_fi = "Uusi otsikko"
    _write(post, coordinator, services.INTENT_SUBMIT)
    assert services.last_published_version(post).field_dict["title_fi"] == "Vanha otsikko"
    client.force_login(network_coordinator)
    response = client.get(reverse("blog_workspace:post_review", kwargs={"pk": post.pk}))
    assert response.status_code == 200
    assert "Muutokset viimeksi julkaistuun versioon" in response.text
    assert "<del>" in response.text and "Vanha" in response.text and "Uusi" in response.text


def test_a_returned_post_sent_again_is_compared_with_the_earlier_submission(
    strict, coordinator, network_coordinator
):
    with versions.revision(coordinator):
        post = PostFactory(projects=[strict], status=Post.Status.DRAFT, title_fi="Eka")
    _write(post, coordinator, services.INTENT_SUBMIT)
    with versions.revision(network_coordinator):
        services.post_return(post=post, reviewer=network_coordinator, note="Korjaa")
    post.title_fi = "Toka"
    _write(post, coordinator, services.INTENT_SUBMIT)
    assert services.last_published_version(post) is None
    assert services.previous_submission(post).field_dict["title_fi"] == "Eka"


def test_the_review_page_refuses_an_empty_note_beside_the_field(
    client, draft, coordinator, network_coordinator
):
    _write(draft, coordinator, services.INTENT_SUBMIT)
    client.force_login(network_coordinator)
    url = reverse("blog_workspace:post_review", kwargs={"pk": draft.pk})
    response = client.post(url, {"toiminto": "palauta", "note": ""})
    assert response.status_code == 400
    assert "Kirjoita kommentti" in response.text
    draft.refresh_from_db()
    assert draft.status == Post.Status.REVIEW
