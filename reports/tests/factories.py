"""Known answers for the results tests: every figure is computed again by hand in the test."""

import uuid

from django.utils import timezone

from surveys.models import Answer, Response


def respond(
    s,
    values=None,
    *,
    project=None,
    choice=None,
    texts=None,
    survey=None,
    when=None,
    collector=None,
    is_test=False,
):
    """One completed response to a survey from surveys.tests.factories.build_survey.

    values: {"s1": 4, "s2": "dk"}; choice: "yes"/"no" for the single choice question;
    texts: {"long": "..."}.
    """
    response = Response.objects.create(
        survey=survey or s["survey"],
        project=project,
        collector=collector,
        submission_key=uuid.uuid4(),
        is_test=is_test,
        completed_at=when or timezone.now(),
    )
    answers = []
    for statement, value in (values or {}).items():
        st = s[statement]
        answers.append(
            Answer(
                response=response,
                question=st.question,
                statement=st,
                value=None if value == "dk" else value,
                dont_know=value == "dk",
            )
        )
    if choice:
        answers.append(Answer(response=response, question=s["single"], choice=s[choice]))
    for key, text in (texts or {}).items():
        answers.append(Answer(response=response, question=s[key], text=text))
    Answer.objects.bulk_create(answers)
    return response
