"""No module of excel/ imports, however indirectly, a module that imports it back.

Every import counts, those read only by the type checker too: a circle there still means
two modules that cannot be understood one without the other.
"""

from __future__ import annotations

from tests.import_graph import PACKAGE_ROOT, circles, imports


def test_excel_has_no_import_circles() -> None:
    edges = imports(PACKAGE_ROOT / "actionplan" / "excel")
    assert len(edges) > 40, "the walk found excel/'s modules"
    assert circles(edges) == []


def test_no_floor_of_the_app_has_an_import_circle() -> None:
    """Across the whole package, no module reaches itself through its imports."""
    edges = imports(PACKAGE_ROOT / "actionplan")
    assert len(edges) > 200
    assert circles(edges) == []


def test_a_circle_would_be_found() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(edges) == [["a", "b", "c"]]
