"""FileMenu: import, export, write-back, update returns, the board pack and snapshots.

Each runs its service on a worker through a TaskDialog (progress, Cancel where the
service can stop, and an Open button for the file made).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from actionplan.domain.wording import counted
from actionplan.gui import prompts
from actionplan.gui import settings as prefs
from actionplan.gui.changes import Kind, changed
from actionplan.gui.dialogs.task_dialog import TaskDialog
from actionplan.gui.shortcuts import make_action
from actionplan.services.errors import USER_ERRORS

# The services behind these menu items (openpyxl, reportlab) load when first used, so the
# window opens without waiting for them.
if TYPE_CHECKING:
    from actionplan.gui.dialogs.import_wizard import ImportWizard
    from actionplan.gui.dialogs.merge_returns_dialog import MergeReturnsDialog
    from actionplan.gui.dialogs.report_dialog import ReportChoices, ReportDialog
    from actionplan.gui.dialogs.yearly_report_dialog import YearlyChoices, YearlyReportDialog
    from actionplan.gui.pages.plan_view import PlanView
    from actionplan.gui.workspace import Workspace
    from actionplan.services.exporting import ExportResult
    from actionplan.services.importing import ImportResult
    from actionplan.services.return_changes import ReturnReport
    from actionplan.services.returns import ReturnsExport
    from actionplan.services.sample_plans import SampleLoad

WORKBOOKS = "Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}


def dropped_workbook(mime: QMimeData) -> Path | None:
    """The one workbook file being dragged onto the window, if that is what it is."""
    urls = mime.urls() if mime.hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in WORKBOOK_SUFFIXES else None


class FileMenu(QObject):
    """The File menu's work with files, for one main window."""

    def __init__(self, workspace: Workspace, view: PlanView, window: QWidget) -> None:
        """File work on the workspace's plan shown in ``view``; a workbook dropped on
        ``window`` is imported, and dialogs open over it."""
        super().__init__(window)
        self.workspace, self.view, self.widget = workspace, view, window
        self.task: TaskDialog | None = None
        self.wizard: ImportWizard | None = None
        self.merge_dialog: MergeReturnsDialog | None = None
        self.report_dialog: ReportDialog | None = None
        self.yearly_dialog: YearlyReportDialog | None = None
        window.setAcceptDrops(True)
        window.installEventFilter(self)  # a workbook dragged onto the window is imported
        act = partial(make_action, window)
        self.import_action = act("&Import a workbook…", "Ctrl+I", self.choose_workbook)
        self.samples_action = act("Open the &sample plans", None, self.load_samples)
        self.export_action = act("&Export tracker workbook…", "Ctrl+E", self.export_tracker)
        self.write_back_action = act(
            "&Write back into the original workbook…", None, self.write_back
        )
        self.returns_action = act("Export update &returns for leads…", None, self.export_returns)
        self.merge_action = act("&Merge returns from leads…", None, self.merge_returns)
        self.report_action = act("Board pack &PDF…", "Ctrl+P", self.report)
        self.yearly_action = act("&Yearly report (Word)…", None, self.yearly_report)
        self.snapshot_action = act("Take a &snapshot for the board…", None, self.snapshot)
        self.activity_action = act("Export &activity log…", None, self.export_activity)
        self.plan_actions = [
            self.export_action, self.write_back_action, self.returns_action,
            self.merge_action, self.report_action, self.yearly_action, self.snapshot_action,
            self.activity_action,
        ]  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # overrides QObject
        """Accept one workbook dragged onto the window, and open the import wizard on it."""
        kinds = (QEvent.Type.DragEnter, QEvent.Type.Drop)
        if watched is not self.widget or event.type() not in kinds:
            return False
        assert isinstance(event, QDropEvent)  # a drag-enter event is a kind of drop event
        path = dropped_workbook(event.mimeData())
        if path is None:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.open_wizard(path)
        return True

    def set_plan_open(self, is_open: bool) -> None:
        """Plan actions only make sense with a plan on screen."""
        for action in self.plan_actions:
            action.setEnabled(is_open)

    def _plan_title(self) -> str | None:
        plan = self.workspace.current_plan
        return plan.title if plan else None

    def _run(
        self, title: str, doing: str, job: Any, describe: Any = None, done: Any = None
    ) -> None:
        self.task = TaskDialog(title, doing, job, self.widget, describe)
        if done is not None:
            self.task.succeeded.connect(done)
        self.task.run()

    def choose_workbook(self) -> None:
        """Ask for a workbook and open the import wizard on it."""
        path = prompts.open_file(self.widget, "Import a workbook", WORKBOOKS)
        if path is not None:
            self.open_wizard(path)

    def open_wizard(self, path: Path) -> None:
        """Preview a workbook and offer to import it."""
        from actionplan.gui.dialogs.import_wizard import ImportWizard

        self.wizard = ImportWizard(self.workspace.db, path, self.widget)
        self.wizard.imported.connect(self._imported)
        self.wizard.open()
        self.wizard.read()

    def _imported(self, result: ImportResult) -> None:
        from actionplan.gui.commands import AddedCommand
        from actionplan.gui.plan_undo_stack import PlanRef
        from actionplan.services.plans import delete_plan

        # Undo takes a mistaken import out again (and Redo brings the same plan back).
        command = AddedCommand(
            f"Import '{result.title}'", self.workspace.db, "plan", result.plan_id, delete_plan
        )
        command.plan = PlanRef(result.plan_id, result.title)  # the entry is the new plan's
        self.workspace.push(command)
        self.workspace.tell(f"Imported '{result.title}'.", 6000)

    def load_samples(self) -> None:
        """Import the sample plans that are not in the database yet."""
        from actionplan.services.sample_plans import load_sample_plans

        db = self.workspace.db
        self._run(
            "Sample plans",
            "Loading the sample plans…",
            lambda _p, _c: load_sample_plans(db),
            _describe_samples,
            lambda loads: self.workspace.announce(
                changed(Kind.PLAN_LIST, plan_title=loads[-1].title if loads else None)
            ),
        )

    def _save_target(self, title: str, suggested: str, filters: str) -> Path | None:
        return prompts.save_file(self.widget, title, suggested, filters)

    def export_tracker(self) -> None:
        """Write the plan as a tracker workbook."""
        from actionplan.services.exporting import export_tracker

        self._export("Export tracker", f"{self._stem()} tracker.xlsx", export_tracker)

    def write_back(self) -> None:
        """Write the plan back into the workbook it was imported from."""
        from actionplan.services.exporting import export_original_layout

        self._export("Write back", f"{self._stem()} (updated).xlsx", export_original_layout)

    def _export(self, title: str, suggested: str, export: Any) -> None:
        target = self._save_target(title, suggested, "Workbook (*.xlsx)")
        if target is not None and self._may_replace(title, target):
            db, name = self.workspace.db, self._plan_title()
            # No as-at day: the workbook holds the whole plan, every update included.
            job = lambda p, c: export(db, target, name, None, p, c, replace=True)  # noqa: E731
            self._run(title, f"Writing {target.name}…", job, _describe_export)

    def _may_replace(self, title: str, target: Path) -> bool:
        if not target.exists():
            return True
        question = f"'{target.name}' already exists. Replace it with this export?"
        return prompts.confirm(self.widget, title, question)

    def export_returns(self) -> None:
        """Write one return workbook per lead into a folder."""
        from actionplan.services.returns import export_returns

        folder = prompts.choose_folder(self.widget, "Folder for the leads' returns")
        if folder is not None:
            db, name, as_of = self.workspace.db, self._plan_title(), self.workspace.as_of
            job = lambda _p, _c: export_returns(db, folder, name, as_of)  # noqa: E731
            self._run("Update returns", "Writing a return for each lead…", job, _describe_returns)

    def merge_returns(self) -> None:
        """Choose returned workbooks, show what they change, and record them when approved."""
        from actionplan.gui.dialogs.merge_returns_dialog import MergeReturnsDialog

        files = prompts.open_files(self.widget, "Returns from leads", "Workbooks (*.xlsx)")
        if files:
            self.merge_dialog = MergeReturnsDialog(
                self.workspace.db, files, self._plan_title(), self.widget
            )
            self.merge_dialog.applied.connect(self._merged)
            self.merge_dialog.open()
            self.merge_dialog.preview()

    def _merged(self, reports: list[ReturnReport]) -> None:
        from actionplan.gui.commands import MergeCommand
        from actionplan.services.returns import recorded_updates

        recorded = recorded_updates(reports)
        if recorded:  # Undo takes every update of the merge back at once
            self.workspace.push(MergeCommand(self.workspace.db, recorded))

    def report(self) -> None:
        """Ask what the board pack covers and says on page 1 (kept with the plan), then where
        to save it, and print it."""
        from actionplan.gui.dialogs.report_dialog import ReportDialog

        plan = self.workspace.current_plan
        if plan is None:
            return
        priorities = [node.title for node in self.view.outline]
        dialog = ReportDialog(
            self.workspace.db, plan, self.workspace.as_of, priorities,
            self._marking(), self.widget,
        )  # fmt: skip
        dialog.accepted.connect(lambda: self._pack_kept(plan.id, dialog.choices()))
        dialog.finished.connect(dialog.deleteLater)  # with its preview picture, once closed
        dialog.open()
        self.report_dialog = dialog

    def _marking(self) -> str:
        # The plan's own marking (Plan settings) first; else the one last printed with.
        plan = self.workspace.current_plan
        own = plan.marking if plan is not None else ""
        return own or self.workspace.settings.get(prefs.REPORT_MARKING)

    def _pack_kept(self, plan_id: int, choices: ReportChoices) -> None:
        # The dialog kept its settings with the plan before closing: say so, then print.
        self.workspace.announce(changed(Kind.PACK_SETTINGS, plan_id=plan_id))
        self._print(choices)

    def _print(self, choices: ReportChoices) -> None:
        from actionplan.services.report import make_report

        plan = self.workspace.current_plan
        if plan is None or not plan.marking:
            # Remembered for plans without a marking of their own, which would not want one's.
            self.workspace.settings.set(prefs.REPORT_MARKING, choices.marking)
        target = self._save_target("Board pack", f"{self._stem()} board pack.pdf", "PDF (*.pdf)")
        if target is None or not self._may_replace("Board pack", target):
            return
        db, name, when = self.workspace.db, self._plan_title(), choices.as_of
        marking, appendix = choices.marking, choices.appendix  # "" prints no marking
        job = lambda p, _c: make_report(  # noqa: E731
            db, target, name, when, choices.priority, marking, appendix, progress=p,
            cover=choices.cover, key_messages=choices.key_messages or None,
            board_asked=choices.board_asked,
        )  # fmt: skip
        self._run("Board pack", f"Writing {target.name}…", job)

    def yearly_report(self) -> None:
        """Ask which year the progress chapter covers and on which template, then where to
        save it, and write it."""
        from actionplan.gui.dialogs.yearly_report_dialog import YearlyReportDialog
        from actionplan.services.yearly_report import last_year

        title = self._plan_title()
        if title is None:
            return
        template = self.workspace.settings.get(prefs.YEARLY_TEMPLATE)
        period = last_year(self.workspace.as_of)
        dialog = YearlyReportDialog(title, period, template, self.widget)
        dialog.accepted.connect(lambda: self._write_yearly(dialog.choices()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.yearly_dialog = dialog

    def _write_yearly(self, choices: YearlyChoices) -> None:
        from actionplan.services.yearly_report import make_yearly_report

        template = str(choices.template) if choices.template else ""
        self.workspace.settings.set(prefs.YEARLY_TEMPLATE, template)
        suggested = f"{self._stem()} progress {choices.start.year}-{choices.end:%y}.docx"
        target = self._save_target("Yearly report", suggested, "Word document (*.docx)")
        if target is None or not self._may_replace("Yearly report", target):
            return
        db, name = self.workspace.db, self._plan_title()
        start, end, theirs = choices.start, choices.end, choices.template
        job = lambda p, _c: make_yearly_report(  # noqa: E731
            db, target, start, end, name, theirs, progress=p
        )
        self._run("Yearly report", f"Writing {target.name}…", job)

    def snapshot(self) -> None:
        """Freeze the plan's RAG and status under a meeting's name."""
        from actionplan.services.snapshots import take_snapshot

        name = prompts.ask_text(
            self.widget, "Snapshot", "Name of the meeting:", f"Board {date.today():%d %B %Y}"
        )
        if not name:
            return
        plan = self.workspace.current_plan
        try:
            take_snapshot(self.workspace.db, name, self._plan_title(), self.workspace.as_of)
        except USER_ERRORS as exc:
            prompts.warn(self.widget, "Snapshot", str(exc))
            return
        self.workspace.announce(changed(Kind.SNAPSHOTS, plan_id=plan.id if plan else None))
        self.workspace.tell(f"Snapshot '{name}' taken.", 6000)

    def export_activity(self) -> None:
        """Write the plan's activity log (who changed what, when) to a workbook or CSV file."""
        from actionplan.services.activity import export_activity, plan_activity

        title, plan = "Export activity log", self.workspace.current_plan
        filters = "Workbook (*.xlsx);;CSV file (*.csv)"
        target = self._save_target(title, f"{self._stem()} activity log.xlsx", filters)
        if plan is None or target is None or not self._may_replace(title, target):
            return
        db, plan_id = self.workspace.db, plan.id

        def job(_progress: Any, _cancelled: Any) -> str:
            entries = plan_activity(db, plan_id)
            export_activity(entries, target, replace=True)
            how_many = counted(len(entries), "entry", "entries")
            return f"Wrote {how_many} of the activity log of '{plan.title}' to {target.name}."

        self._run(title, f"Writing {target.name}…", job, str)

    def _stem(self) -> str:
        title = self._plan_title() or "plan"
        return "".join(ch for ch in title if ch not in '\\/:*?"<>|').strip() or "plan"


def _describe_samples(loads: list[SampleLoad]) -> str:
    new = [load for load in loads if load.loaded]
    if not new:
        return "The sample plans are already in this database."
    # One plan a line: three long titles in one sentence read badly in a narrow box.
    lines = [f"• {load.title} ({counted(load.actions, 'action')})" for load in new]
    return "\n".join(["Loaded the sample plans:", *lines])


def _describe_export(result: ExportResult) -> str:
    actions = counted(result.actions, "action")
    wrote = f"Wrote {actions} of '{result.plan_title}' to {result.path.name}."
    return " ".join([wrote, *result.notes])


def _describe_returns(result: ReturnsExport) -> str:
    n = result.without_lead
    missing = f" {counted(n, 'action')} {'has' if n == 1 else 'have'} no lead." if n else ""
    return f"Wrote {counted(len(result.files), 'return')}, one for each lead.{missing}"
