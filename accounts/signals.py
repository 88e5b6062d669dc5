"""A fresh sign-in with a password counts as recent authentication.

allauth asks for the password again before account-sensitive steps (setting up
two-factor, changing the address) unless the session re-authenticated within
ACCOUNT_REAUTHENTICATION_TIMEOUT, and it counts only explicit re-authentications.
Someone sent to set up an authenticator app straight after signing in would be
asked for the password they typed a moment ago; the sign-in is marked as the
re-authentication it is, so the usual time limit starts from it.
"""

from allauth.account.authentication import (
    AUTHENTICATION_METHODS_SESSION_KEY,
    get_authentication_records,
)
from allauth.account.signals import authentication_step_completed
from django.dispatch import receiver


@receiver(authentication_step_completed)
def password_sign_in_counts_as_recent(sender, request, method, user, **kwargs):
    if method != "password" or kwargs.get("reauthenticated"):
        return
    records = [dict(record) for record in get_authentication_records(request, user)]
    if records and records[-1].get("method") == "password":
        records[-1]["reauthenticated"] = True
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records
