from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from core.client_address import client_address

from .services import email_confirmation_request


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: staff invite the people who need an account."""

    def is_open_for_signup(self, request):
        return False

    def get_client_ip(self, request):
        """The client behind the trusted proxies (core/client_address.py): sign-in and
        password-reset limits count each visitor, not the proxy everyone comes through."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine the client's address")
        return address

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        """Queue the confirmation mail in the outbox instead of sending it in the request.

        allauth calls this wherever it would mail a confirmation link (a sign-in with an
        unverified address under ACCOUNT_EMAIL_VERIFICATION = "mandatory", an address
        added or sent again): a mail server that is down or slow then costs the sign-in
        nothing. The worker writes the mail (accounts.emails.send_email_confirmation) and
        hands it back to `deliver_confirmation_mail`. Confirmation by code is not
        supported (its code lives in the visitor's session): accounts.checks refuses it.
        """
        email_confirmation_request(confirmation=emailconfirmation, signup=signup)

    def deliver_confirmation_mail(self, request, emailconfirmation, signup):
        """allauth's own confirmation mail (its templates, link and subject), sent now:
        called by the worker with a request for SITE_URL, in the user's language."""
        super().send_confirmation_mail(request, emailconfirmation, signup)
