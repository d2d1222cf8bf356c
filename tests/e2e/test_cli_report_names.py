"""`report --partnership … --prepared-by … --cover` run as real processes: the names are kept
with the plan for the next pack, and names that cannot be printed are refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.pack_settings import PackSettings, save_pack_settings
from actionplan.services.plans import create_plan, find_plan, plan_settings
from actionplan.services.views import PlanSettings
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.pdf_helpers import folded, page_texts, pdf_text

PARTNERSHIP = "Ealdham Safeguarding Children Partnership"


def _plan(path: Path) -> None:
    """A plan with no partnership or "prepared by" yet."""
    db = Database.open(path)
    plan = create_plan(db, "Ealdham Plan 2025")
    neglect = add_priority(db, plan.id, "Neglect")
    add_action(db, neglect, ActionDraft(text="Audit neglect cases", rag="R", timescale="May 2025"))
    db.close()


def _settings(path: Path) -> PlanSettings:
    db = Database.open(path)
    try:
        plan = find_plan(db)
        assert plan is not None
        return plan_settings(db, plan.id)
    finally:
        db.close()


def _report(db: Path, out: Path, *flags: str) -> str:
    result = run("--db", str(db), "report", str(out), "--as-of", "2025-06-30", *flags)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _meta(out: Path) -> dict[str, str]:
    meta = PdfReader(out).metadata
    assert meta is not None
    return {key.lstrip("/"): str(value) for key, value in meta.items()}


def test_names_given_once_are_printed_on_the_next_pack_without_the_flags(tmp_path: Path) -> None:
    """The first report sets the partnership and "prepared by"; the second, with no flags,
    prints them again; an empty --partnership clears it."""
    db, first, second = tmp_path / "plan.db", tmp_path / "first.pdf", tmp_path / "second.pdf"
    _plan(db)
    said = _report(db, first, "--partnership", PARTNERSHIP, "--prepared-by", "Business Unit")
    assert 'The partnership name and "prepared by" are kept with the plan' in said
    assert PARTNERSHIP in pdf_text(first)
    _report(db, second)
    assert PARTNERSHIP in pdf_text(second)
    meta = _meta(second)
    assert meta["Author"] == "Business Unit"
    assert meta["Subject"].startswith(f"{PARTNERSHIP} board pack – ")
    cleared = tmp_path / "cleared.pdf"
    assert "The partnership name is kept" in _report(db, cleared, "--partnership", "")
    assert PARTNERSHIP not in pdf_text(cleared)
    assert _meta(cleared)["Subject"].startswith("Board pack – Executive summary")
    assert _settings(db).prepared_by == "Business Unit"


def test_the_names_are_the_plan_settings_the_window_shows(tmp_path: Path) -> None:
    """What the command line keeps is what Plan settings holds; the rest is untouched."""
    db = tmp_path / "plan.db"
    _plan(db)
    before = _settings(db)
    _report(db, tmp_path / "p.pdf", "--prepared-by", "  Business Unit  ")
    after = _settings(db)
    assert after.prepared_by == "Business Unit"
    assert (after.title, after.partnership, after.marking) == (
        before.title,
        before.partnership,
        before.marking,
    )


def test_cover_puts_a_full_page_cover_before_the_summary(tmp_path: Path) -> None:
    """With --cover, page 1 is the cover: the plan, the partnership and the as-at date, and no
    table of actions."""
    db, out = tmp_path / "plan.db", tmp_path / "cover.pdf"
    _plan(db)
    _report(db, out, "--cover", "--partnership", PARTNERSHIP)
    first = page_texts(out)[0]
    assert "Ealdham Plan 2025" in first and PARTNERSHIP in first and "30 Jun 2025" in first
    assert "Audit neglect cases" not in first


def test_a_failed_report_leaves_the_names_as_they_were(tmp_path: Path) -> None:
    """A pack that is not written (an unknown priority) changes nothing in the plan."""
    db = tmp_path / "plan.db"
    _plan(db)
    before = _settings(db)
    result = run(
        "--db", str(db), "report", str(tmp_path / "x.pdf"),
        "--priority", "Housing", "--partnership", PARTNERSHIP,
    )  # fmt: skip
    assert result.returncode != 0 and "matches no priority" in result.stderr
    assert _settings(db) == before
    assert not list(tmp_path.glob("*.pdf"))


def test_markup_and_right_to_left_names_are_printed_as_typed(tmp_path: Path) -> None:
    """Markup characters print literally; an Arabic name is kept exactly and printed."""
    db, out = tmp_path / "plan.db", tmp_path / "p.pdf"
    _plan(db)
    markup, arabic = '<b>Ealdham</b> & Co\'s "SCP"', "شراكة حماية الأطفال"
    _report(db, out, "--partnership", markup, "--prepared-by", arabic)
    assert markup in pdf_text(out)
    assert (_settings(db).partnership, _settings(db).prepared_by) == (markup, arabic)
    assert folded(_meta(out)["Author"]) == arabic
    assert _meta(out)["Subject"].startswith(f"{markup} board pack")


@pytest.mark.parametrize(
    ("flag", "name", "expected"),
    [
        ("--partnership", "E" * 5000, "is 5,000 characters long: keep it to 200 or fewer"),
        ("--prepared-by", "Business\nUnit", "holds a control character"),
        ("--partnership", "\x1b[31mEaldham\x07", "holds a control character"),
        ("--partnership", "Ealdham\udcff", "holds bytes that are not text"),
    ],
)
def test_names_that_cannot_be_printed_are_refused_in_one_line(
    tmp_path: Path, flag: str, name: str, expected: str
) -> None:
    """A 5,000-character name, a line break, terminal escapes, or bytes that are not text:
    one sentence, no PDF, and the plan's settings unchanged."""
    db = tmp_path / "plan.db"
    _plan(db)
    before = _settings(db)
    result = run("--db", str(db), "report", str(tmp_path / "x.pdf"), flag, name)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert expected in result.stderr
    assert _settings(db) == before
    assert not list(tmp_path.glob("*.pdf"))


def test_the_appendix_saved_in_the_window_is_printed_unless_the_command_says_otherwise(
    tmp_path: Path,
) -> None:
    """With the appendix ticked and saved in the Board pack dialog, `report` with no flag
    prints it, as the window would; --no-appendix leaves it out for this pack only."""
    db, kept, without = tmp_path / "plan.db", tmp_path / "kept.pdf", tmp_path / "without.pdf"
    _plan(db)
    opened = Database.open(db)
    try:
        plan = find_plan(opened)
        assert plan is not None
        save_pack_settings(opened, plan.id, PackSettings(appendix=True))
    finally:
        opened.close()
    _report(db, kept)
    _report(db, without, "--no-appendix")
    assert "Appendix" in pdf_text(kept)
    assert "Appendix" not in pdf_text(without)
    _report(db, without)
    assert "Appendix" in pdf_text(without)
