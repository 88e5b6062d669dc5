"""Every workspace URL is in some app's role × action matrix."""

import importlib

from django.urls import get_resolver

# Each module lists the URL names its matrix covers in `COVERED` ("namespace:name").
MATRIX_MODULES = (
    "workspace.tests.test_home",
    "workspace.tests.test_translations",
    "practices.tests.test_workspace_matrix",
    "projects.tests.test_workspace_matrix",
    "events.tests.test_workspace_matrix",
    "surveys.tests.test_workspace_matrix",
    "surveys.tests.test_workspace_collect_matrix",
    "blog.tests.test_workspace_matrix",
)


def workspace_url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace and (namespace == "workspace" or namespace.endswith("_workspace")):
                names.add(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_workspace_view_is_in_the_matrix():
    covered = set()
    for module in MATRIX_MODULES:
        covered |= set(importlib.import_module(module).COVERED)
    missing = workspace_url_names() - covered
    assert not missing, f"workspace views missing from the role × action matrix: {sorted(missing)}"
