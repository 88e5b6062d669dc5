"""Dependencies point one way, in three floors (README, "Layout"): core/ at the bottom
imports no feature app and not the site; the feature apps never import the site (valita/,
reached only through django.conf.settings); and no two modules import each other, not even
through an import inside a function.

Read from the source with `ast`, so a lazy import counts as much as one at the top. Tests
and migrations are outside the floors: tests may use any app's factories.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = "core"
# The top floor: the site (settings, URLs, home, sitemaps, demo) and the staff workspace's
# shared layout and home, which gather what every app shows.
SITE = ("valita", "workspace")
FEATURE_APPS = (
    "accounts",
    "projects",
    "practices",
    "events",
    "blog",
    "surveys",
    "reports",
    "search",
)
PACKAGES = (CORE, *FEATURE_APPS, *SITE)


def _modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the floors, tests and migrations left out."""
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def imported_names(path: Path, module: str) -> set[str]:
    """Every module name `path` imports, wherever the import stands (absolute names)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module
            names.add(origin)
            # `from core import outbox` imports the module core.outbox.
            names.update(f"{origin}.{alias.name}" for alias in node.names)
    return names


def _floor_violations(modules: dict[str, Path]) -> list[str]:
    problems = []
    for module, path in modules.items():
        top = module.split(".")[0]
        if top == CORE:
            forbidden = (*FEATURE_APPS, *SITE)
        elif top in FEATURE_APPS:
            forbidden = SITE
        else:
            continue
        for name in sorted(imported_names(path, module)):
            if name.split(".")[0] in forbidden:
                problems.append(f"{path.relative_to(ROOT)} imports {name}")
    return problems


def _graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the modules of the floors it imports (a package stands for its __init__)."""
    graph = {}
    for module, path in modules.items():
        graph[module] = {
            name for name in imported_names(path, module) if name in modules and name != module
        }
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_core_imports_no_feature_app_and_apps_do_not_import_the_site():
    problems = _floor_violations(_modules())
    assert not problems, "An import runs up a floor (README, Layout):\n" + "\n".join(problems)


def test_no_two_modules_import_each_other():
    found = cycles(_graph(_modules()))
    assert not found, "Import cycles (move the function to the right module):\n" + "\n".join(
        " <-> ".join(group) for group in found
    )


def test_the_checks_see_a_lazy_import_up_a_floor_and_a_cycle(tmp_path):
    """The two checks above would see the faults they guard against."""
    source = tmp_path / "cache.py"
    source.write_text("def f():\n    from events.models import Event\n    from . import outbox\n")
    assert {"events.models", "events.models.Event", "core", "core.outbox"} <= imported_names(
        source, "core.cache"
    )
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
