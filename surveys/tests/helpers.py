import re

from django.urls import reverse

from surveys.models import Question
from surveys.workspace_forms import QuestionForm, part_formsets

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


def form_data(question: Question, language="fi", **changes) -> dict:
    """What the question's edit form posts as it stands, with `changes`."""
    data = {}
    forms = [QuestionForm(instance=question), *part_formsets(question)]
    for form in forms:
        rows = [form.management_form, *form.forms] if hasattr(form, "forms") else [form]
        for row in rows:
            for field in row:
                value = field.value()
                if value is None or value is False:
                    continue
                data[field.html_name] = "on" if value is True else value
    if language is not None:
        data["preview_language"] = language
    data.update(changes)
    return data
