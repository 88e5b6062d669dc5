import factory
from django.contrib.auth import get_user_model

from projects.models import ContactPerson, Membership, Organisation, Project, Theme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name")
    password = factory.django.Password("valita-test-password")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    number = factory.Sequence(lambda n: n + 1)
    name_fi = factory.Sequence(lambda n: f"Teema {n}")
    name_sv = factory.Sequence(lambda n: f"Tema {n}")
    slug_fi = factory.Sequence(lambda n: f"teema-{n}")
    slug_sv = factory.Sequence(lambda n: f"tema-{n}")
    description_fi = "<p>Kuvaus</p>"
    description_sv = "<p>Beskrivning</p>"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Oppilaitos {n}")
    municipality = "Tampere"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    name_fi = factory.Sequence(lambda n: f"Hanke {n}")
    name_sv = factory.Sequence(lambda n: f"Projekt {n}")
    short_name_fi = factory.Sequence(lambda n: f"H{n}")
    slug_fi = factory.Sequence(lambda n: f"hanke-{n}")
    slug_sv = factory.Sequence(lambda n: f"projekt-{n}")
    summary_fi = "Hankkeen tiivistelmä."
    summary_sv = "Projektets sammanfattning."
    description_fi = "<p>Hankkeen kuvaus.</p>"
    lead_organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    project = factory.SubFactory(ProjectFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, is_staff=True)
    project = factory.SubFactory(ProjectFactory)
