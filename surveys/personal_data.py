"""Survey invitations hold an email address; a named survey's response links to one."""

from valita.personal_data import register

from .models import Invitation, Response


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
            }
            for invitation in self._of(email)
        ]

    def erase(self, email, user):
        """Blank the address (the invitation keeps only whether it was used) and unlink answers."""
        invitations = list(self._of(email))
        Response.objects.filter(invitation__in=invitations).update(invitation=None)
        for invitation in invitations:
            invitation.email = f"poistettu-{invitation.pk}@invalid.invalid"
            invitation.name = ""
            invitation.save(update_fields=["email", "name"])
        return len(invitations)
