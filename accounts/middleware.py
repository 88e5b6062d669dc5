from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from core.roles import requires_mfa


class RequireMFAMiddleware:
    """Sends network coordinators and superusers to set up an authenticator app.

    Until they have one, every page but the account pages and static files
    redirects there. VALITA_REQUIRE_MFA switches this on (default in production).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.VALITA_REQUIRE_MFA
            and requires_mfa(request.user)
            and not self._exempt(request.path)
            and not self._has_authenticator(request.user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _has_authenticator(user) -> bool:
        from allauth.mfa.models import Authenticator

        return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    @staticmethod
    def _exempt(path: str) -> bool:
        # The account pages (sign-out, re-authentication, the MFA set-up itself) stay open.
        account_prefixes = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                account_prefixes.append(reverse("account_login").removesuffix("login/"))
        return path.startswith((*account_prefixes, settings.STATIC_URL, "/healthz"))
