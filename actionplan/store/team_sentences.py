"""The sentences a publish or checkout says about a row it could not copy as it stood."""

from __future__ import annotations

from collections import Counter
from typing import Any

from actionplan.store.team_parts import ACTIONS, LEAD_LINKS, PACK, Part, label

# Field names as a user knows them, where the column's own name would not say it.
FIELD_WORDS = {
    "text": "words",
    "ref": "reference",
    "how_we_know": "how we will know",
    LEAD_LINKS: "leads",
    ACTIONS: "actions answering it",
    "rolled_to_plan_id": "plan rolled forward to",
    "from_action_id": "action carried from",
    "from_plan_id": "plan carried from",
    PACK: "board pack settings",
    "timescale_kind": "timescale",
    "start_date": "timescale",
    "due_date": "timescale",
    "position": "place in the order",
    "priority_id": "priority",
    "outcome_id": "outcome",
    "action_id": "action",
    "measure_id": "measure",
}


def field_words(names: list[str]) -> str:
    """The fields, in words, each once: "status, RAG and words"."""
    words: list[str] = []
    for name in names:
        word = FIELD_WORDS.get(name) or name.removesuffix("_raw").replace("_", " ")
        word = "RAG" if word == "rag" else word
        if word not in words:
            words.append(word)
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def both_changed(part: Part, theirs: dict[str, Any], names: list[str]) -> str:
    """A row whose fields were changed both offline and on the server since it was copied."""
    who = str(theirs.get("changed_by") or "") or "a colleague"
    return (
        f"{_capital(label(part, theirs))}: the {field_words(names)} changed both in the file and "
        f"on the server (by {who}), so the server's were kept and the file's were not published."
    )


def gone_there(part: Part, row: dict[str, Any]) -> str:
    """A row changed offline that was removed on the server meanwhile."""
    return (
        f"{_capital(label(part, row))} was removed on the server, so the changes made to it in "
        "the file were not published."
    )


def kept_there(part: Part, theirs: dict[str, Any]) -> str:
    """A row removed offline that was changed on the server meanwhile."""
    return (
        f"{_capital(label(part, theirs))} was removed in the file but changed on the server "
        "since, so it was kept there."
    )


def kept_answering(part: Part, theirs: dict[str, Any]) -> str:
    """A recommendation removed offline that answers actions the file never held."""
    return (
        f"{_capital(label(part, theirs))} was removed in the file but is also answered by "
        "actions the file does not hold, so it was kept on the server."
    )


def not_copied(part: Part, row: dict[str, Any]) -> str:
    """A row that names a row the target no longer has."""
    return (
        f"{_capital(label(part, row))} was not copied: what it belongs to was removed on the "
        "other side."
    )


def closed_there(title: str) -> str:
    """A plan closed on the server since the file's copy, with changes made in the file."""
    return (
        f"'{title}' was closed on the server since the file's copy, so the changes made to it "
        "in the file were not published: reopen it on the server, then publish again."
    )


def left_behind(title: str, rows: list[tuple[Part, dict[str, Any]]]) -> list[str]:
    """One sentence for each plan a copied plan names but that was not copied with it."""
    carried_from: Counter[str] = Counter()
    said: list[str] = []
    for part, row in rows:
        if part.name == "carried_action":
            carried_from[str(row.get("from_plan_title") or "last year's plan")] += 1
        elif part.name == "plan_closure":
            said.append(
                f"'{title}' was rolled forward to '{row.get('rolled_to_title') or 'a new plan'}', "
                "which was not copied with it, so the copy names that plan in words only."
            )
    for other, count in carried_from.items():
        actions = "1 action of '{}' was" if count == 1 else f"{count} actions of '{{}}' were"
        said.append(
            actions.format(title) + f" carried forward from '{other}', which was not copied "
            "with it, so the copy names where each came from in words only."
        )
    return said


def answered_elsewhere(count: int) -> str:
    """Recommendations copied without their links to actions of plans not copied."""
    which = "1 recommendation is" if count == 1 else f"{count} recommendations are"
    return (
        f"{which} also answered by actions of plans not copied with this one; those links "
        "stay where they were."
    )
