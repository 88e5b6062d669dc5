from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event, EventMaterial, Registration
from projects.tests.factories import ProjectFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Tapahtuma {n}")
    title_sv = factory.Sequence(lambda n: f"Evenemang {n}")
    slug_fi = factory.Sequence(lambda n: f"tapahtuma-{n}")
    slug_sv = factory.Sequence(lambda n: f"evenemang-{n}")
    description_fi = "<p>Tapahtuman kuvaus.</p>"
    description_sv = "<p>Beskrivning av evenemanget.</p>"
    venue_fi = "Ammattiopisto, auditorio"
    address_fi = "Koulutie 1, 33100 Tampere"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))
    status = Event.Status.PUBLISHED

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create:
            self.projects.set(extracted if extracted is not None else [ProjectFactory()])

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class EventMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventMaterial

    event = factory.SubFactory(EventFactory)
    title_fi = "Tallenne"
    title_sv = "Inspelning"
    url = "https://example.org/tallenne"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory, registration_enabled=True)
    name = factory.Sequence(lambda n: f"Osallistuja {n}")
    email = factory.Sequence(lambda n: f"osallistuja{n}@example.org")
    consent = True
    status = Registration.Status.CONFIRMED
