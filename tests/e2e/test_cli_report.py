"""`actionplan report` and `actionplan snapshot` run as real processes."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.pdf_helpers import outline_titles, page_texts, pdf_text


def _plan(path: Path) -> None:
    db = Database.open(path)
    plan = create_plan(db, "Ealdham SCP Plan 2025", "Ealdham SCP", prepared_by="Business Unit")
    under_fives = add_priority(db, plan.id, "Under Fives", champion="Ruth Okafor")
    neglect = add_priority(db, plan.id, "Neglect")
    add_action(
        db, under_fives, ActionDraft(text="Safe sleep campaign", rag="R", timescale="May 2025")
    )
    add_action(db, neglect, ActionDraft(text="Audit <neglect> & drift", rag="G", timescale="2026"))
    db.close()


def test_report_writes_a_board_pack_with_every_option(tmp_path: Path) -> None:
    """`report OUT.pdf --as-of --marking --appendix` writes the pack and says where."""
    db, out = tmp_path / "plan.db", tmp_path / "pack.pdf"
    _plan(db)
    result = run(
        "--db", str(db), "report", str(out), "--as-of", "2025-06-30",
        "--marking", "OFFICIAL-SENSITIVE", "--appendix",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote the board pack to {out}"
    pages = page_texts(out)
    assert all(
        "OFFICIAL-SENSITIVE" in page and "Position as at 30 Jun 2025" in page for page in pages
    )
    text = pdf_text(out)
    assert "Priority 1: Under Fives" in text and "Audit <neglect> & drift" in text
    assert "Appendix" in outline_titles(out)
    assert PdfReader(out).metadata.title.startswith("Ealdham SCP Plan 2025 – board pack")  # type: ignore[union-attr]


def test_report_for_one_priority_by_name(tmp_path: Path) -> None:
    """--priority keeps the pack to the named priority."""
    db, out = tmp_path / "plan.db", tmp_path / "one.pdf"
    _plan(db)
    result = run("--db", str(db), "report", str(out), "--priority", "neglect")
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Priority 2: Neglect" in text and "Under Fives" not in text


def test_snapshot_then_report_shows_the_movement(tmp_path: Path) -> None:
    """A snapshot taken at one board is the comparison in the next board's pack."""
    db, out = tmp_path / "plan.db", tmp_path / "pack.pdf"
    _plan(db)
    taken = run("--db", str(db), "snapshot", "Board 12 March", "--as-of", "2025-03-12")
    assert taken.returncode == 0, taken.stderr
    assert (
        "Snapshot 'Board 12 March' of Ealdham SCP Plan 2025 taken as at 2025-03-12" in taken.stdout
    )
    listed = run("--db", str(db), "snapshot", "--list")
    assert "2025-03-12  Board 12 March  (2 actions)" in listed.stdout
    run("--db", str(db), "report", str(out), "--as-of", "2025-03-31")
    assert "Since the board of 12 Mar 2025:" in page_texts(out)[0]


def test_report_mistakes_are_one_clear_line_and_write_nothing(tmp_path: Path) -> None:
    """An unknown priority or a missing folder fails in one sentence with no PDF left."""
    db = tmp_path / "plan.db"
    _plan(db)
    for args, expected in [
        (["report", str(tmp_path / "x.pdf"), "--priority", "Housing"], "matches no priority"),
        (["report", str(tmp_path / "no" / "x.pdf")], "does not exist"),
        (["snapshot"], "give the snapshot a name"),
    ]:
        result = run("--db", str(db), *args)
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert expected in result.stderr
    assert not list(tmp_path.rglob("*.pdf"))
