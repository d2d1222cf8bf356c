"""RagFilterButton: "RAG: Any" with a menu of ticks, so several ratings can be seen together."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu, QPushButton

from actionplan.domain.rag import RAG_ORDER, Rag

_TIP = "Show only the actions with the ratings ticked; tick several to see them together"
_WORDS_SHOWN = 2  # more than this and the button counts them, to stay narrow


class RagFilterButton(QPushButton):
    """A button naming the RAG ratings chosen; its menu ticks them on and off."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.menu_of_ratings = _TickMenu(self)
        self.items: dict[Rag, QAction] = {}
        for rag in RAG_ORDER:
            item = self.menu_of_ratings.addAction(rag.word)
            item.setCheckable(True)
            item.toggled.connect(self._toggled)
            self.items[rag] = item
        self.menu_of_ratings.addSeparator()
        self.menu_of_ratings.addAction("Any RAG", lambda: self.choose([], announce=True))
        self.setMenu(self.menu_of_ratings)
        self._show_choice()

    def chosen(self) -> list[Rag]:
        """The ratings ticked, worst first."""
        return [rag for rag, item in self.items.items() if item.isChecked()]

    def choose(self, rags: Iterable[Rag], announce: bool = False) -> None:
        """Tick exactly these ratings; ``changed`` is emitted only when announced."""
        wanted = set(rags)
        for rag, item in self.items.items():
            item.blockSignals(True)
            item.setChecked(rag in wanted)
            item.blockSignals(False)
        self._show_choice()
        if announce:
            self.changed.emit()

    def _toggled(self, _on: bool) -> None:
        self._show_choice()
        self.changed.emit()

    def _show_choice(self) -> None:
        words = [rag.word for rag in self.chosen()]
        if not words:
            self.setText("RAG: Any")
        elif len(words) <= _WORDS_SHOWN:
            self.setText(f"RAG: {', '.join(words)}")
        else:
            self.setText(f"RAG: {len(words)} chosen")
        self.setToolTip(f"{_TIP}.\nChosen: {', '.join(words)}" if words else f"{_TIP}.")


class _TickMenu(QMenu):
    """A menu of ticks that stays open while the user ticks several."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # overrides QMenu.mouseReleaseEvent
        """Tick or untick the item under the pointer without closing the menu."""
        item = self.actionAt(event.position().toPoint())
        if item is not None and item.isCheckable() and item.isEnabled():
            item.trigger()
            return
        super().mouseReleaseEvent(event)
