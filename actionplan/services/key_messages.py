"""The key messages on page 1 of the board pack, drafted from the plan's own figures.

Up to five short sentences, in the order a chair reads them: what went red since the last
board and why, what is overdue longest, what completed, which measure moved most, and where
the plan stands overall. Each is drafted only when the figures give it something true to
say. The window shows the drafts for the user to rewrite before printing; what they keep is
stored with the pack's settings and printed instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from actionplan.domain.measures import Direction, Trend, trend
from actionplan.domain.movement import Movement
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.domain.timescale import format_due
from actionplan.domain.wording import counted
from actionplan.reports.board_pack_data import ActionLine, BoardPackData, MeasureLine

MOST_MESSAGES = 5
LONGEST = 220  # characters: one message reads as one short sentence
MOST_NAMED = 3  # actions named in one message before "and N more"
_WORDS = 45  # characters of an action's words kept beside its ref
_REASON = 60
_TREND_WORDS = {Trend.IMPROVING: "better", Trend.WORSENING: "worse"}


def draft_key_messages(pack: BoardPackData) -> list[str]:
    """Up to five plain sentences a chair would want first, each from the pack's figures."""
    drafts = (
        _went_red(pack),
        _longest_overdue(pack),
        _completed(pack),
        _measure_moved(pack),
        _position(pack),
    )
    return [d for d in drafts if d][:MOST_MESSAGES]


def shortened(text: str, most: int) -> str:
    """The text on one line, cut at a word with "…" when longer than ``most`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= most:
        return flat
    cut = flat[: most - 1]
    if flat[most - 1] != " " and " " in cut:  # the cut falls inside a word: drop that word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–-") + "…"


def _named(action: ActionLine, words: int = _WORDS) -> str:
    """ "2.3 Audit of neglect cases": the ref with the start of the action's words."""
    return " ".join(filter(None, [" ".join(action.ref.split()), shortened(action.text, words)]))


def _ref(action: ActionLine, words: int = _WORDS) -> str:
    """The action's ref, or the start of its words when it has none."""
    return " ".join(action.ref.split()) or shortened(action.text, words)


def _listed(names: Sequence[str], more: int = 0) -> str:
    """ "a", "a and b", "a, b and c", "a, b and 3 more"."""
    items = [*names, f"{more:,} more"] if more else list(names)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _fitted(
    head: str,
    actions: Sequence[ActionLine],
    item: Callable[[ActionLine, int], str],
    including: bool = False,
) -> str:
    """``head: item, item and N more.`` naming as many actions as fit in one short sentence
    (``head, including item, item and item.`` when ``including``); ``item(action, words)``
    words an action with its text cut to ``words`` characters."""
    sentence = ""
    for words in (_WORDS, 25):
        for shown in range(min(MOST_NAMED, len(actions)), 0, -1):
            names = [item(a, words) for a in actions[:shown]]
            more = len(actions) - shown
            if including and more:
                sentence = _sentence(f"{head}, including {_listed(names)}")
            else:
                sentence = _sentence(f"{head}: {_listed(names, more)}")
            if len(sentence) <= LONGEST:
                return sentence
    return shortened(sentence, LONGEST)


def _sentence(text: str) -> str:
    """The text with its full stop (none after a closing "…")."""
    return text if text.endswith(("…", ".")) else f"{text}."


def _board(pack: BoardPackData) -> str:
    assert pack.comparison is not None
    return f"the board of {format_due(pack.comparison.taken_on)}"


def _went_red(pack: BoardPackData) -> str:
    """Which actions went red since the last board, with the lead's reason when given."""
    if pack.comparison is None:
        return ""
    red = [a for a in pack.actions if a.rag is Rag.RED and a.movement is Movement.WORSE]
    if not red:
        return ""
    head = f"{counted(len(red), 'action')} went red since {_board(pack)}"
    return _fitted(head, red, _with_reason)


def _with_reason(action: ActionLine, words: int) -> str:
    reason = shortened(action.rag_reason, _REASON if words == _WORDS else 30)
    why = f" (lead's reason: “{reason}”)" if reason else ""
    return f"{_named(action, words)}{why}"


