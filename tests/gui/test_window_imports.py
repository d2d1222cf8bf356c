"""The window's modules import one way: menus, pages and dialogs take the workspace, and
only the app itself imports the main window."""

from __future__ import annotations

import ast
from pathlib import Path

import actionplan.gui

GUI = Path(actionplan.gui.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Each gui module and the gui modules it imports (anywhere in it, for types too)."""
    names = {
        ".".join(("actionplan", *p.relative_to(GUI.parent).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): p
        for p in GUI.rglob("*.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {other for other in found if other in names and other != name}
    return graph


def _reaches(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    return seen


def test_only_the_app_imports_the_main_window() -> None:
    """Helpers take the workspace (and a widget for their dialogs), never the window."""
    graph = _imports()
    importers = {
        name for name, imported in graph.items() if "actionplan.gui.main_window" in imported
    }
    assert importers == {"actionplan.gui.app"}


def test_no_gui_module_imports_itself_round_a_circle() -> None:
    """No module of the window reaches itself through its imports."""
    graph = _imports()
    assert [name for name in graph if name in _reaches(graph, name)] == []
