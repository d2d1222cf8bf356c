"""The layers of DESIGN.md hold: everything but the window imports without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

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
