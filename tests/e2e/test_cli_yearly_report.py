"""`actionplan yearly-report` runs as a real process: the chapter written, or one line why not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.editing import ActionDraft, add_action, add_priority
from actionplan.services.plans import create_plan
from actionplan.services.progress import ProgressEntry, record_progress
from actionplan.store.database import Database
from tests.e2e.test_cli import run
from tests.reports.docx_helpers import all_text, headings, opened


def _plan(path: Path) -> None:
    db = Database.open(path)
    plan = create_plan(db, "Ealdham SCP Plan 2024-25", "Ealdham SCP")
    neglect = add_priority(db, plan.id, "Neglect", champion="Ruth Okafor")
    audit = add_action(db, neglect, ActionDraft(text="Audit <neglect> & drift", lead="Health"))
    entry = ProgressEntry(audit, date(2024, 9, 1), Rag.BLUE, Status.COMPLETE, "Audit done", "")
    record_progress(db, entry)
    db.close()


def test_yearly_report_writes_the_chapter_and_says_where(tmp_path: Path) -> None:
    """`yearly-report OUT.docx --from --to` writes a Word file with the chapter's headings."""
    db, out = tmp_path / "plan.db", tmp_path / "chapter.docx"
    _plan(db)
    result = run(
        "--db", str(db), "yearly-report", str(out), "--from", "2024-04-01", "--to", "2025-03-31",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote the yearly report chapter to {out}"
    document = opened(out)
    assert headings(document)[:2] == [
        ("Heading 1", "Progress against our priorities"),
        ("Heading 2", "Priority 1: Neglect"),
    ]
    assert "Audit <neglect> & drift (lead: Health)" in all_text(document)


def test_yearly_report_refuses_a_bad_template_in_one_line(tmp_path: Path) -> None:
    """A template that is not a Word file: one line on stderr, exit 1, no file."""
    db, out, theirs = tmp_path / "plan.db", tmp_path / "chapter.docx", tmp_path / "logo.png"
    _plan(db)
    theirs.write_bytes(b"\x89PNG\r\n")
    result = run(
        "--db", str(db), "yearly-report", str(out), "--from", "2024-04-01", "--to", "2025-03-31",
        "--template", str(theirs),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "actionplan: 'logo.png' is not a Word document (.docx), so it cannot be used."
    ]
    assert not out.exists()


def test_yearly_report_needs_its_period(tmp_path: Path) -> None:
    """Without --from the command says which option is missing, in one line."""
    db = tmp_path / "plan.db"
    _plan(db)
    result = run("--db", str(db), "yearly-report", str(tmp_path / "c.docx"), "--to", "2025-03-31")
    assert result.returncode != 0
    assert "--from" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
