"""schema.org structured data (JSON-LD) shared by every page kind: the escaping of a
<script type="application/ld+json"> block, absolute addresses, and the site itself as
an Organization with its funder. Each app builds its own objects (events/jsonld.py, ...)."""

import json

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# The same escapes as Django's json_script: no "</script>" can end the block early.
ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

SITE_NAME = "Välitä! – Visa omtanke!"
FUNDER_URLS = {"fi": "https://www.oph.fi/fi", "sv": "https://www.oph.fi/sv"}


def dumps(data: dict) -> str:
    """data as the text of a <script type="application/ld+json"> block."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(ESCAPES))  # noqa: S308


def absolute(url: str) -> str:
    """An address of this site made absolute (one already absolute is kept: object storage)."""
    if url.startswith(("https://", "http://")):
        return url
    return settings.SITE_URL + url


def funder() -> dict:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "@type": "GovernmentOrganization",
        "name": _("Opetushallitus"),
        "alternateName": "OPH",
        "url": FUNDER_URLS.get(language, FUNDER_URLS["fi"]),
    }


def site_publisher() -> dict:
    """The network as the publisher of posts and practices (a reference to the home's
    Organization by its @id, with the name and address a reader needs on its own)."""
    url = absolute(reverse("home"))
    return {"@type": "Organization", "@id": f"{url}#organization", "name": SITE_NAME, "url": url}


def site_organization() -> dict:
    """The home page's Organization: the network, its logo and its funder."""
    return {
        "@context": "https://schema.org",
        **site_publisher(),
        "logo": absolute(static("img/og-default.png")),
        "description": _(
            "Välitä! – Visa omtanke! kokoaa yhdeksän sosiaalisesti kestävää ammatillista "
            "koulutusta kehittävää hanketta yhteen."
        ),
        "funder": funder(),
    }


def project_organization(project) -> dict:
    data = {
        "@type": "Organization",
        "name": project.name,
        "url": absolute(project.get_absolute_url()),
    }
    if project.logo:
        data["logo"] = absolute(project.logo.url)
    return data
