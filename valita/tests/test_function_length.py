"""No function of the portal's own code runs over 60 lines without saying why.

A long function is usually several steps that want names (a view that also decides,
a builder that also fetches). Where one long block reads better than its pieces, its
docstring says so on a line starting "Long because" followed by the reason; the scan
reads the reason from the docstring itself, so there is no separate allowlist to drift.
Migrations, tests, the benchmarks and the demo content are left out.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 60
SKIPPED_DIRS = {
    ".venv",
    "node_modules",
    "staticfiles",
    "media",
    ".git",
    "migrations",
    "tests",
    "bench",
}
REASON_PREFIX = "long because"
MIN_REASON_WORDS = 4  # "Long because" alone, or a word or two, is not a reason


def _sources():
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if not SKIPPED_DIRS.isdisjoint(relative.parts):
            continue
        if "demo" in relative.name or relative.name == "conftest.py":
            continue
        yield relative


def _has_reason(node) -> bool:
    for line in (ast.get_docstring(node) or "").splitlines():
        text = line.strip()
        reason = text[len(REASON_PREFIX) :].split()
        if text.lower().startswith(REASON_PREFIX) and len(reason) >= MIN_REASON_WORDS:
            return True
    return False


def long_functions(source: str, *, limit: int = LIMIT) -> list[tuple[str, int, int]]:
    """(name, first line, length) of each function over `limit` lines with no reason given.

    The length runs from the `def` line to the last line of the body (decorators apart).
    """
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            if length > limit and not _has_reason(node):
                found.append((node.name, node.lineno, length))
    return found


def _function(lines: int, docstring: str) -> str:
    body = "".join(f"    x{i} = {i}\n" for i in range(lines))
    return f'def step():\n    """{docstring}"""\n{body}'


def test_the_scan_flags_a_long_function_without_a_reason():
    assert long_functions(_function(70, "Does things.")) == [("step", 1, 72)]
    assert long_functions(_function(50, "Does things.")) == []
    nested = "class A:\n    def method(self):\n" + "".join(f"        y = {i}\n" for i in range(61))
    assert long_functions(nested) == [("method", 2, 62)]


def test_the_reason_must_be_in_the_docstring_and_say_something():
    reasoned = "Does things.\n\n    Long because the four cases share one running total."
    assert long_functions(_function(70, reasoned)) == []
    assert long_functions(_function(70, "Does things.\n\n    Long because.")) != []
    # A comment is not the docstring.
    commented = "def step():\n    # Long because the four cases share one running total.\n"
    commented += "".join(f"    x{i} = {i}\n" for i in range(70))
    assert long_functions(commented) != []


def test_no_function_runs_over_60_lines_without_a_reason_in_its_docstring():
    found = [
        f"{relative}:{line} {name} ({length} lines)"
        for relative in _sources()
        for name, line, length in long_functions((ROOT / relative).read_text())
    ]
    assert not found, (
        f"Split these into named steps, or say in the docstring on a line starting "
        f"'Long because' why one block reads better: {found}"
    )
