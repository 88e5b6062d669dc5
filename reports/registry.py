"""Panels other apps add to the network metrics page (events, blog posts and practices
are built in, reports/metrics.py). A new app registers a provider in its
AppConfig.ready():

    from reports.registry import register_metrics_panel

    register_metrics_panel(my_panel)

A provider takes the user's Scope and returns None (nothing to show) or a
reports.tables.Table, or a list of them, built from a fixed number of aggregate
queries. Each table is shown on /raportit/mittarit/ with its own CSV/XLSX export.
"""

from collections.abc import Callable

_panels: list[Callable] = []


def register_metrics_panel(provider: Callable) -> Callable:
    if provider not in _panels:
        _panels.append(provider)
    return provider


def metrics_panels(scope) -> list:
    tables = []
    for provider in _panels:
        result = provider(scope)
        if result is None:
            continue
        tables.extend(result if isinstance(result, list) else [result])
    return tables
