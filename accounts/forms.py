from allauth.account.forms import ResetPasswordForm as AllauthResetPasswordForm

from .services import password_reset_request


class ResetPasswordForm(AllauthResetPasswordForm):
    """allauth's password-reset form (ACCOUNT_FORMS), whose mail goes through the outbox.

    allauth's own `save` makes the key and sends the mail in the request, and only for an
    address with an account: the SMTP round trip (or error) would tell which addresses
    have one. Here every valid request queues one message and sends nothing; the worker
    makes the key and sends allauth's mail (accounts.emails.send_password_reset). The
    portal resets by link, not by code (ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED off).
    """

    def save(self, request, **kwargs) -> str:
        email = self.cleaned_data["email"]
        password_reset_request(email=email, users=self.users)
        return email
