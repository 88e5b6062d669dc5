"""Event registrations of one person: exported in full, erased by blanking the person's
fields (the rows stay, so the events' participant figures do not change); the blank
address ends their links and emails, and a place they waited for passes on."""

from core.personal_data import register

from .models import Registration
from .services import registrations_erase


@register("events.registrations")
class Registrations:
    def export(self, email, user):
        rows = Registration.objects.filter(email__iexact=email).select_related("event")
        return [
            {
                "event": r.event.title_fi,
                "starts_at": r.event.starts_at,
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation,
                "needs": r.needs,
                "mode": r.mode,
                "status": r.status,
                "attended": r.attended,
                "language": r.language,
                "registered_at": r.created_at,
                "cancelled_at": r.cancelled_at,
            }
            for r in rows.order_by("created_at", "pk")
        ]

    def erase(self, email, user):
        return registrations_erase(email=email)
