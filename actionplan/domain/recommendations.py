"""Review recommendations: the kinds of review, and where a recommendation stands, worked
out from the actions that answer it and the board's sign-off (pure rules, no I/O)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from actionplan.domain.rag import Rag
from actionplan.domain.rules import ActionDates, is_complete, judge
from actionplan.domain.status import Status


class ReviewType(StrEnum):
    """What kind of review made the recommendation."""

    PRACTICE_REVIEW = "practice_review"
    RAPID_REVIEW = "rapid_review"
    AUDIT = "audit"
    INSPECTION = "inspection"
    OTHER = "other"

    @property
    def word(self) -> str:
        """The name people read ("Child safeguarding practice review")."""
        return _TYPE_WORDS[self]


_TYPE_WORDS = {
    ReviewType.PRACTICE_REVIEW: "Child safeguarding practice review",
    ReviewType.RAPID_REVIEW: "Rapid review",
    ReviewType.AUDIT: "Audit",
    ReviewType.INSPECTION: "Inspection",
    ReviewType.OTHER: "Other",
}

_TYPE_CLUES = (
    ("rapid", ReviewType.RAPID_REVIEW),
    ("cspr", ReviewType.PRACTICE_REVIEW),
    ("practice review", ReviewType.PRACTICE_REVIEW),
    ("serious case", ReviewType.PRACTICE_REVIEW),
    ("audit", ReviewType.AUDIT),
    ("inspection", ReviewType.INSPECTION),
    ("jtai", ReviewType.INSPECTION),
    ("ofsted", ReviewType.INSPECTION),
)


def review_type_from_words(*words: str) -> ReviewType:
    """The kind of review a type cell or a review's name suggests; Other when none does."""
    for text in words:
        lowered = text.casefold()
        for value in ReviewType:
            if lowered.strip() in (value.value, value.word.casefold()):
                return value
        for clue, kind in _TYPE_CLUES:
            if clue in lowered:
                return kind
    return ReviewType.OTHER


class Standing(StrEnum):
    """Where a recommendation stands."""

    NO_ACTION = "no_action"
    IN_PROGRESS = "in_progress"
    AWAITING_SIGN_OFF = "awaiting_sign_off"
    CLOSED = "closed"

    @property
    def word(self) -> str:
        """The words shown beside the chip."""
        return _STANDING_WORDS[self]

    @property
    def is_complete(self) -> bool:
        """True when every linked action is done, signed off or not."""
        return self in (Standing.AWAITING_SIGN_OFF, Standing.CLOSED)


_STANDING_WORDS = {
    Standing.NO_ACTION: "No action yet",
    Standing.IN_PROGRESS: "In progress",
    Standing.AWAITING_SIGN_OFF: "Actions complete — awaiting sign-off",
    Standing.CLOSED: "Closed",
}


@dataclass(frozen=True)
class LinkedAction:
    """An action answering a recommendation: what the rule needs, and what people read."""

    ref: str
    status: Status
    rag: Rag
    due: date | None
    action_id: int = 0
    text: str = ""
    plan_title: str = ""
    plan_id: int = 0


@dataclass(frozen=True)
class RecommendationDraft:
    """What a user types for a recommendation: its source, its words, the response."""

    review: str
    text: str
    review_type: ReviewType = ReviewType.OTHER
    review_date: date | None = None
    response: str = ""


@dataclass(frozen=True)
class RecommendationRecord:
    """A stored recommendation with its sign-off and the actions that answer it."""

    id: int
    draft: RecommendationDraft
    signed_off_by: str = ""
    signed_off_on: date | None = None
    actions: tuple[LinkedAction, ...] = ()

    @property
    def signed_off(self) -> bool:
        """True once the board has signed it off."""
        return bool(self.signed_off_by) or self.signed_off_on is not None


@dataclass(frozen=True)
class RecommendationState:
    """A recommendation's standing on a day, and which of its actions are overdue (refs)."""

    standing: Standing
    overdue: tuple[str, ...] = ()

    @property
    def words(self) -> str:
        """The standing in words, naming the overdue actions ("In progress — 2.1 overdue")."""
        if not self.overdue:
            return self.standing.word
        refs = ", ".join(self.overdue)
        return f"{self.standing.word} — {refs} overdue"


def _done(action: LinkedAction) -> bool:
    # Cancelled counts as done: no more work is expected from it.
    return is_complete(action.status, action.rag) or action.status is Status.CANCELLED


def recommendation_state(
    actions: Sequence[LinkedAction], signed_off: bool, as_of: date
) -> RecommendationState:
    """Closed once signed off; otherwise from its actions: none, all done, or in progress."""
    if signed_off:
        return RecommendationState(Standing.CLOSED)
    if not actions:
        return RecommendationState(Standing.NO_ACTION)
    if all(_done(action) for action in actions):
        return RecommendationState(Standing.AWAITING_SIGN_OFF)
    late = tuple(action.ref or "an action" for action in actions if _is_late(action, as_of))
    return RecommendationState(Standing.IN_PROGRESS, late)


def _is_late(action: LinkedAction, as_of: date) -> bool:
    # Overdue as the rules judge it everywhere else (the table, the summary, the pack).
    return judge(ActionDates(action.status, action.due, None, action.rag), as_of).overdue


def review_sentence(review: str, standings: Iterable[Standing]) -> str:
    """ "3 of 5 recommendations from Child Q's review are complete"."""
    counted = list(standings)
    done = sum(standing.is_complete for standing in counted)
    noun = "recommendation" if len(counted) == 1 else "recommendations"
    verb = "is" if len(counted) == 1 else "are"
    return f"{done} of {len(counted)} {noun} from {_source(review)} {verb} complete"


def _source(review: str) -> str:
    # "Child Q" reads "Child Q's review"; a name that says what it was is kept as it is.
    name = review.strip() or "an unnamed review"
    words = set(name.casefold().split())
    if words & {"review", "audit", "inspection", "jtai", "cspr", "reviews"}:
        return name
    return f"{name}' review" if name.endswith("s") else f"{name}'s review"


@dataclass(frozen=True)
class RecommendationItem:
    """A recommendation as a report prints it."""

    text: str
    standing: str  # its standing in words, naming overdue actions
    actions: str  # the refs of the actions answering it ("1.1, 2.3"), blank for none
    complete: bool = False
    response: str = ""


@dataclass(frozen=True)
class ReviewSummary:
    """One review's recommendations as a report prints them: the count, then each one."""

    review: str
    review_type: ReviewType
    sentence: str  # "3 of 5 recommendations from Child Q's review are complete"
    items: tuple[RecommendationItem, ...] = ()

    @property
    def open(self) -> tuple[RecommendationItem, ...]:
        """The recommendations not yet complete."""
        return tuple(item for item in self.items if not item.complete)
