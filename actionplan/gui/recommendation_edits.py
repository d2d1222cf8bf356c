"""RecommendationEdits: what the Recommendations tab's buttons do. Each change goes through
the services and onto the undo history, which announces it through the workspace.

The services and undo commands are imported where used: the window is built, and its first
rows painted, before the database layer has loaded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from actionplan.gui import prompts
from actionplan.gui.changes import Kind, changed
from actionplan.gui.dialogs.recommendation_dialog import (
    ChooseDialog,
    RecommendationDialog,
    SignOffDialog,
)

if TYPE_CHECKING:
    from pathlib import Path

    from actionplan.gui.pages.recommendations_page import RecommendationsPage
    from actionplan.gui.workspace import Workspace
    from actionplan.services.recommendations import RecommendationDraft, RecommendationLine

TITLE = "Review recommendations"
WORKBOOKS = "Workbooks (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"


class RecommendationEdits:
    """Carries out the tab's requests; the dialog open is kept in ``dialog`` for tests."""

    def __init__(self, workspace: Workspace, page: RecommendationsPage, widget: Any) -> None:
        self.workspace, self.page, self.widget = workspace, page, widget
        self.dialog: Any = None
        page.follow(workspace)
        page.import_requested.connect(self.import_register)
        page.add_requested.connect(self.add)
        page.edit_requested.connect(self.edit)
        page.link_requested.connect(self.link)
        page.unlink_requested.connect(self.unlink)
        page.sign_off_requested.connect(self.sign_off)
        page.delete_requested.connect(self.delete)

    def _open(self, dialog: Any, then: Any) -> None:
        self.dialog = dialog
        dialog.accepted.connect(then)
        dialog.open()

    def add(self) -> None:
        """Ask for a new recommendation and add it, undoably."""
        from actionplan.services.recommendations import RecommendationDraft

        dialog = RecommendationDialog(
            "New recommendation", RecommendationDraft("", ""), self.widget
        )
        self._open(dialog, lambda: self._save_new(dialog.draft()))

    def _save_new(self, draft: RecommendationDraft) -> None:
        from actionplan.services.recommendations import add_recommendation, delete_recommendation

        db = self.workspace.db
        made = prompts.attempt(self.widget, lambda: add_recommendation(db, draft), TITLE)
        if made is not False:
            from actionplan.gui.commands import AddedCommand

            text = f"Add recommendation from {draft.review}"
            self.workspace.push(
                AddedCommand(text, db, "recommendation", made, delete_recommendation)
            )
            self.page.select(made)

    def edit(self, line: RecommendationLine) -> None:
        """Change a recommendation's words, undoably."""
        old = line.record.draft
        dialog = RecommendationDialog("Edit recommendation", old, self.widget)
        self._open(dialog, lambda: self._save_edit(line.id, old, dialog.draft()))

    def _save_edit(self, rec_id: int, old: RecommendationDraft, new: RecommendationDraft) -> None:
        from actionplan.services.recommendations import edit_recommendation

        db = self.workspace.db

        def save(words: RecommendationDraft) -> None:
            edit_recommendation(db, rec_id, words)

        if old != new and prompts.attempt(self.widget, lambda: save(new), TITLE) is not False:
            from actionplan.gui.commands import ChangeCommand

            changes = changed(Kind.RECOMMENDATIONS)
            self.workspace.push(ChangeCommand("Edit recommendation", save, old, new, changes))

    def sign_off(self, line: RecommendationLine) -> None:
        """Record the board's sign-off (who and when), undoably."""
        record = line.record
        dialog = SignOffDialog(
            record.signed_off_by, record.signed_off_on or self.workspace.as_of, self.widget
        )
        before = (record.signed_off_by, record.signed_off_on)
        self._open(dialog, lambda: self._save_sign_off(line.id, before, dialog.sign_off()))

    def _save_sign_off(
        self, rec_id: int, before: tuple[str, date | None], after: tuple[str, date | None]
    ) -> None:
        from actionplan.services.recommendations import sign_off

        db = self.workspace.db

        def save(value: tuple[str, date | None]) -> None:
            sign_off(db, rec_id, *value)

        if prompts.attempt(self.widget, lambda: save(after), TITLE) is not False:
            from actionplan.gui.commands import ChangeCommand

            changes = changed(Kind.RECOMMENDATIONS)
            self.workspace.push(
                ChangeCommand("Sign off recommendation", save, before, after, changes)
            )

    def link(self, line: RecommendationLine) -> None:
        """Link an action of the plan on screen to the recommendation, undoably."""
        from actionplan.services.actions import action_rows

        plan = self.workspace.current_plan
        if plan is None:
            return
        linked = {a.action_id for a in line.record.actions}
        rows = action_rows(self.workspace.db, plan.id, self.workspace.as_of)
        choices = [(r.id, f"{r.ref} {r.text}".strip()) for r in rows if r.id not in linked]
        if not choices:
            prompts.inform(self.widget, TITLE, f"Every action of {plan.title} is linked already.")
            return
        dialog = ChooseDialog("Link an action", "&Action", choices, self.widget)
        self._open(dialog, lambda: self._set_link(line.id, dialog.chosen(), True))

    def unlink(self, line: RecommendationLine) -> None:
        """Take an action's link off the recommendation, undoably."""
        actions = line.record.actions
        if len(actions) == 1:
            self._set_link(line.id, actions[0].action_id, False)
            return
        choices = [(a.action_id, f"{a.ref} {a.text} ({a.plan_title})") for a in actions]
        dialog = ChooseDialog("Unlink an action", "&Action", choices, self.widget)
        self._open(dialog, lambda: self._set_link(line.id, dialog.chosen(), False))

    def _set_link(self, rec_id: int, action_id: int | None, link: bool) -> None:
        from actionplan.services.recommendations import link_action, unlink_action

        if action_id is None:
            return
        db, call = self.workspace.db, link_action if link else unlink_action
        if prompts.attempt(self.widget, lambda: call(db, rec_id, action_id), TITLE) is not False:
            from actionplan.gui.commands import LinkCommand

            self.workspace.push(LinkCommand(db, rec_id, action_id, link))

    def delete(self, line: RecommendationLine) -> None:
        """Delete the recommendation and its links, undoably."""
        from actionplan.services.recommendations import delete_recommendation

        question = (
            f"Delete the recommendation “{line.record.draft.text[:80]}”? Undo brings it back."
        )
        if not prompts.confirm(self.widget, TITLE, question):
            return
        db = self.workspace.db
        removed = prompts.attempt(self.widget, lambda: delete_recommendation(db, line.id), TITLE)
        if removed is not False:
            from actionplan.gui.commands import DeletedCommand

            command = DeletedCommand(
                "Delete recommendation",
                db,
                "recommendation",
                line.id,
                removed,
                delete_recommendation,
            )
            self.workspace.push(command)

    def import_register(self) -> None:
        """Import a recommendations workbook, asking for a priority if it names new actions."""
        from actionplan.services.recommendation_import import check_import

        plan = self.workspace.current_plan
        path = prompts.open_file(self.widget, "Import review recommendations", WORKBOOKS)
        if plan is None or path is None:
            return
        db, day = self.workspace.db, self.workspace.as_of
        check = prompts.attempt(self.widget, lambda: check_import(db, path, plan.id, day), TITLE)
        if check is False:
            return
        if not check.unmatched:
            self._import(path, None)
            return
        from actionplan.services.outline import plan_outline

        choices = [(node.id, f"{node.number}. {node.title}") for node in plan_outline(db, plan.id)]
        label = f"{check.unmatched} of its actions are not in {plan.title}: add them under"
        dialog = ChooseDialog("New actions for the recommendations", label, choices, self.widget)
        self._open(dialog, lambda: self._import(path, dialog.chosen()))

    def _import(self, path: Path, priority_id: int | None) -> None:
        from actionplan.services.recommendation_import import import_recommendations

        plan, db, day = self.workspace.current_plan, self.workspace.db, self.workspace.as_of
        assert plan is not None

        def run() -> Any:
            return import_recommendations(db, path, plan.id, day, priority_id)

        result = prompts.attempt(self.widget, run, TITLE)
        if result is False:
            return
        from actionplan.gui.commands import ImportedCommand

        kinds = [Kind.RECOMMENDATIONS] + ([Kind.OUTLINE, Kind.ACTIONS] if result.created else [])
        rows = [("recommendation", i) for i in result.recommendation_ids]
        rows += [("action", i) for i in result.action_ids]
        text = f"Import recommendations from {path.name}"
        self.workspace.push(ImportedCommand(text, db, rows, changed(*kinds, plan_id=plan.id)))
        self.workspace.tell(result.sentence, 8000)
