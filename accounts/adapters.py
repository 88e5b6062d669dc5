from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: staff invite the people who need an account."""

    def is_open_for_signup(self, request):
        return False
