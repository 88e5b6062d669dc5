"""The access log of personal data: every view or export of registrations or raw responses.

    from core.access_log import log_access

    def registration_list(request, slug):
        event = ...
        log_access(request, "events.registrations.view", event)
        ...
    def responses_export(request, pk):
        log_access(request, "surveys.responses.export", survey)

`what` is a short dotted verb ("APP.DATA.view" / ".export" / ".erase"); `obj` the
object whose data was shown (the event, the survey), or None; `subject` the email
address of the one person whose data it was (personal-data export and erase), stored
as a keyed fingerprint; `path` the page, or the command line that ran it. Network
coordinators read the log in the admin (read only) and find a person's rows by
searching for their address.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.crypto import salted_hmac

from .models import AccessLog

SUBJECT_SALT = "valita.access_log.subject"


def subject_fingerprint(email: str) -> str:
    """The same address always gives the same value; the value does not give the address
    back without the SECRET_KEY (so an erased person is not named by the log)."""
    address = (email or "").strip().lower()
    return salted_hmac(SUBJECT_SALT, address, algorithm="sha256").hexdigest()[:32]


def log_access(
    request_or_user, what: str, obj=None, *, subject: str = "", path: str = ""
) -> AccessLog:
    user = getattr(request_or_user, "user", request_or_user)
    if not path and hasattr(request_or_user, "user"):
        path = getattr(request_or_user, "path", "")
    entry = AccessLog(
        who=user if getattr(user, "is_authenticated", False) else None,
        what=what[:100],
        path=path[:500],
        subject=subject_fingerprint(subject) if subject else "",
    )
    if obj is not None:
        entry.object_type = ContentType.objects.get_for_model(obj)
        entry.object_id = str(obj.pk)[:64]
        entry.object_repr = str(obj)[:200]
    entry.save()
    return entry
