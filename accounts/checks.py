"""Settings the account mails depend on, checked when the site starts (`manage.py check`).

The confirmation mail is written by a worker (accounts.emails.send_email_confirmation),
which rebuilds allauth's confirmation from ids: an HMAC key or the stored confirmation.
A verification code lives only in the visitor's session, so the worker could not mail it,
and queueing the code would write a secret into an outbox row.
"""

from allauth.account import app_settings
from django.core import checks

CODE_MESSAGE = (
    "ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED is not supported: the confirmation mail "
    "is sent by the outbox worker, which cannot read a code kept in the visitor's session."
)


@checks.register()
def check_email_verification_by_link(app_configs, **kwargs):
    if not app_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED:
        return []
    return [checks.Error(CODE_MESSAGE, id="accounts.E001")]
