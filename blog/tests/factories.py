import io
from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from blog.models import Post
from projects.tests.factories import ProjectFactory


def image_bytes(
    size=(800, 500), image_format="JPEG", colour=(120, 40, 90), **save_options
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=image_format, **save_options)
    return out.getvalue()


def image_file(name="kuva.jpg", **kwargs) -> ContentFile:
    return ContentFile(image_bytes(**kwargs), name=name)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Kirjoitus {n}")
    title_sv = factory.Sequence(lambda n: f"Inlägg {n}")
    lead_fi = "Ingressi."
    lead_sv = "Ingress."
    body_fi = "<p>Kirjoituksen teksti.</p>"
    body_sv = "<p>Inläggets text.</p>"
    status = Post.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    class Params:
        with_cover = factory.Trait(
            cover_image=factory.LazyFunction(image_file),
            cover_alt_fi="Kuvan kuvaus",
            cover_alt_sv="Bildens beskrivning",
        )

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create:
            self.projects.set(extracted if extracted is not None else [ProjectFactory()])

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
