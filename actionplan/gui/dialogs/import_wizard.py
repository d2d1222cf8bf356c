"""ImportWizard: the workbook's rows as they will be read, corrected with a click, then imported."""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTableView,
    QVBoxLayout,
)

from actionplan.domain.rag import RAG_ORDER
from actionplan.domain.wording import counted
from actionplan.gui.dialogs.task_dialog import TaskDialog
from actionplan.gui.models.sheet_preview_table_model import SheetPreviewTableModel
from actionplan.gui.widgets.rag_chip import chip_html
from actionplan.gui.worker import Worker, start
from actionplan.services.errors import USER_ERRORS
from actionplan.services.import_fields import FIELD_CHOICES
from actionplan.services.import_sheets import (
    ROLE_NAMES,
    PreviewSheet,
    counts_text,
    preview_sheets,
    with_column_field,
)
from actionplan.services.importing import (
    ImportPreview,
    ImportResult,
    import_workbook,
    preview_import,
)

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

HOW_TO_CORRECT = (
    "<b>The first rows of each sheet, as they will be read.</b> Each column is headed by what "
    "it is read as, over the workbook's own heading: click a heading to change it. "
    "Nothing is saved until you press Import."
)


class ImportWizard(QDialog):
    """One file's rows as read; a column's field can be corrected before anything is written."""

    imported = Signal(object)  # ImportResult

    def __init__(self, db: Database, path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self.db, self.path = db, path
        self.preview: ImportPreview | None = None
        self.sheets: list[PreviewSheet] = []
        self.error: str | None = None
        self.mapping: Any = None  # the ColumnMapping as corrected
        self.task: TaskDialog | None = None
        self.field_menu: QMenu | None = None
        self.setWindowTitle(f"Import {path.name}")
        self.resize(1100, 680)
        self.summary = QLabel("Reading the workbook…")
        self.summary.setWordWrap(True)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.grid_model = SheetPreviewTableModel(self)
        self.grid = self._grid_view()
        self.notes = QPlainTextEdit()  # plain text: a sheet name or warning is never markup
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(110)
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

    def _grid_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.grid_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        # The headings take no keyboard focus: the menu key (or a right-click) on a cell
        # offers the same choice for its column.
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.horizontalHeader().setSectionsClickable(True)
        view.horizontalHeader().setDefaultSectionSize(160)
        view.horizontalHeader().setMinimumSectionSize(60)
        return view

    def _build_layout(self) -> None:
        how = QLabel(HOW_TO_CORRECT)
        how.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Name of the new plan", self.title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(how)
        layout.addWidget(self.tabs)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.notes)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(lambda _i: self._show_sheet())
        self.grid.horizontalHeader().sectionClicked.connect(self.choose_field)
        self.grid.customContextMenuRequested.connect(
            lambda pos: self.choose_field(self.grid.indexAt(pos).column())
        )
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
        for widget in (self.import_button, self.grid, self.tabs):
            widget.setEnabled(not busy and self.error is None)

    def _previewed(self, preview: ImportPreview) -> None:
        self.preview, self.mapping, self.error = preview, preview.mapping, None
        self.summary.setText(_summary_html(preview))
        self.notes.setPlainText("\n".join(_notes(preview)))
        self.notes.setVisible(bool(self.notes.toPlainText()))
        if not self.title.text():
            self.title.setText(preview.plan.title)
        self._set_sheets(preview_sheets(preview))
        self._set_busy(False)

    def _set_sheets(self, sheets: list[PreviewSheet]) -> None:
        """Show the sheets read, staying on the sheet that was on screen."""
        shown = self.grid_model.sheet.name if self.grid_model.sheet else None
        self.sheets = sheets
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for sheet in sheets:
            role = "" if sheet.role == "actions" else f" ({ROLE_NAMES.get(sheet.role, sheet.role)})"
            self.tabs.addTab(sheet.name + role)
        names = [sheet.name for sheet in sheets]
        self.tabs.setCurrentIndex(names.index(shown) if shown in names else 0)
        self.tabs.blockSignals(False)
        self._show_sheet()

    def _show_sheet(self) -> None:
        index = self.tabs.currentIndex()
        self.grid_model.set_sheet(self.sheets[index] if 0 <= index < len(self.sheets) else None)

    def _refused(self, exc: BaseException) -> None:
        message = str(exc) if isinstance(exc, USER_ERRORS) else f"The file could not be read: {exc}"
        if self.preview is not None:  # a correction the file cannot take: keep the last good one
            self.mapping = self.preview.mapping
            self.notes.setPlainText(f"That change was not made: {message}")
            self.notes.show()
        else:
            self.error = message
            self.notes.setPlainText(message)
            self.summary.setText(f"<b>{escape(message)}</b>")
        self._set_busy(False)

    def choose_field(self, section: int) -> None:
        """Offer the fields a clicked column can be read as (action sheets only)."""
        sheet, column = self.grid_model.sheet, self.grid_model.column(section)
        if sheet is None or column is None or not sheet.editable or self.mapping is None:
            return
        if self.field_menu is not None:
            self.field_menu.deleteLater()
        menu = QMenu(self)
        for name, label in FIELD_CHOICES:
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(name == column.field)
            action.triggered.connect(partial(self.set_field, sheet.name, column.number, name))
        header = self.grid.horizontalHeader()
        corner = QPoint(header.sectionViewportPosition(section), header.height())
        self.field_menu = menu
        menu.popup(header.viewport().mapToGlobal(corner))

    def set_field(self, sheet: str, column: int, field: str) -> None:
        """Read one column as another field and read the file again with that correction."""
        if self.mapping is not None:
            self.mapping = with_column_field(self.mapping, sheet, column, field)
            self.read(self.mapping)

    def start_import(self) -> None:
        """Import with the mapping shown, off the GUI thread, with progress and Cancel."""
        if self.preview is None or self.busy.isVisible():
            return
        db, path, mapping, title = self.db, self.path, self.mapping, self.title.text()

        def job(progress: Any, cancelled: Any) -> ImportResult:
            return import_workbook(db, path, mapping, progress, cancelled, title=title)

        doing = f"Importing {path.name}…"
        self.task = TaskDialog("Importing", doing, job, self, _describe_import)
        self.task.succeeded.connect(self._done)
        self.task.run()

    def _done(self, result: ImportResult) -> None:
        self.imported.emit(result)
        self.accept()


