"""The review recommendations register and the actions that answer each recommendation.

Kept beside ``tables.py`` (whose naming convention they share) so neither grows too long.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Text
from sqlmodel import Column, Field, SQLModel

from actionplan.store.server_time import stamp_column
from actionplan.store.tables import long_text


class Recommendation(SQLModel, table=True):
    """What a practice review, audit or inspection asked the partnership to do, with the
    partnership's response and the board's sign-off. It belongs to no one plan: the actions
    that answer it may sit in any plan of the database (recommendation_action)."""

    id: int | None = Field(default=None, primary_key=True)
    review: str = Field(sa_column=Column(Text, nullable=False))  # "Child Q", "Ofsted JTAI 2024"
    review_type: str = "other"  # a domain.recommendations.ReviewType value
    review_date: date | None = None
    text: str = Field(default="", sa_column=long_text())
    response: str = Field(default="", sa_column=long_text())
    signed_off_by: str = ""  # blank: the board has not signed it off
    signed_off_on: date | None = None
    position: int = 0
    created_at: datetime = Field(default=None, sa_column=stamp_column())


class RecommendationAction(SQLModel, table=True):
    """Links a recommendation to an action that answers it; goes with either when deleted."""

    __tablename__ = "recommendation_action"

    recommendation_id: int = Field(
        foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE"
    )
    action_id: int = Field(
        foreign_key="action.id", primary_key=True, index=True, ondelete="CASCADE"
    )
