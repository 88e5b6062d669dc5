"""The querysets of translated models are modeltranslation's MultilingualQuerySet without a
class built per queryset, and without patching modeltranslation (core.translation_utils)."""

import pickle

import pytest
from django.utils import translation
from modeltranslation import manager
from modeltranslation.translator import translator

from core.translation_utils import TranslatedQuerySet
from events.models import Event
from projects.models import Project

pytestmark = pytest.mark.django_db


def test_modeltranslation_is_not_patched():
    assert manager.multilingual_queryset_factory.__module__ == "modeltranslation.manager"


@pytest.mark.parametrize(
    "model", translator.get_registered_models(abstract=False), ids=lambda m: m._meta.label
)
def test_a_translated_model_builds_no_class_per_queryset(model):
    """A custom QuerySet that is not a TranslatedQuerySet gets a new class from
    modeltranslation's factory each time."""
    first, second = model.objects.all(), model.objects.all()
    assert type(first) is type(second)
    assert isinstance(first, manager.MultilingualQuerySet)
    if type(first) is not manager.MultilingualQuerySet:
        assert isinstance(first, TranslatedQuerySet)


def test_custom_querysets_keep_their_methods():
    assert type(Project.objects.published()) is type(Project.objects.all())
    assert type(Event.objects.all()) is type(Event.objects.published())
    assert type(Project.objects.all()) is not type(Event.objects.all())


def test_querysets_still_translate_and_pickle(project):
    project.name_fi, project.name_sv = "Hanke", "Projekt"
    project.save()
    with translation.override("sv"):
        assert list(Project.objects.filter(name="Projekt")) == [project]
        assert list(project.themes.model.objects.all()) == list(project.themes.model.objects.all())
    restored = pickle.loads(pickle.dumps(Project.objects.filter(pk=project.pk)))  # noqa: S301
    assert type(restored) is type(Project.objects.all())
    assert list(restored) == [project]
