"""The imports between a package's modules, read from their source (every import counts,
those read only by the type checker too), and the circles among them."""

from __future__ import annotations

import ast
from pathlib import Path

import actionplan

PACKAGE_ROOT = Path(actionplan.__file__).resolve().parent.parent


def module_name(path: Path) -> str:
    """The dotted name of a module file of the project ("actionplan.gui.app")."""
    parts = path.resolve().relative_to(PACKAGE_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _targets(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.module:
        return [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
    return []


def imports(folder: Path) -> dict[str, set[str]]:
    """Each module under ``folder`` and the modules under it that it imports."""
    files = {module_name(path): path for path in folder.rglob("*.py")}
    package = module_name(folder / "__init__.py")
    edges: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found = _targets(node)
            edges[name] |= {t for t in found if t in files and t not in (name, package)}
    return edges


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    """Every module ``start`` imports, directly or through others."""
    seen: set[str] = set()
    todo = list(edges[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges[name])
    return seen


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach each other through their imports."""
    reach = {name: reachable(edges, name) for name in edges}
    groups = {frozenset(m for m in reach[n] if n in reach[m]) | {n} for n in edges}
    return sorted(sorted(group) for group in groups if len(group) > 1)