def _longest_overdue(pack: BoardPackData) -> str:
    """The action overdue longest: when it was due, how long ago, and who leads it."""
    overdue = [a for a in pack.actions if a.days_overdue > 0 and a.due_date is not None]
    if not overdue:
        return ""
    worst = max(overdue, key=lambda a: a.days_overdue)  # the first in plan order on a tie
    # "Longest overdue: 1.4 Launch the panel, due 30 Jun 2025, 168 days ago; lead: Police."
    # The action's words come after the label, so a shortened one still reads as a sentence.
    how = "Longest overdue" if len(overdue) > 1 else "Overdue"
    ago = f"{counted(worst.days_overdue, 'day')} ago"
    lead = shortened(worst.lead, 50).rstrip(".")
    led = f"; lead: {lead}" if lead else ""
    return _sentence(f"{how}: {_named(worst)}, due {format_due(worst.due_date)}, {ago}{led}")


def _completed(pack: BoardPackData) -> str:
    """What completed since the last board (with no board, what is complete in the plan)."""
    if pack.comparison is not None:
        done = [a for a in pack.actions if a.completed_since_board]
        head = f"{counted(len(done), 'action')} completed since {_board(pack)}"
    else:
        done = [a for a in pack.actions if a.complete]
        head = f"{counted(len(done), 'action')} {'is' if len(done) == 1 else 'are'} complete"
    if not done:
        return ""
    return _fitted(head, done, _ref, including=True)


@dataclass(frozen=True)
class _Move:
    """A measure's last two readings with a value."""

    measure: MeasureLine
    before: tuple[str, float]
    after: tuple[str, float]

    @property
    def size(self) -> float:
        """The change relative to the earlier reading."""
        return abs(self.after[1] - self.before[1]) / abs(self.before[1])


def _moves(measures: Sequence[MeasureLine]) -> list[_Move]:
    """Each measure whose last two readings differ, from an earlier reading that is not 0."""
    found = []
    for m in measures:
        present = [(r.period_label, r.value) for r in m.readings if r.value is not None]
        if len(present) < 2:
            continue
        (p1, v1), (p2, v2) = present[-2:]
        if v1 is not None and v2 is not None and v1 != 0 and v1 != v2:
            found.append(_Move(m, (p1, v1), (p2, v2)))
    return found


def _measure_moved(pack: BoardPackData) -> str:
    """The measure that moved most between its last two readings, better or worse."""
    moves = _moves(pack.measures)
    if not moves:
        return ""
    move = max(moves, key=lambda m: m.size)  # the first in the pack's order on a tie
    m = move.measure
    went = "moved most:" if len(moves) > 1 else "moved from"
    word = _TREND_WORDS.get(trend(m.direction, move.before[1], move.after[1]), "")
    judged = f", {word}" if word and m.direction is not Direction.NONE else ""
    span = f"{_reading(move.before, m.unit)} to {_reading(move.after, m.unit)}"
    return _sentence(shortened(f"{shortened(m.name, 70)} {went} {span}{judged}", LONGEST - 1))


def _reading(reading: tuple[str, float], unit: str) -> str:
    """ "22% in 2023/24": the value as the impact table prints it, with its period."""
    label, value = reading
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    unit = unit.strip()
    text = f"{text}%" if unit == "%" else f"{text} {unit.lower()}" if _is_time(unit) else text
    period = shortened(label, 20)
    return f"{text} in {period}" if period else text


def _is_time(unit: str) -> bool:
    """A unit of time ("Weeks") reads after the number; others ("Rate") would not."""
    return unit.lower().rstrip("s") in ("hour", "day", "week", "month", "year")


def _position(pack: BoardPackData) -> str:
    """Where the plan stands: RAG counts, or status counts for a plan with no RAG at all."""
    actions = pack.actions
    if not actions:
        return ""
    across = len(pack.priorities)
    scope = f" across {counted(across, 'priority', 'priorities')}" if across > 1 else ""
    parts = _rag_parts(pack) if pack.rated else _status_parts(actions)
    overdue = f"{pack.tally.overdue:,} overdue" if pack.tally.overdue else "none overdue"
    return f"{counted(len(actions), 'action')}{scope}: {_listed(parts)}; {overdue}."


def _rag_parts(pack: BoardPackData) -> list[str]:
    counts = pack.counts
    named = [
        (counts.red, "red"),
        (counts.amber, "amber"),
        (counts.green, "green"),
        (counts.blue, "blue (complete)"),
        (counts.unrated, "not rated"),
    ]
    return [f"{n:,} {word}" for n, word in named if n]


def _status_parts(actions: Sequence[ActionLine]) -> list[str]:
    parts = []
    for status in Status:
        n = sum(a.status is status for a in actions)
        word = "with no status recorded" if status is Status.NOT_RECORDED else status.word.lower()
        if n:
            parts.append(f"{n:,} {word}")
    return parts
