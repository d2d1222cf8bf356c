"""Changes: what one write did to the plan, so each view can tell whether to read again.

Every write in the window (an edit, an undo or redo, an import, a merge of returns, a
snapshot, the board pack's settings, a plan or database switch) ends with the workspace
announcing one of these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(Enum):
    """A part of what the window shows that a write can change."""

    PLAN_LIST = "the list of plans"
    PLAN_SETTINGS = "a plan's title, partnership, period or marking"
    PLAN_SHOWN = "which plan is on screen"
    OUTLINE = "the plan's priorities and outcomes, and where its actions sit"
    ACTIONS = "the words of actions"
    UPDATES = "progress updates, RAG and status"
    LEADS = "leads and their agencies"
    NARRATIVES = "the narratives for the board"
    MEASURES = "measures of impact and their readings"
    SNAPSHOTS = "the plan's RAG and status frozen for a board meeting"
    PACK_SETTINGS = "the board pack's key messages, the board's ask, cover and appendix"
    RECOMMENDATIONS = "the review recommendations, their links to actions and sign-off"
    AS_OF = "the day the plan is seen as at"
    DATABASE = "the whole database"


@dataclass(frozen=True)
class Changes:
    """The kinds of things a write changed, and the plan, actions or measure it was about."""

    kinds: frozenset[Kind] = frozenset()
    plan_id: int | None = None
    plan_title: str | None = None
    action_ids: tuple[int, ...] = field(default=())
    measure_id: int | None = None
    # Written by someone else (a colleague, another window): the views read it again
    # quietly, keeping the selection, filter, scroll and any words being typed.
    elsewhere: bool = False

    def touches(self, *kinds: Kind) -> bool:
        """True when the write changed any of these kinds."""
        return not self.kinds.isdisjoint(kinds)

    def __bool__(self) -> bool:
        """False for a write that changed nothing on screen."""
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        """Both writes' changes together (as after a merge of several returns)."""
        return Changes(
            self.kinds | other.kinds,
            self.plan_id if self.plan_id is not None else other.plan_id,
            self.plan_title if self.plan_title is not None else other.plan_title,
            self.action_ids + tuple(i for i in other.action_ids if i not in self.action_ids),
            self.measure_id if self.measure_id is not None else other.measure_id,
            self.elsewhere and other.elsewhere,
        )

    @property
    def action_id(self) -> int | None:
        """The action the write was about (the first, when it was about several)."""
        return self.action_ids[0] if self.action_ids else None


NOTHING = Changes()


def changed(
    *kinds: Kind,
    plan_id: int | None = None,
    plan_title: str | None = None,
    action_id: int | None = None,
    measure_id: int | None = None,
) -> Changes:
    """Changes of these kinds, about the plan, the one action or the measure named."""
    ids = (action_id,) if action_id is not None else ()
    return Changes(frozenset(kinds), plan_id, plan_title, ids, measure_id)


# Everything of one plan a window shows, for a change known only as "something in plan N".
PLAN_CONTENT = frozenset(
    {
        Kind.OUTLINE, Kind.ACTIONS, Kind.UPDATES, Kind.LEADS, Kind.NARRATIVES, Kind.MEASURES,
        Kind.SNAPSHOTS, Kind.PACK_SETTINGS,
    }
)  # fmt: skip


def changed_elsewhere(plan_id: int, *more: Kind) -> Changes:
    """Someone else changed the plan: all of it is read again (``more``: the list of plans)."""
    return Changes(PLAN_CONTENT | frozenset(more), plan_id, elsewhere=True)


def item_changes(item: str, item_id: int | None) -> Changes:
    """What adding or deleting a plan, priority, outcome, action or measure changes."""
    if item == "plan":
        return changed(Kind.PLAN_LIST, plan_id=item_id)
    if item == "measure":
        return changed(Kind.MEASURES, measure_id=item_id)
    if item == "recommendation":
        return changed(Kind.RECOMMENDATIONS)
    if item == "action":
        return changed(Kind.OUTLINE, Kind.ACTIONS, action_id=item_id)
    return changed(Kind.OUTLINE)  # a priority or outcome: the plan is read again
