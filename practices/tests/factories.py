"""Factories of practices and adoptions, on top of the projects factories."""

from datetime import date

import factory

from projects.tests.factories import OrganisationFactory, ProjectFactory


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practices.Practice"
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Toimintamalli {n}")
    title_sv = factory.Sequence(lambda n: f"Verksamhetsmodell {n}")
    slug_fi = factory.Sequence(lambda n: f"toimintamalli-{n}")
    slug_sv = factory.Sequence(lambda n: f"verksamhetsmodell-{n}")
    summary_fi = "Mallin tiivistelmä."
    summary_sv = "Modellens sammanfattning."
    steps_fi = "Ensimmäinen vaihe\nToinen vaihe"
    steps_sv = "Första steget\nAndra steget"
    is_published = True

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create:
            self.projects.set(extracted if extracted is not None else [ProjectFactory()])

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "practices.Adoption"

    practice = factory.SubFactory(PracticeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    since = date(2025, 1, 1)
    contact_name = "Yhteyshenkilö"
    contact_email = factory.Sequence(lambda n: f"kayttaja{n}@example.org")
