"""Contacts of practices and adoptions, and the addresses follow-up questions went to.

The section names keep their "projects." prefix from before practices were an app,
so an export reads the same as before.
"""

from core.content_cache import retire_at_commit
from core.personal_data import register
from core.versions import history_erase

from .models import CONTACT_FIELDS, Adoption, FollowUpRequest, Practice


@register("projects.practice_contacts")
class PracticeContacts:
    """Contact persons of practices, and of organisations that adopted one."""

    def export(self, email, user):
        return {
            "practices": list(
                Practice.objects.filter(contact_email__iexact=email).values(
                    "title", "contact_name", "contact_email"
                )
            ),
            "adoptions": list(
                Adoption.objects.filter(contact_email__iexact=email).values(
                    "practice__title",
                    "organisation__name",
                    "contact_name",
                    "contact_email",
                    "contact_language",
                )
            ),
        }

    def erase(self, email, user):
        erased = Practice.objects.filter(contact_email__iexact=email).update(
            contact_name="", contact_email=""
        ) + Adoption.objects.filter(contact_email__iexact=email).update(
            contact_name="", contact_email=""
        )
        history_erase(Practice, match="contact_email", value=email, fields=CONTACT_FIELDS)
        if erased:
            retire_at_commit(("practices",))  # .update() sends no signal; the pages show them
        return erased


@register("projects.followup_requests")
class FollowUpRequests:
    """Follow-up questions sent to an address; the answers are kept, the address is not."""

    def export(self, email, user):
        return list(
            FollowUpRequest.objects.filter(email__iexact=email).values(
                "round__title",
                "adoption__practice__title",
                "email",
                "sent_at",
                "answered_at",
                "answer",
                "comment",
            )
        )

    def erase(self, email, user):
        return FollowUpRequest.objects.filter(email__iexact=email).update(email="")
