import re

from django.urls import reverse
from django.utils import translation

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


def url_of(survey, language="fi", name="surveys:survey_answer", **kwargs) -> str:
    """A survey's public address (answer, embed, thanks...) in `language`."""
    with translation.override(language):
        return reverse(name, kwargs={"slug": getattr(survey, f"slug_{language}"), **kwargs})


def page1(s, *, yes=True, s1=5, project=None) -> dict:
    """The first page of build_survey() answered: the Likert group and the single choice
    ("Kyllä" shows page 2)."""
    data = {
        f"q{s['likert'].pk}_{s['s1'].pk}": str(s1),
        f"q{s['likert'].pk}_{s['s2'].pk}": "dk",
        f"q{s['single'].pk}": str((s["yes"] if yes else s["no"]).pk),
    }
    if project:
        data[f"q{s['project'].pk}"] = str(project.pk)
    return data