def _summary_html(preview: ImportPreview) -> str:
    """The preview's counts, RAG and warnings at a glance, above the rows."""
    report = preview.report
    chips = " ".join(chip_html(rag, f"{rag.word} {report.rag[rag]}") for rag in RAG_ORDER)
    warnings = report.all_warnings()
    told = (
        f"<b>{counted(len(warnings), 'warning')}</b> — listed below the rows."
        if warnings
        else "No warnings."
    )
    return f"<b>{escape(counts_text(report))}</b><br>{chips}<br>{told}"


def _notes(preview: ImportPreview) -> list[str]:
    """Sheets and columns left out, what the reader noticed, then every warning."""
    report = preview.report
    left_out = [sheet.heading() for sheet in report.sheets if sheet.role == "skipped"]
    left_out += [
        f"Sheet '{s.name}': not used: {'; '.join(s.unused)}" for s in report.sheets if s.unused
    ]
    noticed = [
        f"Sheet '{s.name}': {note}"
        for s in report.sheets
        if s.role != "skipped"
        for note in s.notes
    ]
    return [*left_out, *noticed, *report.all_warnings()]


def _describe_import(result: ImportResult) -> str:
    """What the finished import says: the plan saved and what it holds."""
    return f"Imported '{result.title}': {counts_text(result.preview.report)}."
