import re

from django.urls import reverse

DRAFT = re.compile(r'name="draft" value="([^"]+)"')


def draft_of(response) -> str:
    match = DRAFT.search(response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1)


def post_page(client, url, response, data, action="next"):
    """Submit the page shown in `response` with `data`, as the browser would."""
    return client.post(url, {"draft": draft_of(response), "action": action, **data})


def workspace_url(name: str, **kwargs) -> str:
    """A survey workspace URL by its name in the surveys_workspace namespace."""
    return reverse(f"surveys_workspace:{name}", kwargs=kwargs)
