"""Template tags of the account pages."""

from allauth.account.adapter import get_adapter
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def signup_is_open(context) -> bool:
    """Whether the adapter lets anyone sign up: pages offer sign-up only then."""
    request = context.get("request")
    return get_adapter(request).is_open_for_signup(request)
