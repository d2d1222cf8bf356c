"""ImportWizard: what a workbook holds and how its columns are read, corrected, then imported."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan.domain.rag import RAG_ORDER
from actionplan.domain.wording import counted
from actionplan.gui.models.mapping_table_model import MappingTableModel
from actionplan.gui.rag_chip import chip_html
from actionplan.gui.task_dialog import TaskDialog
from actionplan.gui.worker import Worker, start
from actionplan.services.errors import USER_ERRORS
from actionplan.services.import_fields import FIELD_CHOICES
from actionplan.services.importing import (
    ImportPreview,
    ImportResult,
    import_workbook,
    preview_import,
)

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

Index = QModelIndex | QPersistentModelIndex


class FieldChoiceDelegate(QStyledItemDelegate):
    """Edits a mapping cell with a drop-down of the plan's fields."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> QWidget:  # Qt override
        """Overrides QStyledItemDelegate.createEditor."""
        box = QComboBox(parent)
        for name, label in FIELD_CHOICES:
            box.addItem(label, name)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # Qt override
        """Overrides QStyledItemDelegate.setEditorData."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(MappingTableModel.FIELD_ROLE)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # Qt override
        """Overrides QStyledItemDelegate.setModelData."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData())


class ImportWizard(QDialog):
    """Shows the preview of one file; the mapping can be corrected before anything is written."""

    imported = Signal(object)  # ImportResult

    def __init__(self, db: Database, path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.path = db, path
        self.preview: ImportPreview | None = None
        self.error: str | None = None
        self.mapping: Any = None  # the ColumnMapping as corrected
        self.task: TaskDialog | None = None
        self.setWindowTitle(f"Import {path.name}")
        self.resize(1100, 680)
        self.summary = QLabel("Reading the workbook…")
        self.summary.setWordWrap(True)
        self.findings = QPlainTextEdit()
        self.findings.setReadOnly(True)
        self.sheet_box = QComboBox()
        self.mapping_model = MappingTableModel(self)
        self.mapping_view = self._mapping_view()
        self.apply_button = QPushButton("Read again with these columns")
        self.title = QLineEdit()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._build_layout()
        self._connect()

    def _mapping_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.mapping_model)
        self.field_delegate = FieldChoiceDelegate(view)
        view.setItemDelegateForColumn(MappingTableModel.FIELD, self.field_delegate)
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(0, 300)
        view.verticalHeader().hide()
        return view

    def _build_layout(self) -> None:
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(
            QLabel("<b>How the columns are read</b> — click a field to change it")
        )
        right_layout.addWidget(self.sheet_box)
        right_layout.addWidget(self.mapping_view)
        right_layout.addWidget(self.apply_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("<b>What the workbook holds</b> — nothing is saved yet"))
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.findings)
        panes = QHBoxLayout()
        panes.addWidget(left, 3)
        panes.addWidget(right, 2)
        form = QFormLayout()
        form.addRow("Name of the new plan", self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(panes)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.sheet_box.currentIndexChanged.connect(lambda _i: self._show_sheet())
        self.mapping_model.dataChanged.connect(lambda *_: self._sheet_edited())
        self.apply_button.clicked.connect(lambda: self.read(self.mapping))
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

    def read(self, overrides: Any = None) -> None:
        """Read the file (with a corrected mapping, if given) on a worker; nothing is written."""
        self._set_busy(True)
        path = self.path
        self.reader = Worker(lambda _progress, _cancelled: preview_import(path, overrides))
        self.reader.signals.succeeded.connect(self._previewed)
        self.reader.signals.failed.connect(self._refused)
        start(self.reader)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.import_button, self.apply_button, self.mapping_view, self.sheet_box):
            widget.setEnabled(not busy and self.error is None)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview, self.mapping, self.error = preview, preview.mapping, None
        self.findings.setPlainText("\n".join(preview.lines()))
        self.summary.setText(_summary_html(preview))
        if not self.title.text():
            self.title.setText(preview.plan.title)
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        for sheet in preview.mapping.sheets:
            if sheet.role == "actions":
                self.sheet_box.addItem(f"Sheet '{sheet.sheet}'", sheet.sheet)
        self.sheet_box.blockSignals(False)
        self._show_sheet()
        self._set_busy(False)

    def _refused(self, exc: BaseException) -> None:
        self.error = (
            str(exc) if isinstance(exc, USER_ERRORS) else f"The file could not be read: {exc}"
        )
        self.findings.setPlainText(self.error)
        self.summary.setText(f"<b>{escape(self.error)}</b>")
        self._set_busy(False)

    def _show_sheet(self) -> None:
        name = self.sheet_box.currentData()
        self.mapping_model.set_sheet(self.mapping.sheet(name) if self.mapping and name else None)

    def _sheet_edited(self) -> None:
        if self.mapping is not None and self.mapping_model.sheet is not None:
            self.mapping = self.mapping.with_sheet(self.mapping_model.sheet)

    def start_import(self) -> None:
        """Import with the mapping shown, off the GUI thread, with progress and Cancel."""
        if self.preview is None:
            return
        db, path, mapping, title = self.db, self.path, self.mapping, self.title.text()

        def job(progress: Any, cancelled: Any) -> ImportResult:
            return import_workbook(db, path, mapping, progress, cancelled, title=title)

        self.task = TaskDialog("Importing", f"Importing {path.name}…", job, self)
        self.task.succeeded.connect(self._done)
        self.task.run()

    def _done(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()


def _summary_html(preview: ImportPreview) -> str:
    """The preview's counts, RAG and warnings at a glance, above the sheet-by-sheet detail."""
    report = preview.report
    counts = ", ".join(
        counted(n, "priority" if what == "priorities" else what[:-1], what)
        for what, n in report.totals.items()
        if n
    )
    chips = " ".join(chip_html(rag, f"{rag.word} {report.rag[rag]}") for rag in RAG_ORDER)
    warnings = report.all_warnings()
    told = (
        f"<b>{counted(len(warnings), 'warning')}</b> — listed at the end below."
        if warnings
        else "No warnings."
    )
    return f"{escape(counts) or 'No actions found.'}<br>{chips}<br>{told}"
