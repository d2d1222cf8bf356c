"""What column headings mean: the words partnerships use for each field, matched on meaning."""

from __future__ import annotations

import re

# The fields an action sheet's columns can carry, in the order reports list them.
ACTION_FIELDS = (
    "priority",
    "aim",
    "outcome",
    "ref",
    "action",
    "how_we_know",
    "lead",
    "agency",
    "email",
    "timescale",
    "due_date",
    "status",
    "rag",
    "update",
    "update_date",
    # A priority's narrative, when the action sheet carries it in columns of its own.
    "done",
    "analysis",
    "impact",
    "next_steps",
)
STORY_FIELDS = ("done", "analysis", "impact", "next_steps")
IGNORE = "ignore"

_ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "priority": (
        "priority", "priorities", "key priority", "key priority area", "key priority areas",
        "priority area", "priority areas", "strategic priority", "priority name",
        "priority title", "theme", "workstream", "work stream", "area of focus", "focus area",
        "key area", "key priority area kpa",
    ),
    "aim": (
        "aim", "aims", "impact we aspire to achieve", "impact we want to achieve",
        "impact we aspire to", "what we want to achieve", "what we aim to achieve", "ambition",
        "intended impact", "desired impact", "priority aim", "purpose", "why",
    ),
    "outcome": (
        "outcome", "outcomes", "expected outcome", "expected outcomes", "desired outcome",
        "desired outcomes", "intended outcome", "intended outcomes", "objective", "objectives",
        "goal", "goals", "sub priority",
    ),
    "ref": (
        "ref", "refs", "reference", "ref no", "ref number", "reference number", "no", "number",
        "action no", "action number", "action ref", "id", "item", "item no", "#",
    ),
    "action": (
        "action", "actions", "action required", "actions required", "key actions",
        "key action", "action to be taken", "actions to be taken", "what we will do",
        "what will we do", "what we are going to do", "activity", "activities", "task",
        "tasks", "action activity", "description", "action description", "deliverable",
        "deliverables", "how will we do it", "how we will do it", "planned action",
        "planned actions", "intention", "intentions",
    ),
    "how_we_know": (
        "how will we know if we are making a difference", "how will we know",
        "how we will know", "how do we know", "how will we measure success",
        "how we will measure success", "how will we know we have made a difference",
        "success measure", "success measures", "outcome measure", "outcome measures",
        "measure", "measures", "measure of success", "measures of success",
        "success criteria", "evidence", "evidence of impact", "impact measure",
        "impact measures", "kpi", "kpis", "performance measure", "performance measures",
        "indicator", "indicators", "measure of impact", "measures of impact",
    ),
    "lead": (
        "who", "lead", "leads", "lead s", "lead officer", "lead officers", "responsible",
        "responsible officer", "responsible officers", "responsible person", "responsibility",
        "lead person", "lead people", "owner", "owners", "action owner", "owned by",
        "by whom", "accountable", "named lead", "lead responsible", "who is responsible",
        "lead name", "lead contact",
    ),
    "agency": (
        "agency", "lead agency", "agencies", "organisation", "organization",
        "lead organisation", "lead organization", "partner", "partner agency", "service",
        "lead service",
    ),
    "email": (
        "email", "e mail", "email address", "e mail address", "lead email", "lead e mail",
        "lead email address", "contact email", "lead contact email", "email of lead",
    ),
    "timescale": (
        "when", "timescale", "timescales", "by when", "timeframe", "timeframes", "time frame",
        "timing", "timings", "timeline", "time scale", "time scales",
    ),
    "due_date": (
        "due", "due date", "target date", "deadline", "completion date",
        "target completion date", "date due", "end date", "due by", "target",
        "date for completion", "target completion", "date to be completed by", "complete by",
    ),
    "status": (
        "status", "progress status", "current status", "action status", "state",
        "status of action", "delivery status",
    ),
    "rag": (
        "rag", "r a g", "rag status", "rag rating", "rating", "brag", "b rag", "brag rating",
        "brag status", "rag b", "overall rag", "current rag", "rag r a g b", "rag rating r a g",
        "rag rating r a g b", "red amber green", "rag status r a g b",
    ),
    "update": (
        "update", "updates", "latest update", "progress", "progress update",
        "progress updates", "progress to date", "progress notes", "comments", "comment",
        "commentary", "notes", "latest position", "current position", "update on progress",
        "progress comments", "progress and comments", "latest progress", "progress made",
    ),
    "update_date": (
        "date of update", "update date", "date updated", "last updated", "updated",
        "date of last update", "updated on", "as at", "date last updated", "progress date",
        "date of latest update", "latest update date",
    ),
    # Narrative columns: the annual reports' annex, or Walsall's Intention / Still to do /
    # Implementation / Impact. Listed exactly, so they win over the keyword rules below.
    "done": (
        "what has been done", "what we have done", "what we did", "what was done",
        "implementation",
    ),
    "analysis": ("analysis of progress", "analysis", "progress analysis"),
    "impact": (
        "impact of work", "impact", "impact of the work", "difference made",
        "what difference has it made",
    ),
    "next_steps": ("next steps", "still to do", "what next", "next actions"),
}  # fmt: skip

