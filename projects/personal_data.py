"""Contact persons shown on project pages."""

from core.personal_data import register
from projects.models import ContactPerson


@register("projects.contacts")
class Contacts:
    def export(self, email, user):
        return list(
            ContactPerson.objects.filter(email__iexact=email).values(
                "project__name", "name", "title", "email", "phone"
            )
        )

    def erase(self, email, user):
        return ContactPerson.objects.filter(email__iexact=email).update(
            name="–", title="", email="", phone=""
        )
