"""Copying the review recommendations with the plans whose actions answer them.

A recommendation belongs to no one plan: its links (recommendation_action) may name actions
of any plan. It travels as a row of its own, merged field by field like an action, with its
links as one more field: the actions of the plans copied this time that answer it. Its
links to actions of plans not copied are neither copied nor touched on the target.

A publish takes the file's whole register (a recommendation linked to no action yet too);
a checkout brings the recommendations answering the plan's actions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, insert, select

from actionplan.store.errors import StoreError
from actionplan.store.schema import metadata
from actionplan.store.team_merge import CHUNK, PlanCopier
from actionplan.store.team_parts import (
    ACTIONS,
    REGISTER,
    CopyResult,
    Key,
    Known,
    Part,
    compared_fields,
)
from actionplan.store.team_sentences import answered_elsewhere, kept_answering, kept_there

LINKS = metadata.tables["recommendation_action"]
ACTION_ROWS = metadata.tables["action"]


class RegisterCopier(PlanCopier):
    """Copies or merges the recommendations answered by the actions of the plans copied."""

    def __init__(
        self,
        source: Connection,
        target: Connection,
        known: dict[Key, Known],
        user: str,
        crossing: dict[Key, int],
        whole: bool,
    ) -> None:
        super().__init__(source, target, 0, known, user)
        self.whole = whole
        # The actions copied this time: their ids in the source, and in the target.
        self.actions = {key[1]: there for key, there in crossing.items() if key[0] == "action"}
        self.there = set(self.actions.values())
        self._elsewhere = 0
        self._new_links: list[dict[str, int]] = []

    def run(self) -> CopyResult:
        """Copy the recommendations; a publish also removes those removed from the file."""
        self._forget_removed_actions()
        self._copy_part(REGISTER, self._rows())
        if self._new_links:  # the new recommendations' links, all in one go
            self.target.execute(insert(LINKS), self._new_links)
        if self.whole:
            self._remove_gone()
        if self._elsewhere:
            self.result.notes.append(answered_elsewhere(self._elsewhere))
        return self.result

    def _rows(self) -> list[dict[str, Any]]:
        linked: dict[int, list[int]] = {}
        for recommendation_id, action_id in self.source.execute(select(LINKS)):
            linked.setdefault(recommendation_id, []).append(action_id)
        table = REGISTER.table
        rows = [
            dict(row._mapping) for row in self.source.execute(select(table).order_by(table.c.id))
        ]
        self._refuse_dangling(rows, linked)
        chosen = []
        for row in rows:
            answering = linked.get(row["id"], [])
            ours = sorted(action for action in answering if action in self.actions)
            if ours or self.whole:
                self._elsewhere += len(ours) < len(answering)
                chosen.append({**row, ACTIONS: ours})
        return chosen

    def _refuse_dangling(self, rows: list[dict[str, Any]], linked: dict[int, list[int]]) -> None:
        """A link to an action the source does not hold is a damaged file: nothing is copied."""
        held = _held_actions(self.source, {a for actions in linked.values() for a in actions})
        for row in rows:
            if any(action not in held for action in linked.get(row["id"], [])):
                words = " ".join(str(row["text"] or row["review"]).split())[:60]
                raise StoreError(
                    f"The recommendation '{words}' names an action the file does not hold, so "
                    "the file is damaged and nothing was copied."
                )

    def _forget_removed_actions(self) -> None:
        """Links last agreed to actions the target no longer holds (removed with the plan's
        copy, or by a colleague) went with those actions: they are agreed no more."""
        named = {a for known in self.earlier.values() for a in known.values.get(ACTIONS, [])}
        held = _held_actions(self.target, named)
        for known in self.earlier.values():
            if ACTIONS in known.values:
                known.values[ACTIONS] = [a for a in known.values[ACTIONS] if a in held]

    # The links, as one field of the recommendation (overrides of PlanCopier's steps).

    def _mapped(self, part: Part, row: dict[str, Any]) -> dict[str, Any] | None:
        return {**row, ACTIONS: sorted(self.actions[action] for action in row[ACTIONS])}

    def _note_added(self, part: Part, source_id: int, row: dict[str, Any]) -> None:
        super()._note_added(part, source_id, row)
        self._new_links += [{"recommendation_id": row["id"], "action_id": a} for a in row[ACTIONS]]

    def _target_rows(self, part: Part, ids: list[int]) -> dict[int, dict[str, Any]]:
        found = super()._target_rows(part, ids)
        answering = self._target_links(list(found))
        for row_id, values in found.items():
            values[ACTIONS] = sorted(a for a in answering.get(row_id, []) if a in self.there)
        return found

    def _merge_row(
        self,
        part: Part,
        source_id: int,
        row: dict[str, Any],
        earlier: Known,
        theirs: dict[str, Any] | None,
    ) -> None:
        agreed = earlier.values.get(ACTIONS) or []
        outside = [action for action in agreed if action not in self.there]
        inside = [action for action in agreed if action in self.there]
        seen_here = Known(earlier.target_id, earlier.version, {**earlier.values, ACTIONS: inside})
        super()._merge_row(part, source_id, row, seen_here, theirs)
        now = self.result.known.get((part.name, source_id))
        if now is not None:  # the links to other plans' actions stay as last agreed
            now.values[ACTIONS] = sorted({*outside, *(now.values.get(ACTIONS) or [])})

    def _write(
        self, part: Part, row_id: int, theirs: dict[str, Any], row: dict[str, Any], names: set[str]
    ) -> int:
        if ACTIONS in names:  # only the copied actions' links: others' stay as they are
            mine = LINKS.c.recommendation_id == row_id
            self.target.execute(delete(LINKS).where(mine, LINKS.c.action_id.in_(theirs[ACTIONS])))
            rows = [{"recommendation_id": row_id, "action_id": a} for a in row[ACTIONS]]
            if rows:
                self.target.execute(insert(LINKS), rows)
        return super()._write(part, row_id, theirs, row, names - {ACTIONS})

    def _target_links(self, ids: list[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for start in range(0, len(ids), CHUNK):
            query = select(LINKS).where(LINKS.c.recommendation_id.in_(ids[start : start + CHUNK]))
            for recommendation_id, action_id in self.target.execute(query):
                found.setdefault(recommendation_id, []).append(action_id)
        return found

    # Removing.

    def _remove_gone(self) -> None:
        """Remove each recommendation removed from the file, unless it was changed on the
        target since or answers actions the file never knew of."""
        table = REGISTER.table
        for key, earlier in self.earlier.items():
            if key[0] != REGISTER.name or key in self._seen:
                continue
            query = select(table).where(table.c.id == earlier.target_id).with_for_update()
            stored = self.target.execute(query).first()
            if stored is None:
                continue  # removed on both sides
            theirs = dict(stored._mapping)
            theirs[ACTIONS] = sorted(self._target_links([earlier.target_id]).get(stored.id, []))
            now = compared_fields(theirs)
            if now != earlier.values:
                unknown = set(now[ACTIONS]) - set(earlier.values.get(ACTIONS, []))
                said = kept_answering if unknown else kept_there
                self.result.conflicts.append(said(REGISTER, theirs))
                continue
            self.target.execute(delete(table).where(table.c.id == earlier.target_id))
            self.result.removed[REGISTER.name] += 1


def _held_actions(connection: Connection, ids: set[int]) -> set[int]:
    """Those of the action ids that the database holds."""
    named = sorted(ids)
    held: set[int] = set()
    for start in range(0, len(named), CHUNK):
        query = select(ACTION_ROWS.c.id).where(ACTION_ROWS.c.id.in_(named[start : start + CHUNK]))
        held.update(connection.execute(query).scalars())
    return held