# Keyword rules for headings the table does not list, tried in this order.
_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"\be ?mails?\b", "email"),
        (r"\bhow\b.*\bknow\b", "how_we_know"),
        (r"\b(measures?|success|kpis?|evidence)\b", "how_we_know"),
        (r"\b(b?rag)\b", "rag"),
        (r"\bstatus\b", "status"),
        (r"\b(updates?|updated|progress|comments?)\b.*\bdate\b", "update_date"),
        (r"\bdate\b.*\b(updates?|updated|progress)\b", "update_date"),
        (r"\b(updates?|progress|comments?|commentary)\b", "update"),
        (r"\b(date|deadline|due)\b", "due_date"),
        (r"\b(when|timescales?|timeframes?)\b", "timescale"),
        (r"\b(lead|leads|who|responsib\w*|owners?)\b", "lead"),
        (r"\b(agency|agencies|organi[sz]ation)\b", "agency"),
        (r"\boutcomes?\b", "outcome"),
        (r"\b(aims?|impact)\b", "aim"),
        (r"\bpriority\b", "priority"),
        (r"\b(actions?|activity|activities|tasks?)\b", "action"),
        (r"\bref\b", "ref"),
    )
)
_LOOKUP = {word: name for name, words in _ACTION_WORDS.items() for word in words}
_NOT_WORD = re.compile(r"[^\w#]+")
_MAX_KEYWORD_WORDS = 8
_MAX_HEADER_CHARS = 120


def normalise_header(text: str) -> str:
    """Lower case, "&" as "and", punctuation as spaces: "Lead(s)" reads "lead s"."""
    lowered = text.casefold().replace("&", " and ").replace("_", " ")
    return " ".join(_NOT_WORD.sub(" ", lowered).split())


def action_field(header: str) -> tuple[str | None, bool]:
    """The field a heading names and whether the table listed it exactly; (None, False) if none."""
    key = normalise_header(header)
    if not key or len(header) > _MAX_HEADER_CHARS:
        return None, False
    if key in _LOOKUP:
        return _LOOKUP[key], True
    if len(key.split()) > _MAX_KEYWORD_WORDS:
        return None, False
    return next((name for pattern, name in _KEYWORDS if pattern.search(key)), None), False


FIELD_LABELS = {
    "priority": "Priority",
    "aim": "Aim",
    "outcome": "Outcome",
    "ref": "Ref",
    "action": "Action",
    "how_we_know": "How we will know",
    "lead": "Lead",
    "agency": "Agency",
    "email": "Lead email",
    "timescale": "Timescale",
    "due_date": "Due date",
    "status": "Status",
    "rag": "RAG",
    "update": "Latest update",
    "update_date": "Date of update",
    # Narrative and indicators sheets' own fields.
    "period": "Period",
    "done": "What has been done",
    "analysis": "Analysis of progress",
    "impact": "Impact of work",
    "next_steps": "Next steps",
}


def field_label(name: str) -> str:
    """A field's name for people ("how_we_know" reads "How we will know")."""
    return FIELD_LABELS.get(name, name.replace("_", " "))


def field_named(text: str) -> str | None:
    """The field a person named, by its name or its label, in any case ("RAG", "due date")."""
    wanted = " ".join(text.split()).lower()
    if wanted == "not used":
        return IGNORE
    for name in (*ACTION_FIELDS, IGNORE):
        if wanted in (name, name.replace("_", " "), field_label(name).lower()):
            return name
    return None
