"""Action statuses, and the status words partnerships write into their cells."""

from __future__ import annotations

import re
from enum import StrEnum


class Status(StrEnum):
    """Where an action stands."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"
    ONGOING = "ongoing"
    DELAYED = "delayed"
    CANCELLED = "cancelled"
    # The workbook never said (no status column, nothing in the words): shown as a dash.
    NOT_RECORDED = "not_recorded"

    @property
    def word(self) -> str:
        """The label shown to people ("In progress"; a dash when no status was recorded)."""
        return _WORDS[self]

    @property
    def choice(self) -> str:
        """The label in a list to choose from ("Not recorded" rather than a bare dash)."""
        return "Not recorded" if self is Status.NOT_RECORDED else self.word

    @property
    def is_known(self) -> bool:
        """True when someone recorded this status."""
        return self is not Status.NOT_RECORDED

    @property
    def is_closed(self) -> bool:
        """True when no more work is expected (complete or cancelled)."""
        return self in (Status.COMPLETE, Status.CANCELLED)


_WORDS = {
    Status.NOT_STARTED: "Not started",
    Status.IN_PROGRESS: "In progress",
    Status.COMPLETE: "Complete",
    Status.ONGOING: "Ongoing",
    Status.DELAYED: "Delayed",
    Status.CANCELLED: "Cancelled",
    Status.NOT_RECORDED: "—",
}

# Whole-cell values in a Status column.
_EXACT: dict[str, Status] = {
    "not started": Status.NOT_STARTED,
    "not yet started": Status.NOT_STARTED,
    "outstanding": Status.NOT_STARTED,
    "to do": Status.NOT_STARTED,
    "planned": Status.NOT_STARTED,
    "in progress": Status.IN_PROGRESS,
    "in hand": Status.IN_PROGRESS,
    "started": Status.IN_PROGRESS,
    "underway": Status.IN_PROGRESS,
    "under way": Status.IN_PROGRESS,
    "on track": Status.IN_PROGRESS,
    "progressing": Status.IN_PROGRESS,
    "complete": Status.COMPLETE,
    "completed": Status.COMPLETE,
    "done": Status.COMPLETE,
    "achieved": Status.COMPLETE,
    "closed": Status.COMPLETE,
    "ongoing": Status.ONGOING,
    "on-going": Status.ONGOING,
    "continuous": Status.ONGOING,
    "continuing": Status.ONGOING,
    "business as usual": Status.ONGOING,
    "bau": Status.ONGOING,
    "delayed": Status.DELAYED,
    "paused": Status.DELAYED,
    "on hold": Status.DELAYED,
    "behind": Status.DELAYED,
    "off track": Status.DELAYED,
    "slipped": Status.DELAYED,
    "overdue": Status.DELAYED,
    "cancelled": Status.CANCELLED,
    "canceled": Status.CANCELLED,
    "withdrawn": Status.CANCELLED,
    "stopped": Status.CANCELLED,
    "no longer required": Status.CANCELLED,
    "not recorded": Status.NOT_RECORDED,
    "-": Status.NOT_RECORDED,
    "—": Status.NOT_RECORDED,
}

# Words found inside longer text ("Completed September 2020", "delayed due to COVID-19").
# Checked in this order: the first family that matches wins, so "not completed" is
# caught before "completed", and "partially complete" before "complete".
_IN_TEXT: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (Status.CANCELLED, re.compile(r"\b(cancel+ed|withdrawn|no longer required|stood down)\b")),
    (
        Status.DELAYED,
        re.compile(
            r"\b(delayed|paused|on hold|postponed|deferred|slipped|behind schedule|off track"
            r"|not on track|overdue)\b"
        ),
    ),
    (
        Status.NOT_STARTED,
        re.compile(
            r"\b(not (yet )?(been )?(started|begun|commenced|completed?|achieved|delivered"
            r"|finished|in place)|outstanding|yet to (start|begin|commence))\b"
        ),
    ),
    (
        Status.IN_PROGRESS,
        re.compile(r"\b(partially|partly|nearly|almost|mostly) (completed?|achieved|in place)\b"),
    ),
    (Status.COMPLETE, re.compile(r"\b(completed?|achieved|finished|delivered|in place)\b")),
    (Status.ONGOING, re.compile(r"\b(ongoing|on going|continuous|continuing|business as usual)\b")),
    (
        Status.IN_PROGRESS,
        re.compile(r"\b(in progress|underway|under way|started|commenced|progressing|on track)\b"),
    ),
)

# Intentions are not statuses: "to be completed by March", "will be delivered in June".
_INTENT = re.compile(
    r"\b(to|will|shall|should|must|would|could|can|may|might|aim to|plan to)"
    r" (not )?(be |have been )?(put )?(completed?|achieved|finished|delivered|in place|started"
    r"|commenced)\b"
)
_DASHES = str.maketrans("\u2010\u2011\u2012\u2013\u2014\u2212", "------")
_WORD_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")  # "not-started", "in-progress", "on-going"


def status_from_word(word: str) -> Status:
    """The Status for a stored value ("in_progress"); unknown values read as not recorded."""
    try:
        return Status(word)
    except ValueError:
        return Status.NOT_RECORDED


def _squeeze(text: str) -> str:
    return " ".join(text.strip().lower().translate(_DASHES).split()).rstrip(".")


def parse_status(text: str | None) -> Status | None:
    """Read a Status cell; None when it is empty or not a status word."""
    if not text:
        return None
    key = _squeeze(str(text))
    for candidate in (key, key.replace("-", " ").replace("_", " ")):
        if candidate in _EXACT:
            return _EXACT[candidate]
    for member in Status:
        if key in (member.value, member.value.replace("_", " ")):
            return member
    return status_in_text(key)


def status_in_text(text: str | None) -> Status | None:
    """Find a status written inside longer text; None when nothing says one."""
    if not text:
        return None
    lowered = _INTENT.sub(" ", _WORD_HYPHEN.sub(" ", _squeeze(str(text))))
    for status, pattern in _IN_TEXT:
        if pattern.search(lowered):
            return status
    return None
