"""Upcoming events on the home, theme and project pages: one query each."""

from django.urls import reverse

from .models import Event

HOME_COUNT = 3
PAGE_COUNT = 5


def _upcoming():
    return Event.objects.published().filter(status=Event.Status.PUBLISHED).upcoming()


def home_section() -> dict:
    return {
        "events_upcoming": list(_upcoming()[:HOME_COUNT]),
        "events_more_url": reverse("events:event_list"),
        "events_feed_url": reverse("events:feed"),
    }


def theme_section(theme) -> dict:
    return {
        "events_upcoming": list(_upcoming().with_theme(theme)[:PAGE_COUNT]),
        "events_more_url": reverse("events:event_list") + f"?teema={theme.slug}",
        "events_feed_url": reverse("events:theme_feed", kwargs={"slug": theme.slug}),
    }


def project_section(project) -> dict:
    return {
        "events_upcoming": list(_upcoming().with_project(project)[:PAGE_COUNT]),
        "events_more_url": reverse("events:event_list") + f"?hanke={project.slug}",
        "events_feed_url": reverse("events:project_feed", kwargs={"slug": project.slug}),
    }
