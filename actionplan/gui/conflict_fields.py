"""The fields a conflict shows, with the labels the forms give them and their values in words.

A draft holds more than its form shows (an action's RAG and status change through progress,
its position through Move): only the fields a user types or chooses in the form are compared
and shown, under the same labels as in the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from actionplan.domain.timescale import format_due, parse_timescale
from actionplan.services.views import (
    ActionDraft,
    MeasureHeading,
    NarrativeData,
    PlanSettings,
    PriorityHeading,
)

# For each kind of draft: what the form calls it, and its fields in the form's order.
FORMS: dict[type, tuple[str, tuple[tuple[str, str], ...]]] = {
    ActionDraft: (
        "action",
        (
            ("ref", "Ref"),
            ("text", "Action"),
            ("lead", "Leads"),
            ("timescale", "Timescale"),
            ("priority_id", "Priority"),
            ("outcome_id", "Outcome"),
            ("how_we_know", "How we will know"),
        ),
    ),
    PriorityHeading: (
        "priority",
        (("title", "Title"), ("champion", "Executive champion"), ("aim", "Aim")),
    ),
    MeasureHeading: (
        "measure",
        (
            ("name", "Measure"),
            ("unit", "Unit"),
            ("direction", "Better when"),
            ("baseline", "Baseline"),
            ("target", "Target"),
            ("priority_id", "Priority"),
        ),
    ),
    NarrativeData: (
        "narrative",
        (
            ("period_label", "Period"),
            ("done", "What has been done"),
            ("analysis", "Analysis of progress"),
            ("impact", "Impact of work"),
            ("next_steps", "Next steps"),
        ),
    ),
    PlanSettings: (
        "plan's settings",
        (
            ("title", "Title"),
            ("partnership", "Partnership"),
            ("period_start", "Period from"),
            ("period_end", "Period to"),
            ("prepared_by", "Prepared by"),
            ("marking", "Protective marking"),
        ),
    ),
}

EMPTY = "(empty)"
_DIRECTIONS = {"higher": "Higher", "lower": "Lower"}


@dataclass(frozen=True)
class FieldClash:
    """One field where the user's draft and the colleague's row differ, in words."""

    name: str
    label: str
    yours: str
    theirs: str
    started: str | None  # what the form was filled with; None when not known


def kind_of(draft: Any) -> str:
    """What the form edits, as a user says it: "action", "priority", "plan's settings"…"""
    return FORMS[type(draft)][0]


def shown_fields(draft: Any) -> tuple[tuple[str, str], ...]:
    """The fields of this kind of draft a form shows: (field name, label) in the form's order."""
    return FORMS[type(draft)][1]


def same_words(one: Any, other: Any) -> bool:
    """True when two drafts of one kind hold the same values in every field the form shows."""
    return all(getattr(one, name) == getattr(other, name) for name, _label in shown_fields(one))


def clashes(
    yours: Any, theirs: Any, started: Any | None, names: dict[str, dict[Any, str]] | None = None
) -> list[FieldClash]:
    """The shown fields where the user's draft and the colleague's row differ, in words;
    ``names`` words ids (a priority's or outcome's id by its title)."""
    found = []
    for name, label in shown_fields(yours):
        mine, their = getattr(yours, name), getattr(theirs, name)
        if mine == their:
            continue
        before = None if started is None else worded(name, getattr(started, name), names)
        found.append(
            FieldClash(name, label, worded(name, mine, names), worded(name, their, names), before)
        )
    return found


def colleague_changed_nothing_shown(theirs: Any, started: Any | None) -> bool:
    """True when the colleague's save left every field of the form as the user found it
    (they recorded progress, or moved the action): the user's words can simply go on top."""
    return started is not None and same_words(theirs, started)


def worded(name: str, value: Any, names: dict[str, dict[Any, str]] | None = None) -> str:
    """A field's value as the form shows it: titles for ids, dates as "31 Mar 2026"."""
    if name in (names or {}) and value is not None:
        return (names or {})[name].get(value, EMPTY)
    if name == "outcome_id" and value is None:
        return "No outcome"
    if name == "priority_id" and value is None:
        return "Whole plan"  # a measure of the whole plan
    if name == "timescale":
        return parse_timescale(value).label or EMPTY
    if name == "direction":
        return _DIRECTIONS.get(value, "Not stated")
    if isinstance(value, date):
        return format_due(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return EMPTY
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def draft_as_text(draft: Any, names: dict[str, dict[Any, str]] | None = None) -> str:
    """The draft's words as plain text, each under its field's label, for the clipboard."""
    parts = [
        f"{label}:\n{worded(name, getattr(draft, name), names)}"
        for name, label in shown_fields(draft)
    ]
    return "\n\n".join(parts) + "\n"
