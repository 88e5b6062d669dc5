"""The post editor of the workspace: both languages side by side, images inside the text
through the image pipeline, the coordinator's project preselected, schedule, bad input."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from blog.models import Post, PostImage
from blog.tests.factories import PostFactory, image_bytes, image_file
from core import versions
from projects.tests.factories import MembershipFactory, ProjectFactory

pytestmark = pytest.mark.django_db

CREATE = "blog_workspace:post_create"


def _data(project, **extra):
    return {"title_fi": "Otsikko", "projects": [project.pk], "toiminto": "save"} | extra


def test_the_only_project_of_a_coordinator_is_preselected(client, coordinator, project):
    client.force_login(coordinator)
    form = client.get(reverse(CREATE)).context["form"]
    assert form.initial["projects"] == [project.pk]
    MembershipFactory(user=coordinator, project=ProjectFactory())
    form = client.get(reverse(CREATE)).context["form"]
    assert not form.initial.get("projects")


def test_the_editor_has_both_languages_side_by_side_in_swedish_too(client, coordinator):
    client.force_login(coordinator)
    with translation.override("sv"):
        url = reverse(CREATE)
    assert url == "/sv/arbetsyta/blogg/ny/"
    text = client.get(url).text
    assert 'class="lang-columns"' in text
    assert 'id="id_title_fi"' in text and 'id="id_title_sv"' in text
    assert "Spara utkast" in text and "Rubrik" in text


def test_a_post_without_a_title_is_refused_beside_the_field(client, coordinator, project):
    client.force_login(coordinator)
    response = client.post(reverse(CREATE), _data(project, title_fi=""))
    assert response.status_code == 200
    assert "Kirjoita otsikko suomeksi tai ruotsiksi" in response.text
    assert 'id="error-summary"' in response.text
    assert not Post.objects.exists()


def test_a_draft_is_saved_and_scheduling_publishes_later(client, coordinator, project):
    client.force_login(coordinator)
    response = client.post(reverse(CREATE), _data(project))
    post = Post.objects.get()
    assert response["Location"] == reverse("blog_workspace:post_edit", kwargs={"pk": post.pk})
    assert post.status == Post.Status.DRAFT and post.author == coordinator
    later = timezone.localtime() + timedelta(days=3)
    data = _data(project, toiminto="publish", publish_at=later.strftime("%Y-%m-%dT%H:%M"))
    client.post(reverse("blog_workspace:post_edit", kwargs={"pk": post.pk}), data)
    post.refresh_from_db()
    assert post.is_scheduled and post not in Post.objects.published()
    assert versions.versions_of(post).count() == 2


def test_an_image_needs_its_description_in_both_languages(client, coordinator, project):
    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    client.force_login(coordinator)
    url = reverse("blog_workspace:post_image_add", kwargs={"pk": post.pk})
    response = client.post(url, {"kuva-image": image_file(), "kuva-alt_fi": "Kuva"})
    assert response.status_code == 400
    assert "kuva-alt_sv" in response.text and "errorlist" in response.text
    assert not PostImage.objects.exists()
    client.post(url, {"kuva-image": image_file(), "kuva-alt_fi": "Kuva", "kuva-alt_sv": "Bild"})
    image = PostImage.objects.get()
    assert image.image.storage.__class__.__name__ == "PrivateFileStorage"
    editor = client.get(reverse("blog_workspace:post_edit", kwargs={"pk": post.pk})).text
    assert f'value="&lt;img src=&quot;/post-images/{image.pk}&quot; alt=&quot;Kuva' in editor
    assert image.tag("sv") == (
        f'<img src="/post-images/{image.pk}" alt="Bild" width="{image.width}" '
        f'height="{image.height}">'
    )


def test_a_file_that_is_not_an_image_is_refused(client, coordinator, project):
    from django.core.files.base import ContentFile

    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    client.force_login(coordinator)
    url = reverse("blog_workspace:post_image_add", kwargs={"pk": post.pk})
    page = ContentFile(b"<html><script>alert(1)</script></html>", name="kuva.jpg")
    response = client.post(url, {"kuva-image": page, "kuva-alt_fi": "K", "kuva-alt_sv": "B"})
    assert response.status_code == 400
    assert "Tiedosto ei ole kuva" in response.text
    assert not PostImage.objects.exists()


def test_the_text_may_only_show_the_posts_own_images_with_a_description(
    client, coordinator, project
):
    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    other = PostFactory(projects=[project], status=Post.Status.DRAFT)
    own = PostImage.objects.create(post=post, image=image_file(), alt_fi="K", alt_sv="B")
    foreign = PostImage.objects.create(post=other, image=image_file(), alt_fi="K", alt_sv="B")
    client.force_login(coordinator)
    url = reverse("blog_workspace:post_edit", kwargs={"pk": post.pk})
    for body, message in [
        (f'<p><img src="/post-images/{foreign.pk}" alt="x"></p>', "ei ole ladattu"),
        ('<p><img src="https://example.org/x.png" alt="x"></p>', "ei ole ladattu"),
        (f'<p><img src="/post-images/{own.pk}" alt=""></p>', "tekstivastine (alt)"),
    ]:
        response = client.post(url, _data(project, body_fi=body))
        assert message in response.text, body
    client.post(url, _data(project, body_fi=f"<p>{own.tag('fi')}</p><script>x</script>"))
    post.refresh_from_db()
    assert f'src="/post-images/{own.pk}"' in post.body_fi and "<script>" not in post.body_fi


def test_an_image_in_the_text_is_private_until_the_post_is_public(client, coordinator, project):
    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    image = PostImage.objects.create(post=post, image=image_file(), alt_fi="K", alt_sv="B")
    url = reverse("blog_image", kwargs={"image_id": image.pk})
    assert client.get(url).status_code == 404  # a visitor, before publishing
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "image/jpeg"
    client.logout()
    Post.objects.filter(pk=post.pk).update(status=Post.Status.PUBLISHED)
    assert client.get(url).status_code == 200
    Post.objects.filter(pk=post.pk).update(status=Post.Status.DRAFT)
    assert client.get(url).status_code == 404  # unpublishing hides it at once


def test_an_uploaded_image_loses_its_metadata(client, coordinator, project):
    from PIL import Image

    post = PostFactory(projects=[project], status=Post.Status.DRAFT)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (61.0, 29.0, 50.0)}
    data = image_bytes(exif=exif)
    from django.core.files.base import ContentFile

    client.force_login(coordinator)
    client.post(
        reverse("blog_workspace:post_image_add", kwargs={"pk": post.pk}),
        {"kuva-image": ContentFile(data, "gps.jpg"), "kuva-alt_fi": "K", "kuva-alt_sv": "B"},
    )
    with PostImage.objects.get().image.open("rb") as f:
        assert not Image.open(f).getexif()


def test_preview_shows_the_post_as_a_visitor_sees_it_in_each_language(client, coordinator, project):
    post = PostFactory(projects=[project], status=Post.Status.DRAFT, title_sv="Svensk rubrik")
    client.force_login(coordinator)
    with translation.override("sv"):
        url = reverse("blog_workspace:post_preview", kwargs={"pk": post.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert "Svensk rubrik" in response.text
    assert "noindex" in response["X-Robots-Tag"]


def test_an_oph_viewer_finds_nothing_to_change(client, oph_viewer, project):
    PostFactory(projects=[project])
    client.force_login(oph_viewer)
    text = client.get(reverse("blog_workspace:post_list")).text
    assert reverse(CREATE) not in text
    home = client.get(reverse("workspace:home")).text
    assert reverse(CREATE) not in home


def test_the_home_panel_shows_drafts_scheduled_and_waiting(
    client, coordinator, network_coordinator, project
):
    PostFactory(projects=[project], status=Post.Status.DRAFT, title_fi="Luonnos A")
    PostFactory(projects=[project], status=Post.Status.REVIEW, title_fi="Tarkistettava B")
    later = timezone.now() + timedelta(days=1)
    PostFactory(projects=[project], publish_at=later, title_fi="Ajastettu C")
    PostFactory(projects=[ProjectFactory()], status=Post.Status.DRAFT, title_fi="Muiden D")
    client.force_login(coordinator)
    text = client.get(reverse("workspace:home")).text
    assert "Luonnos A" in text and "Tarkistettava B" in text and "Ajastettu C" in text
    assert "Muiden D" not in text
    client.force_login(network_coordinator)
    text = client.get(reverse("workspace:home")).text
    assert "Odottaa tarkistustasi" in text and "Muiden D" in text
