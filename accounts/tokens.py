from allauth.account.forms import EmailAwarePasswordResetTokenGenerator


class PasswordResetTokenGenerator(EmailAwarePasswordResetTokenGenerator):
    """allauth's reset keys, which also end when the account is closed, for good.

    Django's key is a hash of the password, the last sign-in and the addresses: closing
    an account changes none of them, so a key mailed before would work again after a
    reactivation. `deactivated_at` (stamped at each closing, never cleared) is hashed in
    too, as in invitation links (accounts.services._account_state). An account never
    closed hashes as before, so no key in flight is ended by this.
    """

    def _make_hash_value(self, user, timestamp) -> str:
        value = super()._make_hash_value(user, timestamp)
        if user.deactivated_at is not None:
            value += f"|closed:{user.deactivated_at.isoformat()}"
        return value
