from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied

from core.client_address import client_address


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
