"""Takes the README's screenshots of the window on the sample plans (run under Xvfb).

Besides the README's three, it shows the window at two small laptop sizes
(window-1280x720.png, window-1024x700.png) so a change that crowds them is seen.

xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never the user's own settings

from PySide6.QtCore import QTimer  # noqa: E402

from actionplan.gui.app import prepare_application  # noqa: E402
from actionplan.gui.main_window import MainWindow  # noqa: E402
from actionplan.services.sample_plans import load_sample_plans  # noqa: E402
from actionplan.services.workspace import open_database  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SMALL_SCREENS = [(1280, 720), (1024, 700)]  # 1920x1080 at 150 %, and an older laptop
AS_OF = date(2025, 12, 15)  # the sample plans' own year, so overdue means what it would then


def main() -> None:
    """Load the samples into a fresh database and save three screenshots."""
    app = prepare_application()
    db = open_database(Path(tempfile.mkdtemp()) / "samples.db")
    load_sample_plans(db)
    window = MainWindow(db, "Tracker")
    window.workspace.as_of = AS_OF
    window.resize(1500, 900)
    window.start()
    steps = [
        lambda: _select(window, 3),
        lambda: window.grab().save(str(OUT / "main-window.png")),
        lambda: window.plan_view.tabs.setCurrentIndex(1),
        lambda: window.grab().save(str(OUT / "dashboard.png")),
        lambda: window.files.open_wizard(
            ROOT / "sample_plans" / "northbridge_priorities_2025.xlsx"
        ),
        lambda: None,
        lambda: window.files.wizard.grab().save(str(OUT / "import-wizard.png")),  # type: ignore[union-attr]
        lambda: window.files.wizard.close(),  # type: ignore[union-attr]
        *_small_screens(window),
        app.quit,
    ]
    for number, step in enumerate(steps):
        QTimer.singleShot(1500 + number * 1200, step)
    app.exec()


def _small_screens(window: MainWindow) -> list[Callable[[], object]]:
    """Steps that show the Actions tab at each small laptop size, then save it."""
    steps: list[Callable[[], object]] = []
    for width, height in SMALL_SCREENS:
        steps.append(lambda w=width, h=height: _resize_on_actions(window, w, h))
        steps.append(lambda w=width, h=height: _save(window, f"window-{w}x{h}.png"))
    return steps


def _resize_on_actions(window: MainWindow, width: int, height: int) -> None:
    window.plan_view.tabs.setCurrentIndex(0)
    window.resize(width, height)


def _save(window: MainWindow, name: str) -> None:
    image = window.grab()
    image.save(str(OUT / name))


def _select(window: MainWindow, row: int) -> None:
    window.plan_view.select_action(window.plan_view.table_model.row_at(row).id)


if __name__ == "__main__":
    main()
