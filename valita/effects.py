"""Idempotency keys for tasks that may run twice (redelivery, a doubled beat).

    with transaction.atomic():
        if effects.claim(f"event-reminder:{registration.pk}"):
            send_reminder(registration)

`claim` records the key in the caller's transaction: the key commits together
with the effect, or neither does (a killed worker leaves no claim behind, so
the redelivered task does the work). A second run waits for the first to
commit and then gets False. Tasks sent through valita.outbox get this for the
message as a whole already.
"""

from django.db import IntegrityError, transaction

from .models import TaskEffect


def claim(key: str) -> bool:
    """True the first time `key` is claimed; must be called inside transaction.atomic()."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("effects.claim() must run inside transaction.atomic().")
    try:
        with transaction.atomic():
            TaskEffect.objects.create(key=key)
    except IntegrityError:
        return False
    return True
