"""Next year's plan from this one: proposed, started (the old plan closed), undone, and a
closed plan reopened. One transaction each, so a failure changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, replace

from actionplan.domain.plan_years import (
    CarriedFrom,
    CarryCandidate,
    Closure,
    NextPlan,
    RolledForward,
    next_period,
    next_period_words,
    next_title,
)
from actionplan.domain.timescale import format_due
from actionplan.domain.wording import counted
from actionplan.services.errors import ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.store import plan_closures, roll_forward
from actionplan.store.database import Database
from actionplan.store.plans import stored_settings
from actionplan.store.removal import Removed

__all__ = [
    "CarriedFrom",
    "CarryCandidate",
    "Closure",
    "NextPlan",
    "NextPlanProposal",
    "RolledForward",
    "Undone",
    "carried_from",
    "close_plan_again",
    "closed_sentence",
    "leave_by_refs",
    "plan_closure",
    "propose_next_plan",
    "redo_next_plan",
    "reopen_plan",
    "start_next_plan",
    "started_sentence",
    "undo_next_plan",
]


@dataclass(frozen=True)
class NextPlanProposal:
    """What the dialog offers: the plan's next title and period, and its unfinished actions
    (all ticked to be carried forward)."""

    from_title: str
    plan: NextPlan
    candidates: tuple[CarryCandidate, ...]


@dataclass(frozen=True)
class Undone:
    """A roll-forward taken back, kept so it can be redone with the same ids."""

    removed: Removed
    closures: tuple[dict[str, object], ...]


def propose_next_plan(db: Database, plan_id: int) -> NextPlanProposal:
    """The next plan's title ("… 2025-26" from "… 2024-25"), its period following this
    plan's, and the actions not yet complete."""
    with in_sentences():
        old = stored_settings(db, plan_id)
        candidates = plan_closures.carry_candidates(db, plan_id)
    start, end = next_period(old.period_start, old.period_end)
    chosen = NextPlan(next_title(old.title), start, end, next_period_words(old.period_raw))
    return NextPlanProposal(old.title, chosen, tuple(candidates))


def leave_by_refs(db: Database, plan_id: int, refs: list[str]) -> frozenset[int]:
    """The unfinished actions with these references (as "1.2"), to be left behind; a
    reference that names none is refused in one sentence."""
    candidates = plan_closures.carry_candidates(db, plan_id)
    by_ref = {candidate.ref.strip().rstrip("."): candidate.action_id for candidate in candidates}
    wanted = [ref.strip().rstrip(".") for ref in refs if ref.strip()]
    unknown = [ref for ref in wanted if ref not in by_ref]
    if unknown:
        raise ServiceError(
            f"The plan has no unfinished action {', '.join(unknown)} to leave behind: "
            "give the references of actions that are not complete, e.g. 1.2,3.4."
        )
    return frozenset(by_ref[ref] for ref in wanted)


def start_next_plan(db: Database, plan_id: int, chosen: NextPlan) -> RolledForward:
    """Start next year's plan from this one and close this one, all or nothing."""
    chosen = replace(chosen, title=" ".join(chosen.title.split()))
    if not chosen.title:
        raise ServiceError("Next year's plan needs a title.")
    start, end = chosen.period_start, chosen.period_end
    if start and end and end < start:
        raise ServiceError(
            f"Next year's plan ends before it starts: it ends on {format_due(end)} "
            f"but starts on {format_due(start)}."
        )
    try:
        with in_sentences():
            return roll_forward.roll_forward(db, plan_id, chosen)
    except roll_forward.TitleTaken:
        raise ServiceError(
            f'Another plan is already called "{chosen.title}": give next year\'s plan a '
            "different title."
        ) from None


def started_sentence(old_title: str, made: RolledForward) -> str:
    """What a roll-forward did, in one sentence."""
    left = f" ({counted(made.left, 'action')} left behind)" if made.left else ""
    return (
        f"Started {made.title} with {counted(made.priorities, 'priority', 'priorities')}, "
        f"{counted(made.outcomes, 'outcome')}, {counted(made.leads, 'lead')}, "
        f"{counted(made.actions, 'action')} carried forward{left} and "
        f"{counted(made.measures, 'measure')}; {old_title} is now closed."
    )


def undo_next_plan(db: Database, new_plan_id: int) -> Undone:
    """Take a roll-forward back: the new plan deleted, the old one open again."""
    with in_sentences():
        removed, closed = roll_forward.take_back(db, new_plan_id)
    return Undone(removed, tuple(closed))


def redo_next_plan(db: Database, undone: Undone) -> None:
    """Put an undone roll-forward back with the same ids, the old plan closed again."""
    roll_forward.give_back(db, undone.removed, [dict(row) for row in undone.closures])


def plan_closure(db: Database, plan_id: int) -> Closure | None:
    """How the plan was closed, or None while it is open to edits."""
    return plan_closures.closure(db, plan_id)


def closed_sentence(closed: Closure) -> str:
    """The quiet bar's words: "This plan is closed (rolled forward to … on …)"."""
    if not closed.rolled_to_title:
        return f"This plan is closed (since {format_due(closed.closed_at.date())})."
    return (
        f"This plan is closed (rolled forward to {closed.rolled_to_title} on "
        f"{format_due(closed.closed_at.date())})."
    )


def reopen_plan(db: Database, plan_id: int) -> Closure | None:
    """Open a closed plan to edits again; returns how it was closed (None: it was open)."""
    with in_sentences():
        return plan_closures.reopen(db, plan_id)


def close_plan_again(db: Database, closed: Closure) -> None:
    """Close a reopened plan as it was closed (undoing a reopen)."""
    with in_sentences():
        plan_closures.close_again(db, closed)


def carried_from(db: Database, action_id: int) -> CarriedFrom | None:
    """The action this one continues from last year's plan, or None."""
    return plan_closures.carried_from(db, action_id)
