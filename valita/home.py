"""What the home page shows besides the network.

Apps register a provider in their AppConfig.ready(); a provider returns extra
template context built from a fixed number of queries, and the app adds its
include to templates/includes/home_sections.html.
"""

from collections.abc import Callable

_home_providers: list[Callable] = []


def register_home_section(provider: Callable) -> Callable:
    _home_providers.append(provider)
    return provider


def home_sections() -> dict:
    context: dict = {}
    for provider in _home_providers:
        context.update(provider())
    return context
