"""The board pack's document properties (title, subject, author) read as whole phrases, with
or without a partnership, a "prepared by" and a protective marking."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from actionplan.reports.board_pack import render_board_pack
from actionplan.reports.board_pack_data import BoardPackData, CoverFacts, PrioritySection

AS_OF = date(2025, 3, 31)


def _properties(tmp_path: Path, **cover: str) -> dict[str, str]:
    facts = CoverFacts(cover.pop("partnership", ""), "Priorities Plan", "", AS_OF, **cover)
    out = render_board_pack(
        BoardPackData(facts, (PrioritySection("1", "Neglect"),)), tmp_path / "p.pdf"
    )
    meta = PdfReader(out).metadata
    assert meta is not None
    return {key.lstrip("/"): str(value) for key, value in meta.items()}


def _no_empty_slot(text: str) -> bool:
    return not any(gap in text for gap in (" :", "of :", "  ", ": –", "()", "of  ")) and (
        text == text.strip()
    )


def test_a_plan_with_no_partnership_or_author_has_whole_phrases(tmp_path: Path) -> None:
    """No "action plan of :", no blank keyword, no "(anonymous)" author."""
    meta = _properties(tmp_path)
    assert meta["Title"] == "Priorities Plan – board pack, as at 31 Mar 2025"
    assert meta["Subject"] == (
        "Board pack – Executive summary, exceptions, impact and progress by priority"
    )
    assert meta["Author"] == ""
    assert meta["Keywords"] == "board pack, action plan, executive summary"
    assert all(_no_empty_slot(meta[k]) for k in ("Title", "Subject", "Keywords"))


def test_the_partnership_marking_and_author_are_named_when_given(tmp_path: Path) -> None:
    """With every name: the marking leads the subject, then whose board pack it is."""
    meta = _properties(
        tmp_path,
        partnership="Northbridge SCP",
        prepared_by="Business Unit",
        marking="OFFICIAL-SENSITIVE",
    )
    assert meta["Subject"] == (
        "OFFICIAL-SENSITIVE: Northbridge SCP board pack – Executive summary, exceptions, "
        "impact and progress by priority"
    )
    assert meta["Author"] == "Business Unit"
    assert meta["Keywords"].endswith("executive summary, Northbridge SCP")


def test_a_marking_without_a_partnership_and_a_one_priority_pack(tmp_path: Path) -> None:
    """The marking with no partnership, and the priority a one-priority pack is for; the
    partnership stands in as author when nobody is named as preparing it."""
    meta = _properties(tmp_path, marking="OFFICIAL", priority_filter="Priority 2: Neglect")
    assert meta["Subject"] == (
        "OFFICIAL: Board pack for Priority 2: Neglect – Executive summary, exceptions, "
        "impact and progress by priority"
    )
    assert _properties(tmp_path, partnership="Northbridge SCP")["Author"] == "Northbridge SCP"


def test_names_with_line_breaks_or_control_characters_are_one_clean_line(
    tmp_path: Path,
) -> None:
    """Typed words print as typed on one line: markup stays literal, controls are dropped."""
    meta = _properties(
        tmp_path, partnership="  North\nbridge <b>SCP</b> &\x07 Co ", marking="\tOFFICIAL\r\n"
    )
    assert meta["Subject"].startswith("OFFICIAL: North bridge <b>SCP</b> & Co board pack – ")
    assert "\x07" not in meta["Keywords"] and "\n" not in meta["Keywords"]
