"""The window side of the soak (benchmarks/soak_window.py starts it in its own process).

soak_driver.py DATABASE SECONDS SEED
"""

from __future__ import annotations

import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import Qt, QTimer, qInstallMessageHandler
from PySide6.QtTest import QTest

from actionplan.domain.rag import RAG_ORDER
from actionplan.gui import prompts
from actionplan.gui.app import prepare_application
from actionplan.gui.main_window import MainWindow

SEARCHES = ("neglect", "stage 19", "MASH", "audit", "Police", "zzz", "2.1", "on track")


class Soak:
    """Does one user step at a time on the window until the time is up."""

    def __init__(self, window: MainWindow, seconds: float, seed: int) -> None:
        self.window, self.view = window, window.plan_view
        self.until = time.monotonic() + seconds
        self.random = random.Random(seed)
        self.done: Counter[str] = Counter()
        self.told: list[str] = []
        self.none_at_start = sys.getrefcount(None)
        self.next_report = time.monotonic() + 60
        self.steps: list[tuple[str, Callable[[], None], int]] = [
            ("typed a search key by key", self.type_search, 4),
            ("cleared the search", self.clear_search, 3),
            ("chose a row", self.choose_row, 8),
            ("sorted by a column", self.sort, 1),
            ("recorded progress", self.record_progress, 3),
            ("edited words, then left the row", self.edit_words, 2),
            ("undid", self.undo, 2),
            ("redid", self.redo, 1),
            ("switched tab", self.switch_tab, 1),
        ]

    def step(self) -> None:
        """One step, then the next after Qt has had its turn."""
        if time.monotonic() > self.until:
            self.finish()
            return
        names = [name for name, _, _ in self.steps]
        weights = [weight for _, _, weight in self.steps]
        name = self.random.choices(names, weights)[0]
        dict((n, call) for n, call, _ in self.steps)[name]()
        self.done[name] += 1
        if time.monotonic() > self.next_report:
            self.next_report += 60
            print(f"  {sum(self.done.values()):,} steps so far", flush=True)
        QTimer.singleShot(1, self.step)

    def type_search(self) -> None:
        """Type a search into the box one key at a time, with an action selected."""
        if self.view.tabs.currentIndex() != 0:
            self.view.tabs.setCurrentIndex(0)
        self.choose_row()
        search = self.view.search
        search.setFocus()
        for key in self.random.choice(SEARCHES):
            QTest.keyClicks(search, key)
            QTest.qWait(0)

    def clear_search(self) -> None:
        """Empty the search box."""
        self.view.search.clear()

    def choose_row(self) -> None:
        """Select a row of those shown."""
        shown = self.view.filter_model.rowCount()
        if shown:
            self.view.table.selectRow(self.random.randrange(shown))

    def sort(self) -> None:
        """Sort by a column, either way."""
        order = self.random.choice([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
        self.view.table.sortByColumn(self.random.randrange(8), order)

    def record_progress(self) -> None:
        """Record an update on the selected action (with a reason when one is asked)."""
        if self.window.selected_row() is None:
            self.choose_row()
        if self.window.selected_row() is None:
            return
        self.window.record_progress()
        dialog = self.window.edits.progress_dialog
        if dialog is None or not dialog.isVisible():
            return
        dialog.rag_box.setCurrentIndex(self.random.randrange(len(RAG_ORDER)))
        dialog.text_edit.setPlainText(f"Soak update {self.done['recorded progress'] + 1}")
        reason = getattr(dialog, "reason_edit", None)
        if reason is not None:
            reason.setText("The lead knows more than the dates say")
        dialog.accept()
        if dialog.isVisible():  # still asking for something: give up this update
            dialog.reject()

    def edit_words(self) -> None:
        """Change the selected action's words in the detail panel, then choose another row."""
        detail = self.view.detail
        if detail.action_id is None:
            self.choose_row()
        if detail.action_id is None or not detail.text.isEnabled():
            return
        detail.text.setPlainText(detail.text.toPlainText() + " (checked)")
        self.choose_row()

    def undo(self) -> None:
        """Undo the last edit, as Ctrl+Z does."""
        self.window.commands.undo_action.trigger()

    def redo(self) -> None:
        """Redo, as Ctrl+Shift+Z does."""
        self.window.commands.redo_action.trigger()

    def switch_tab(self) -> None:
        """Look at the dashboard or the measures, or back at the actions."""
        self.view.tabs.setCurrentIndex(self.random.randrange(self.view.tabs.count()))

    def finish(self) -> None:
        """Print what was done and end."""
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"steps: {sum(self.done.values()):,}")
        for name, count in self.done.most_common():
            print(f"  {name}: {count:,}")
        print(f"undo entries at the end: {self.window.workspace.undo_stack.count():,}")
        print(f"references to None: {sys.getrefcount(None) - self.none_at_start:+,} over the run")
        print(f"messages shown to the user: {len(self.told)} {self.told[:3]}")
        print(f"peak resident memory: {peak:.0f} MB")
        self.window.close()
        prepare_application().quit()


def main() -> None:
    """Open the window on the plan, wait for it to load, then soak it."""
    path, seconds, seed = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    app = prepare_application()
    # The offscreen platform says this of every dialog; nothing the soak is looking for.
    qInstallMessageHandler(
        lambda _kind, _where, text: (
            None if "propagateSizeHints" in text else print(text, file=sys.stderr)
        )
    )
    window = MainWindow(target=path)
    soak = Soak(window, seconds, seed)
    prompts.ask_text = lambda *_args, **_kw: "The lead knows more than the dates say"
    prompts.confirm = lambda *_args, **_kw: True
    prompts.inform = lambda _parent, _title, text: soak.told.append(text)
    prompts.warn = lambda _parent, _title, text: soak.told.append(text)
    window.start()
    started = time.monotonic()

    def begin() -> None:
        if window.loading:
            QTimer.singleShot(50, begin)
            return
        print(f"window open with the whole plan after {time.monotonic() - started:.1f} s")
        soak.until = time.monotonic() + seconds
        QTimer.singleShot(0, soak.step)

    QTimer.singleShot(0, begin)
    app.exec()
    window.close_database()


if __name__ == "__main__":
    main()
