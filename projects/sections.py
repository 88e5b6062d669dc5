"""What theme and project pages show from other apps (events, posts, practices).

Apps that depend on projects register a provider in their AppConfig.ready(),
so the dependency keeps pointing one way. A provider returns a dict of extra
template context built from a fixed number of queries.
"""

from collections.abc import Callable

_theme_providers: list[Callable] = []
_project_providers: list[Callable] = []


def register_theme_section(provider: Callable) -> Callable:
    _theme_providers.append(provider)
    return provider


def register_project_section(provider: Callable) -> Callable:
    _project_providers.append(provider)
    return provider


def theme_sections(theme) -> dict:
    context: dict = {}
    for provider in _theme_providers:
        context.update(provider(theme))
    return context


def project_sections(project) -> dict:
    context: dict = {}
    for provider in _project_providers:
        context.update(provider(project))
    return context
