"""The register of review recommendations: each with its source, words, response, sign-off
and the actions (of any plan) that answer it.

Every function takes the Database handle and opens its own session, one transaction each.
A recommendation or action that is not there raises ``missing.Gone`` naming it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from actionplan.domain.plan_values import ActionDraft
from actionplan.domain.rag import Rag
from actionplan.domain.recommendations import (
    LinkedAction,
    RecommendationDraft,
    RecommendationRecord,
    ReviewType,
)
from actionplan.domain.status import status_from_word
from actionplan.store.database import Database
from actionplan.store.missing import fetch
from actionplan.store.plan_edits import insert_action
from actionplan.store.review_tables import Recommendation, RecommendationAction
from actionplan.store.tables import Action, Plan


@dataclass(frozen=True)
class NewRecommendation:
    """One recommendation to add: its words, the actions it links to, and any action to
    make for it under a priority (with the words of that action)."""

    draft: RecommendationDraft
    action_ids: tuple[int, ...] = ()
    new_actions: tuple[tuple[int, ActionDraft], ...] = ()


@dataclass(frozen=True)
class Added:
    """The ids of what an add wrote: the recommendations, and the actions made for them."""

    recommendation_ids: tuple[int, ...]
    action_ids: tuple[int, ...] = ()


def add_recommendations(db: Database, items: Sequence[NewRecommendation]) -> Added:
    """Add every recommendation with its links and new actions, all or none."""
    with db.writing() as session:
        place = session.exec(select(func.count()).select_from(Recommendation)).one()
        ids: list[int] = []
        made: list[int] = []
        for number, item in enumerate(items):
            row = Recommendation(review=item.draft.review, position=place + number)
            _apply(row, item.draft)
            session.add(row)
            session.flush()
            assert row.id is not None
            new = [insert_action(session, pid, draft) for pid, draft in item.new_actions]
            for action_id in dict.fromkeys([*item.action_ids, *new]):
                _link(session, row.id, action_id)
            ids.append(row.id)
            made += new
        return Added(tuple(ids), tuple(made))


def edit_recommendation(db: Database, recommendation_id: int, draft: RecommendationDraft) -> None:
    """Store a recommendation's source, words and response as given."""
    with db.writing() as session:
        row = fetch(session, Recommendation, recommendation_id, "recommendation")
        _apply(row, draft)
        session.add(row)


def sign_off(db: Database, recommendation_id: int, who: str, on: date | None) -> None:
    """Record the board's sign-off (who, when); blank and None take it back."""
    with db.writing() as session:
        row = fetch(session, Recommendation, recommendation_id, "recommendation")
        row.signed_off_by = who
        row.signed_off_on = on
        session.add(row)


def link_action(db: Database, recommendation_id: int, action_id: int) -> bool:
    """Link an action to a recommendation; False when it already was."""
    with db.writing() as session:
        fetch(session, Recommendation, recommendation_id, "recommendation")
        if session.get(RecommendationAction, (recommendation_id, action_id)) is not None:
            return False
        _link(session, recommendation_id, action_id)
        return True


def unlink_action(db: Database, recommendation_id: int, action_id: int) -> bool:
    """Take an action's link off a recommendation; False when there was none."""
    with db.writing() as session:
        link = session.get(RecommendationAction, (recommendation_id, action_id))
        if link is None:
            return False
        session.delete(link)
        return True


def recommendations(db: Database) -> list[RecommendationRecord]:
    """Every recommendation in the register's order, with the actions answering each."""
    with db.reading() as session:
        rows = session.exec(
            select(Recommendation).order_by(col(Recommendation.position), col(Recommendation.id))
        ).all()
        linked = _linked_actions(session)
        return [_record(row, linked.get(row.id or 0, ())) for row in rows]


def _linked_actions(session: Session) -> dict[int, list[LinkedAction]]:
    query = (
        select(RecommendationAction.recommendation_id, Action, Plan.title)
        .join(Action, col(Action.id) == RecommendationAction.action_id)
        .join(Plan, col(Plan.id) == Action.plan_id)
        .order_by(col(Plan.id), col(Action.priority_id), col(Action.position), col(Action.id))
    )
    found: dict[int, list[LinkedAction]] = defaultdict(list)
    for recommendation_id, action, plan_title in session.exec(query):
        found[recommendation_id].append(
            LinkedAction(
                ref=action.ref,
                status=status_from_word(action.status),
                rag=Rag(action.rag),
                due=action.due_date,
                action_id=action.id or 0,
                text=action.text,
                plan_title=plan_title,
                plan_id=action.plan_id,
            )
        )
    return found


def _record(row: Recommendation, actions: Sequence[LinkedAction]) -> RecommendationRecord:
    assert row.id is not None
    draft = RecommendationDraft(
        review=row.review,
        text=row.text,
        review_type=ReviewType(row.review_type),
        review_date=row.review_date,
        response=row.response,
    )
    return RecommendationRecord(row.id, draft, row.signed_off_by, row.signed_off_on, tuple(actions))


def _apply(row: Recommendation, draft: RecommendationDraft) -> None:
    row.review = draft.review
    row.review_type = draft.review_type.value
    row.review_date = draft.review_date
    row.text = draft.text
    row.response = draft.response


def _link(session: Session, recommendation_id: int, action_id: int) -> None:
    fetch(session, Action, action_id, "action")
    session.add(RecommendationAction(recommendation_id=recommendation_id, action_id=action_id))
    session.flush()
