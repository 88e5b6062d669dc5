"""Post model: languages, personal data, and the size check before reading an upload."""

import pytest
from django.core.exceptions import ValidationError

from blog.models import Post
from blog.tests.factories import PostFactory
from core import images
from core.personal_data import erase_person, export_person

pytestmark = pytest.mark.django_db


def test_languages_and_display_language():
    from django.utils import translation

    post = PostFactory.build(title_fi="", title_sv="Bara svenska")
    assert post.languages == ["sv"]
    with translation.override("fi"):
        assert post.content_language == "sv"
        assert post.in_other_language
        assert post.display_title == "Bara svenska"
    with translation.override("sv"):
        assert not post.in_other_language


def test_a_post_needs_a_title_in_some_language():
    post = PostFactory.build(title_fi="", title_sv="")
    with pytest.raises(ValidationError) as caught:
        post.clean()
    assert "title_fi" in caught.value.message_dict


def test_oversized_upload_is_refused_before_reading():
    class HugeUpload:
        name = "iso.jpg"
        size = images.max_bytes() + 1

        def seek(self, *args):
            pass

        def read(self, *args):
            pytest.fail("read before the size check")

    with pytest.raises(ValidationError) as caught:
        images.clean_image(HugeUpload())
    assert caught.value.code == "too_large"


def test_author_is_exported_and_erased(coordinator):
    post = PostFactory(author=coordinator, title_fi="Oma kirjoitus")
    exported = export_person(coordinator.email)
    assert any("Oma kirjoitus" in str(section) for section in exported.values())
    erase_person(coordinator.email)
    post.refresh_from_db()
    assert post.author is None
    assert Post.objects.filter(pk=post.pk).exists()
