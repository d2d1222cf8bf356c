"""The register of review recommendations: reading it with each one's standing, and every
change a user makes (add, edit, delete, link, unlink, sign off); each change commits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import (
    RecommendationDraft,
    RecommendationItem,
    RecommendationRecord,
    RecommendationState,
    ReviewSummary,
    ReviewType,
    recommendation_state,
    review_sentence,
)
from actionplan.domain.status import Status
from actionplan.services.errors import ServiceError
from actionplan.services.row_sentences import in_sentences
from actionplan.services.views import ActionRow
from actionplan.store import deletes
from actionplan.store import recommendations as register
from actionplan.store.database import Database
from actionplan.store.removal import Removed

__all__ = [
    "RecommendationDraft",
    "RecommendationLine",
    "ReviewGroup",
    "ReviewType",
    "add_recommendation",
    "by_review",
    "delete_recommendation",
    "edit_recommendation",
    "link_action",
    "recommendation_lines",
    "recommendations_of_action",
    "restore",
    "review_summaries",
    "sign_off",
    "unlink_action",
]

_GONE = {"recommendation": "The recommendation no longer exists (it may have been deleted)."}


@dataclass(frozen=True)
class RecommendationLine:
    """A recommendation as shown: what is stored, and where it stands on the day asked."""

    record: RecommendationRecord
    state: RecommendationState

    @property
    def id(self) -> int:
        """The recommendation's id."""
        return self.record.id


@dataclass(frozen=True)
class ReviewGroup:
    """One review's recommendations, with the sentence that counts the complete ones."""

    review: str
    review_type: ReviewType
    lines: tuple[RecommendationLine, ...]

    @property
    def sentence(self) -> str:
        """ "3 of 5 recommendations from Child Q's review are complete"."""
        return review_sentence(self.review, (line.state.standing for line in self.lines))

    @property
    def open_lines(self) -> tuple[RecommendationLine, ...]:
        """The recommendations not yet complete."""
        return tuple(line for line in self.lines if not line.state.standing.is_complete)


def recommendation_lines(
    db: Database, as_of: date, positions: Mapping[int, tuple[Status, Rag]] | None = None
) -> list[RecommendationLine]:
    """Every recommendation with its standing on ``as_of``: a sign-off dated later is not
    counted, and an action's status and RAG are as ``positions`` gives them (by action id:
    a report's own view of its plan as it stood then), else as they are now."""
    return [_line(record, as_of, positions or {}) for record in register.recommendations(db)]


def recommendations_of_action(
    db: Database, action_id: int, as_of: date
) -> list[RecommendationLine]:
    """The recommendations an action answers."""
    lines = recommendation_lines(db, as_of)
    return [line for line in lines if any(a.action_id == action_id for a in line.record.actions)]


def by_review(lines: Iterable[RecommendationLine]) -> list[ReviewGroup]:
    """The recommendations grouped by review, reviews in the order first met."""
    groups: dict[str, list[RecommendationLine]] = {}
    for line in lines:
        groups.setdefault(line.record.draft.review, []).append(line)
    return [
        ReviewGroup(review, members[0].record.draft.review_type, tuple(members))
        for review, members in groups.items()
    ]


def review_summaries(
    db: Database, plan_id: int, as_of: date, rows: Iterable[ActionRow] = ()
) -> tuple[ReviewSummary, ...]:
    """What a plan's reports print about reviews: each review with a recommendation the
    plan's actions answer or one still open, its count sentence and its open ones; ``rows``
    are the plan's actions as the report sees them on ``as_of``."""
    positions = {row.id: (row.status, row.rag) for row in rows}
    groups = by_review(recommendation_lines(db, as_of, positions))
    return tuple(_summary(group) for group in groups if _concerns(group, plan_id))


def _concerns(group: ReviewGroup, plan_id: int) -> bool:
    # A review fully closed long ago, answered only by other plans, is not this plan's news.
    answered_here = any(a.plan_id == plan_id for line in group.lines for a in line.record.actions)
    return answered_here or any(not line.record.signed_off for line in group.lines)


def _summary(group: ReviewGroup) -> ReviewSummary:
    items = tuple(
        RecommendationItem(
            line.record.draft.text,
            line.state.words,
            ", ".join(a.ref or "unnumbered" for a in line.record.actions),
            line.state.standing.is_complete,
            line.record.draft.response,
        )
        for line in group.lines
    )
    return ReviewSummary(group.review, group.review_type, group.sentence, items)


def add_recommendation(
    db: Database, draft: RecommendationDraft, action_ids: Sequence[int] = ()
) -> int:
    """Add a recommendation (linked to the actions given); returns its id."""
    checked = _checked(draft)
    with in_sentences(gone=_GONE):
        item = register.NewRecommendation(checked, tuple(action_ids))
        return register.add_recommendations(db, [item]).recommendation_ids[0]


def edit_recommendation(db: Database, recommendation_id: int, draft: RecommendationDraft) -> None:
    """Store a recommendation's new words."""
    checked = _checked(draft)
    with in_sentences(gone=_GONE):
        register.edit_recommendation(db, recommendation_id, checked)


def delete_recommendation(db: Database, recommendation_id: int) -> Removed:
    """Delete a recommendation with its links; ``restore`` brings both back."""
    with in_sentences(gone=_GONE):
        return deletes.delete_row(db, "recommendation", recommendation_id, "recommendation")


def restore(db: Database, removed: Removed) -> None:
    """Put back exactly what a delete took out, with the same ids."""
    deletes.restore(db, removed)


def sign_off(db: Database, recommendation_id: int, who: str, on: date | None) -> None:
    """Record the board's sign-off: who and when (both needed); blank and None take it back."""
    if on is not None and not who.strip():
        raise ServiceError("Please say who signed the recommendation off.")
    with in_sentences(gone=_GONE):
        register.sign_off(db, recommendation_id, who.strip(), on)


def link_action(db: Database, recommendation_id: int, action_id: int) -> bool:
    """Link an action of any plan to a recommendation; False when it already was."""
    with in_sentences(gone=_GONE):
        return register.link_action(db, recommendation_id, action_id)


def unlink_action(db: Database, recommendation_id: int, action_id: int) -> bool:
    """Take an action's link off a recommendation; False when there was none."""
    return register.unlink_action(db, recommendation_id, action_id)


def _line(
    record: RecommendationRecord, as_of: date, positions: Mapping[int, tuple[Status, Rag]]
) -> RecommendationLine:
    actions = tuple(
        replace(a, status=positions[a.action_id][0], rag=positions[a.action_id][1])
        if a.action_id in positions
        else a
        for a in record.actions
    )
    record = replace(record, actions=actions)
    on = record.signed_off_on
    signed = record.signed_off and (on is None or on <= as_of)
    return RecommendationLine(record, recommendation_state(actions, signed, as_of))


def _checked(draft: RecommendationDraft) -> RecommendationDraft:
    if not draft.review.strip():
        raise ServiceError("Please name the review the recommendation comes from.")
    if not draft.text.strip():
        raise ServiceError("Please write the recommendation's words.")
    return draft
