"""LeadsDialog: the plan's leads with the agency each belongs to, the agency editable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from actionplan.gui.dialogs.form_dialog import FormDialog
from actionplan.gui.models.row_table_model import Index, RowTableModel
from actionplan.services.views import LeadView


class LeadTableModel(RowTableModel):
    """One row per lead; the Agency and Email columns can be typed in."""

    NAME, AGENCY, ACTIONS, EMAIL, ROUNDS = range(5)
    HEADERS = ("Lead", "Agency", "Actions", "Email", "Update rounds")

    def __init__(
        self, leads: list[LeadView], parent: Any = None, rounds: dict[str, str] | None = None
    ) -> None:
        super().__init__(parent)
        self._rows = leads
        self.rounds = rounds or {}
        self.agencies = {lead.id: lead.agency for lead in leads}
        self.emails = {lead.id: lead.email for lead in leads}

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Overrides QAbstractItemModel.flags: the agency and email are editable."""
        flags = super().flags(index)
        typed = index.column() in (self.AGENCY, self.EMAIL)
        return flags | Qt.ItemFlag.ItemIsEditable if typed else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Overrides QAbstractItemModel.data."""
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        lead: LeadView = self._rows[index.row()]
        words = (
            lead.name, self.agencies[lead.id], str(lead.actions), self.emails[lead.id],
            self.rounds.get(lead.name.casefold(), "none yet"),
        )  # fmt: skip
        return words[index.column()]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Overrides QAbstractItemModel.setData: keep the agency or email as typed."""
        if not index.isValid() or index.column() not in (self.AGENCY, self.EMAIL):
            return False
        lead_id = self._rows[index.row()].id
        if index.column() == self.EMAIL:
            self.emails[lead_id] = str(value).strip()
        else:
            self.agencies[lead_id] = " ".join(str(value).split())
        self.dataChanged.emit(index, index)
        return True

    def changed_emails(self) -> dict[int, str]:
        """The email addresses typed that differ from those stored, by lead id."""
        return {lead.id: self.emails[lead.id] for lead in self._rows if
                self.emails[lead.id] != lead.email}  # fmt: skip

    def row_of(self, lead_id: int) -> int | None:
        """The row showing this lead (None when the lead is not in the dialog)."""
        return next((row for row, lead in enumerate(self._rows) if lead.id == lead_id), None)

    def changed(self) -> dict[int, str]:
        """The agencies typed that differ from those stored, by lead id."""
        return {lead.id: self.agencies[lead.id] for lead in self._rows if
                self.agencies[lead.id] != lead.agency}  # fmt: skip


class LeadsDialog(FormDialog):
    """Shows the plan's leads; Save hands what was typed to ``save``, and the dialog closes
    only when that says it was kept (so nothing typed is lost to a wrong address)."""

    def __init__(
        self,
        leads: list[LeadView],
        parent: Any = None,
        rounds: dict[str, str] | None = None,
        save: Callable[[LeadTableModel], bool] | None = None,
    ) -> None:
        super().__init__("Leads and agencies", parent)
        self.save = save
        self.resize(1000, 520)
        intro = QLabel(
            "The agency each lead belongs to (police, health, the local authority…) lets you "
            "filter the plan by agency; the email address is where an update round sends the "
            "lead's return. Double-click an agency or an address to type it."
        )
        intro.setWordWrap(True)
        self.model = LeadTableModel(leads, self, rounds)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LeadTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LeadTableModel.AGENCY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(LeadTableModel.EMAIL, QHeaderView.ResizeMode.Stretch)
        self.form.addRow(intro)
        self.form.addRow(self.table)
        self.add_save_and_cancel()

    def accept(self) -> None:
        """Overrides QDialog.accept: close only once what was typed is saved."""
        if self.save is None or self.save(self.model):
            super().accept()

    def choose(self, lead_id: int, column: int) -> None:
        """Select and show one lead's cell (one the user must look at again)."""
        row = self.model.row_of(lead_id)
        if row is not None:
            index = self.model.index(row, column)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
