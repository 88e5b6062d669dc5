"""modeltranslation's querysets reuse one class per QuerySet class (core.translation_utils)."""

import pickle

import pytest

from events.models import Event
from projects.models import Project

pytestmark = pytest.mark.django_db


def test_a_manager_builds_no_new_class_per_queryset():
    assert type(Project.objects.published()) is type(Project.objects.all())
    assert type(Event.objects.all()) is type(Event.objects.published())
    assert type(Project.objects.all()) is not type(Event.objects.all())


def test_querysets_still_translate_and_pickle(project):
    project.name_fi, project.name_sv = "Hanke", "Projekt"
    project.save()
    from django.utils import translation

    with translation.override("sv"):
        assert list(Project.objects.filter(name="Projekt")) == [project]
    restored = pickle.loads(pickle.dumps(Project.objects.filter(pk=project.pk)))  # noqa: S301
    assert list(restored) == [project]
