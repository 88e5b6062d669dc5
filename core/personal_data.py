"""What the portal holds about one person: export it, or erase it (the privacy notice's promise).

Each app that stores personal data adds a module `APP/personal_data.py` (found by
autodiscovery, like admin.py) that registers one section per kind of data:

    from core.personal_data import register

    @register("events.registrations")
    class Registrations:
        def export(self, email, user):   # user: the account with that address, or None
            return [{"event": r.event.name, "name": r.name, ...} for r in ...]

        def erase(self, email, user):    # anonymise in place, keep the rows (counts)
            return Registration.objects.filter(email__iexact=email).update(
                name="", email="", phone="", anonymised=True)

`export` returns JSON-serialisable data, `erase` the number of rows it changed.
`erase_person` runs every eraser in ONE transaction: all or nothing. Erasers keep
rows that figures count (registrations, responses) and blank the fields that
identify the person, so no published figure changes.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .content_cache import SCOPES, retire_at_commit


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable
    erase: Callable


_sections: dict[str, Section] = {}


def register(name: str):
    """Class decorator: an object with export(email, user) and erase(email, user)."""

    def decorator(cls):
        instance = cls()
        _sections[name] = Section(name, instance.export, instance.erase)
        return cls

    return decorator


def sections() -> list[Section]:
    return [_sections[name] for name in sorted(_sections)]


def normalise(email: str) -> str:
    return (email or "").strip().lower()


def find_user(email: str):
    return get_user_model().objects.filter(email__iexact=normalise(email)).first()


def export_person(email: str) -> dict:
    email = normalise(email)
    user = find_user(email)
    return {
        "email": email,
        "generated_at": timezone.now(),
        "has_account": user is not None,
        "sections": {s.name: s.export(email, user) for s in sections()},
    }


def export_json(email: str) -> str:
    import json

    return json.dumps(export_person(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Anonymise everything about the address in one transaction; rows changed per section."""
    email = normalise(email)
    if not email:
        raise ValueError("An email address is required.")
    user = find_user(email)
    # The account last: the other sections may still need the user to find their rows.
    ordered = sorted(sections(), key=lambda s: s.name == "accounts.account")
    changed = {s.name: s.erase(email, user) for s in ordered}
    # Erasers update in bulk (no save signals): retire cached pages that showed the person.
    retire_at_commit(SCOPES)
    return changed


def admin_log_erase(texts, replacement: str) -> int:
    """Replace `texts` (a name, an address) in the admin's history, which names objects by
    their str() and keeps inline changes in a JSON message (with non-ASCII escaped)."""
    from django.contrib.admin.models import LogEntry

    texts = [text for text in {t.strip() for t in texts} if len(text) >= 3]
    if not texts:
        return 0
    condition = Q()
    for text in texts:
        escaped = json.dumps(text)[1:-1]  # "Meikäläinen" as stored in a change message
        condition |= Q(object_repr__icontains=text) | Q(change_message__icontains=escaped)
        condition |= Q(change_message__icontains=text)
    changed = 0
    pattern = re.compile("|".join(re.escape(text) for text in texts), re.IGNORECASE)
    for entry in LogEntry.objects.filter(condition):
        entry.object_repr = pattern.sub(replacement, entry.object_repr)
        if entry.change_message:
            try:
                message = json.loads(entry.change_message)
            except ValueError:
                entry.change_message = pattern.sub(replacement, entry.change_message)
            else:
                entry.change_message = json.dumps(_replaced(message, pattern, replacement))
        entry.save(update_fields=["object_repr", "change_message"])
        changed += 1
    return changed


def _replaced(value, pattern, replacement):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, list):
        return [_replaced(item, pattern, replacement) for item in value]
    if isinstance(value, dict):
        return {key: _replaced(item, pattern, replacement) for key, item in value.items()}
    return value
