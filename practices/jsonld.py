"""schema.org HowTo (a CreativeWork) for a practice, escaped for a
<script type="application/ld+json"> block."""

from django.utils import timezone
from django.utils.html import strip_tags

from core.jsonld import absolute, dumps, project_organization, site_publisher


def practice_jsonld(practice) -> str:
    projects = list(practice.projects.all())
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": practice.title,
        "headline": practice.title,
        "description": practice.summary,
        "url": absolute(practice.get_absolute_url()),
        "inLanguage": ["fi", "sv"],
        "datePublished": timezone.localdate(practice.created_at).isoformat(),
        "dateModified": timezone.localdate(practice.updated_at).isoformat(),
        "step": [
            {"@type": "HowToStep", "position": n, "text": text}
            for n, text in enumerate(practice.step_list, start=1)
        ],
        "author": [project_organization(project) for project in projects],
        "publisher": site_publisher(),
        "about": [theme.name for theme in practice.themes.all()],
        "audience": {"@type": "Audience", "audienceType": str(practice.get_target_group_display())},
    }
    images = [absolute(project.logo.url) for project in projects if project.logo]
    if images:
        data["image"] = images
    if practice.licence_url:
        data["license"] = practice.licence_url
    if practice.resources:
        data["supply"] = [{"@type": "HowToSupply", "name": strip_tags(practice.resources)[:300]}]
    return dumps(data)
