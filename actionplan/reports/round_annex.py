"""The update round's record as an annex to the board pack: who answered, when, who was chased."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from actionplan.reports.styles import FRAME_WIDTH, para
from actionplan.reports.tables import format_date, plain_table


@dataclass(frozen=True)
class RoundLeadLine:
    """One lead's line of the annex."""

    lead: str
    sent_on: date
    returned_on: date | None
    updated: int
    chased_on: date | None


@dataclass(frozen=True)
class RoundAnnex:
    """The round closed for this board: its name, deadline, closing day and each lead."""

    name: str
    due: date
    closed_on: date
    leads: tuple[RoundLeadLine, ...]

    @property
    def headline(self) -> str:
        """ "Updates received from 11 of 13 leads; not received: …"."""
        answered = [line for line in self.leads if line.returned_on]
        missing = [line.lead for line in self.leads if line.returned_on is None]
        words = f"Updates received from {len(answered)} of {len(self.leads)} leads"
        return f"{words}; not received: {', '.join(missing)}." if missing else f"{words}."


HEADINGS = ("Lead", "Asked", "Returned", "Actions updated", "Chased")
WIDTHS = (0.36, 0.14, 0.16, 0.16, 0.18)


def round_annex_section(annex: RoundAnnex) -> list[Flowable]:
    """The annex's body: the headline, the deadline and a table of every lead asked."""
    rows = [[para(heading, "head") for heading in HEADINGS]]
    for line in annex.leads:
        rows.append([
            para(line.lead, "cell"), para(format_date(line.sent_on), "cell"),
            para(format_date(line.returned_on) if line.returned_on else "not received", "cell"),
            para(str(line.updated) if line.returned_on else "–", "cell"),
            para(format_date(line.chased_on) if line.chased_on else "–", "cell"),
        ])  # fmt: skip
    timing = (
        f"Each lead was asked for an update by {format_date(annex.due)} for the {annex.name}; "
        f"the round closed on {format_date(annex.closed_on)}."
    )
    return [
        para(annex.headline, "body"),
        para(timing, "body"),
        Spacer(1, 6),
        plain_table(rows, [FRAME_WIDTH * share for share in WIDTHS], caption=annex.name),
    ]
