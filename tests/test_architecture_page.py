"""docs/architecture.md stays true: it names every floor of the package, and every file or
folder it points a newcomer to is there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
PACKAGE = ROOT / "actionplan"


def _named_paths(text: str) -> set[str]:
    """Every `code` span that looks like a path inside the project."""
    spans = re.findall(r"`([^`\s]+)`", text)
    return {s for s in spans if "/" in s and not s.startswith("../")}


def test_every_floor_of_the_package_is_in_the_table() -> None:
    """Each sub-package of actionplan/ has its row, and no row names a floor that is gone."""
    rows = set(re.findall(r"^\| `(\w+)/` \|", PAGE.read_text(encoding="utf-8"), re.MULTILINE))
    floors = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert rows == floors


def _found(path: str) -> bool:
    """``store/tables.py``, ``gui/pages/`` or ``services/progress.record_progress`` (a
    module and a name in it), under actionplan/ or the project root."""
    module = path.split(".", 1)[0] + ".py"
    candidates = {path, module}
    return any((base / c).exists() for base in (PACKAGE, ROOT) for c in candidates)


def test_every_path_the_page_names_exists() -> None:
    """Every module or folder named on the page is there."""
    named = _named_paths(PAGE.read_text(encoding="utf-8"))
    assert named and [path for path in sorted(named) if not _found(path)] == []
