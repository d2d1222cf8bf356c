"""No module of excel/ imports, however indirectly, a module that imports it back.

Every import counts, those read only by the type checker too: a circle there still means
two modules that cannot be understood one without the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

EXCEL = Path(__file__).resolve().parents[2] / "actionplan" / "excel"
PACKAGE = "actionplan.excel"


def module_name(path: Path) -> str:
    """The dotted name of a module file under excel/."""
    parts = [PACKAGE, *path.relative_to(EXCEL).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Each excel/ module and the other excel/ modules it imports."""
    files = {module_name(path): path for path in EXCEL.rglob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            else:
                continue
            edges[name] |= {t for t in targets if t in files and t not in (name, PACKAGE)}
    return edges


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach each other through their imports."""
    reach = {name: _reachable(edges, name) for name in edges}
    groups = {frozenset(m for m in reach[n] if n in reach[m]) | {n} for n in edges}
    return sorted(sorted(group) for group in groups if len(group) > 1)


def _reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(edges[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges[name])
    return seen


def test_excel_has_no_import_circles() -> None:
    edges = imports()
    assert len(edges) > 40, "the walk found excel/'s modules"
    assert circles(edges) == []


def test_a_circle_would_be_found() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(edges) == [["a", "b", "c"]]
