"""schema.org HowTo for a practice, escaped for a <script type="application/ld+json"> block."""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def practice_jsonld(practice) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": practice.title,
        "description": practice.summary,
        "url": settings.SITE_URL + practice.get_absolute_url(),
        "inLanguage": ["fi", "sv"],
        "dateModified": practice.updated_at.date().isoformat(),
        "step": [
            {"@type": "HowToStep", "position": n, "text": text}
            for n, text in enumerate(practice.step_list, start=1)
        ],
        "creator": [
            {"@type": "Organization", "name": project.name} for project in practice.projects.all()
        ],
        "about": [theme.name for theme in practice.themes.all()],
        "audience": {"@type": "Audience", "audienceType": str(practice.get_target_group_display())},
    }
    if practice.licence_url:
        data["license"] = practice.licence_url
    if practice.resources:
        data["supply"] = [{"@type": "HowToSupply", "name": strip_tags(practice.resources)[:300]}]
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(ESCAPES))  # noqa: S308
