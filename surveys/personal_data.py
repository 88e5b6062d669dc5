"""Survey invitations hold an email address; a named survey's response links to one."""

from core.content_cache import retire_at_commit
from core.personal_data import register

from .models import Answer, Invitation, Response, SavedDraft, responses_scope


def _answer_value(answer: Answer):
    if answer.dont_know:
        return "dont_know"
    if answer.choice_id:
        return answer.choice.text
    if answer.project_id:
        return answer.project.name
    if answer.value is not None:
        return answer.value
    if answer.number is not None:
        return str(answer.number)
    return answer.text


def _answers(invitation: Invitation) -> list[dict]:
    """The answers of a named survey's response (an anonymous one is never linked)."""
    if invitation.collector.survey.anonymous:
        return []
    answers = Answer.objects.filter(response__invitation=invitation).select_related(
        "question", "statement", "choice", "project"
    )
    return [
        {
            "question": answer.question.text,
            "statement": answer.statement.text if answer.statement_id else "",
            "answer": _answer_value(answer),
        }
        for answer in answers.order_by("question__order", "statement__order", "pk")
    ]


@register("surveys.invitations")
class Invitations:
    def _of(self, email):
        return Invitation.objects.filter(email__iexact=email).select_related("collector__survey")

    def export(self, email, user):
        return [
            {
                "survey": invitation.collector.survey.title,
                "name": invitation.name,
                "language": invitation.language,
                "sent_at": invitation.sent_at,
                "answered_at": invitation.used_at,
                "response_linked": not invitation.collector.survey.anonymous
                and invitation.used_at is not None,
                "answers": _answers(invitation),
            }
            for invitation in self._of(email)
        ]

    def erase(self, email, user):
        """Blank the address (the invitation keeps only whether it was used) and unlink answers.

        A blank address is what ends the invitation: its link answers 404 and no
        invitation or reminder is sent to it (`InvitationQuerySet.reachable`); its saved
        drafts (the answers begun under it) go too.
        """
        invitations = self._of(email)
        linked = Response.objects.filter(invitation__in=invitations)
        # .update() sends no signal: the surveys' cached figures are retired here (no figure
        # changes, but every change of responses retires them, whatever it touches).
        if surveys := set(linked.values_list("survey_id", flat=True)):
            retire_at_commit(map(responses_scope, surveys))  # none given would retire all
        linked.update(invitation=None)
        SavedDraft.objects.filter(invitation__in=invitations).delete()
        return invitations.update(email="", name="")
