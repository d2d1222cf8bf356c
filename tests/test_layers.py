"""The layers of DESIGN.md hold: everything but the window imports without Qt,
and SQL lives in store/ alone (checked by reading each module's imports)."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import actionplan

_BLOCK_QT = """
import importlib, sys
class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this check")
sys.meta_path.insert(0, BlockQt())
for name in {names!r}:
    importlib.import_module(name)
print("ok")
"""


def _modules_outside_gui() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(actionplan.__path__, "actionplan."):
        if ".gui" in info.name or ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        names.append(info.name)
    return names


def test_everything_but_the_window_imports_without_qt() -> None:
    """domain, store, services, excel, reports and the command line never need PySide6."""
    names = _modules_outside_gui()
    assert "actionplan.services.summary" in names
    script = _BLOCK_QT.format(names=names)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


_ROOT = Path(actionplan.__file__).parent
# The modules through which SQL reaches a database; only store/ may import them.
SQL_MODULES = ("sqlalchemy", "sqlmodel", "alembic", "sqlite3", "psycopg")
# What the window and the command line never import: they go through services/.
FACES_NEVER = ("actionplan.store", *SQL_MODULES)


def _imported_names(path: Path) -> Iterator[str]:
    """Every module a file imports, anywhere in it, relative imports made absolute."""
    package = path.relative_to(_ROOT.parent).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            yield module
            if not node.module:
                yield from (f"{module}.{alias.name}" for alias in node.names)


def _forbidden_imports(layer: str, never: tuple[str, ...]) -> list[str]:
    """'module imports name' for each import of the layer that the design forbids."""
    found = []
    for path in sorted((_ROOT / layer).rglob("*.py")):
        for name in _imported_names(path):
            if any(name == banned or name.startswith(f"{banned}.") for banned in never):
                module = ".".join(path.relative_to(_ROOT.parent).with_suffix("").parts)
                found.append(f"{module} imports {name}")
    return found


def test_the_import_check_sees_imports() -> None:
    """The check finds what is there: the store does use SQLAlchemy and its own engine."""
    assert any("imports sqlalchemy" in found for found in _forbidden_imports("store", SQL_MODULES))
    assert _forbidden_imports("store", ("actionplan.store.engine",))


def test_domain_imports_no_database_library() -> None:
    """domain/ is plain values and pure rules: no SQLAlchemy, sqlmodel, Alembic or driver."""
    found = _forbidden_imports("domain", SQL_MODULES)
    assert not found, "\n".join(found)


def test_the_window_never_reaches_the_store() -> None:
    """gui/ talks only to services/: never store/, never a database library."""
    found = _forbidden_imports("gui", FACES_NEVER)
    assert not found, "\n".join(found)


def test_services_import_no_database_library() -> None:
    """services/ hold use cases only: they call the store and never build a query."""
    found = _forbidden_imports("services", SQL_MODULES)
    assert not found, "\n".join(found)


def test_the_command_line_never_reaches_the_store() -> None:
    """cli/ goes through services/ as the window does: never store/, never SQL."""
    found = _forbidden_imports("cli", FACES_NEVER)
    assert not found, "\n".join(found)
