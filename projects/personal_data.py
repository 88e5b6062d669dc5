"""Contact persons shown on project pages."""

from core.content_cache import retire_at_commit
from core.personal_data import admin_log_erase, register
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
        contacts = ContactPerson.objects.filter(email__iexact=email)
        admin_log_erase({email, *contacts.values_list("name", flat=True)}, "–")
        erased = contacts.update(name="–", title="", email="", phone="")
        if erased:
            retire_at_commit(("projects",))  # .update() sends no signal; project pages show them
        return erased
