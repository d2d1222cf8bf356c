"""The window's modules import one way: menus, pages and dialogs take the workspace, and
only the app itself imports the main window."""

from __future__ import annotations

from tests.import_graph import PACKAGE_ROOT, imports, reachable


def _imports() -> dict[str, set[str]]:
    """Each gui module and the gui modules it imports (anywhere in it, for types too)."""
    return imports(PACKAGE_ROOT / "actionplan" / "gui")


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
    assert [name for name in graph if name in reachable(graph, name)] == []
