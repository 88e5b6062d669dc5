"""The access log of personal data: every view or export of registrations or raw responses.

    from valita.access_log import log_access

    def registration_list(request, slug):
        event = ...
        log_access(request, "events.registrations.view", event)
        ...
    def responses_export(request, pk):
        log_access(request, "surveys.responses.export", survey)

`what` is a short dotted verb ("APP.DATA.view" / ".export" / ".erase"); `obj` the
object whose data was shown (the event, the survey), or None. Network
coordinators read the log in the admin (read only).
"""

from django.contrib.contenttypes.models import ContentType

from .models import AccessLog


def log_access(request_or_user, what: str, obj=None) -> AccessLog:
    user = getattr(request_or_user, "user", request_or_user)
    path = getattr(request_or_user, "path", "") if hasattr(request_or_user, "user") else ""
    entry = AccessLog(
        who=user if getattr(user, "is_authenticated", False) else None,
        what=what[:100],
        path=path[:500],
    )
    if obj is not None:
        entry.object_type = ContentType.objects.get_for_model(obj)
        entry.object_id = str(obj.pk)[:64]
        entry.object_repr = str(obj)[:200]
    entry.save()
    return entry
