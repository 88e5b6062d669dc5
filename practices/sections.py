"""Practices on the home, theme and project pages: one query each."""

from django.urls import reverse

from .models import Practice

HOME_COUNT = 3
PAGE_COUNT = 6


def _recent():
    return Practice.objects.published().order_by("-updated_at", "-pk")


def home_section() -> dict:
    return {
        "practices_section": list(_recent()[:HOME_COUNT]),
        "practices_more_url": reverse("practices:practice_list"),
    }


def theme_section(theme) -> dict:
    return {
        "practices_section": list(_recent().with_theme(theme)[:PAGE_COUNT]),
        "practices_more_url": reverse("practices:practice_list") + f"?teema={theme.slug}",
    }


def project_section(project) -> dict:
    return {
        "practices_section": list(_recent().with_project(project)[:PAGE_COUNT]),
        "practices_more_url": reverse("practices:practice_list") + f"?hanke={project.slug}",
    }
