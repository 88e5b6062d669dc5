"""Contact persons shown on project pages."""

from projects.models import ContactPerson
from valita.personal_data import register


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
