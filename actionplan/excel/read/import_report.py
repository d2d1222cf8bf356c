"""What an import found, sheet by sheet: mapping, counts, notes and every warning."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from actionplan.domain.plan_data import MeasureData, PlanData
from actionplan.domain.rag import RAG_ORDER, Rag
from actionplan.domain.rules import rag_tally
from actionplan.excel.errors import quoted

LAYOUT_NAMES = {
    "priorities": "priorities action plan",
    "business": "business plan (a heading per priority)",
    "tracker": "tracker (one row per action)",
    "csv": "CSV table",
}


@dataclass
class SheetReport:
    """One sheet: what it was used for, its header rows, mapping lines, counts and warnings."""

    name: str
    role: str = "skipped"  # "actions", "champions", "indicators", "narrative" or "skipped"
    header_rows: list[int] = field(default_factory=list)
    mapping: list[str] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)  # columns not read, by heading and letter

    def warn(self, row: int | None, text: str) -> None:
        """Add a warning naming this sheet (and row): "Sheet 'X', row 5: ..."."""
        where = f"Sheet {quoted(self.name)}" + (f", row {row}" if row else "")
        self.warnings.append(f"{where}: {text}")

    def heading(self) -> str:
        """The sheet's first line in the report."""
        if self.role == "skipped":
            return f"Sheet {quoted(self.name)}: skipped ({'; '.join(self.notes) or 'not used'})"
        rows = ", ".join(str(row) for row in self.header_rows)
        label = "header row" if len(self.header_rows) == 1 else "header rows"
        return f"Sheet {quoted(self.name)}: {self.role}, {label} {rows}"

    def unused_line(self) -> str:
        """ "Not used: 'Budget code' (column D); column E (no heading)", or "" for none."""
        return "Not used: " + "; ".join(self.unused) if self.unused else ""

    def lines(self) -> list[str]:
        """The sheet's lines: heading, mapping, counts and notes (warnings come at the end)."""
        lines = [self.heading()]
        if self.role == "skipped":
            return lines
        lines += [f"  {line}" for line in self.mapping]
        if self.unused:
            lines.append(f"  {self.unused_line()}")
        if self.counts:
            lines.append(
                "  Found: " + ", ".join(_count(n, what) for what, n in self.counts.items())
            )
        lines += [f"  {note}" for note in self.notes]
        return lines


@dataclass
class ImportReport:
    """Everything the preview shows before anything is written."""

    filename: str
    layout: str = ""
    title: str = ""
    sheets: list[SheetReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # about the workbook as a whole
    totals: Counter[str] = field(default_factory=Counter)
    rag: Counter[Rag] = field(default_factory=Counter)

    def all_warnings(self) -> list[str]:
        """Every warning: the workbook's, then each sheet's in order."""
        return self.warnings + [w for sheet in self.sheets for w in sheet.warnings]

    def count_plan(self, plan: PlanData) -> None:
        """Fill in the totals and RAG counts from the plan read."""
        actions = [a for p in plan.priorities for a in p.actions]
        readings = sum(len(m.readings) for m in _measures(plan))
        self.totals = Counter(
            priorities=len(plan.priorities),
            outcomes=sum(len(p.outcomes) for p in plan.priorities),
            actions=len(actions),
            measures=plan.measure_count,
            readings=readings,
            updates=sum(len(a.updates) for a in actions),
        )
        self.rag = Counter(rag_tally(action.rag for action in actions))
        narratives = sum(len(p.narratives) for p in plan.priorities)
        comparators = sum(len(m.comparators) for m in _measures(plan))
        if narratives:
            self.totals["narratives"] = narratives
        if comparators:
            self.totals["comparators"] = comparators

    def lines(self) -> list[str]:
        """The whole report as lines a person reads."""
        layout = LAYOUT_NAMES.get(self.layout, self.layout)
        lines = [f"{self.filename}: {layout}", f"Plan: {self.title}"]
        for sheet in self.sheets:
            lines += sheet.lines()
        lines.append("Total: " + ", ".join(_count(n, what) for what, n in self.totals.items()))
        rag = ", ".join(f"{self.rag[r]} {r.word.lower()}" for r in RAG_ORDER)
        lines.append(f"RAG: {rag}")
        warnings = self.all_warnings()
        lines.append(f"Warnings: {len(warnings)}" if warnings else "Warnings: none")
        lines += [f"  {warning}" for warning in warnings]
        return lines


def _measures(plan: PlanData) -> list[MeasureData]:
    on_actions = [m for p in plan.priorities for a in p.actions for m in a.measures]
    return plan.measures + [m for p in plan.priorities for m in p.measures] + on_actions


def _count(number: int, what: str) -> str:
    if number == 1 and what.endswith("s"):
        what = what[:-1] if not what.endswith("ies") else what[:-3] + "y"
    return f"{number} {what}"
