"""The network's own contact for the site's footer: the coordination project (its page on
the portal and its website), as the network coordinators keep it in the project data."""

from django import template

from projects.models import Project

register = template.Library()


@register.simple_tag
def coordination_project() -> Project | None:
    """The published coordination project, or None; the footer is a cached fragment, so
    this runs once per cache generation, not per page."""
    return Project.objects.coordination().filter(is_published=True).order_by("pk").first()
