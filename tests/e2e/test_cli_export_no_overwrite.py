"""Exports never write over a file without being told to, and never leave a partial file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from tests.e2e.test_cli import run
from tests.e2e.test_cli_import import one_line_failure
from tests.excel.import_books import TRACKER_SAMPLE
from tests.store.big_database import make_big_database


def _imported(tmp_path: Path) -> str:
    db = str(tmp_path / "plan.db")
    assert run("import", str(TRACKER_SAMPLE), "--db", db).returncode == 0
    return db


def test_export_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    """Without --force the file is kept and the one line says how to replace it."""
    db = _imported(tmp_path)
    out = tmp_path / "tracker.xlsx"
    out.write_bytes(b"the board's copy")
    line = one_line_failure(run("export", str(out), "--db", db))
    assert "already exists" in line and "--force" in line
    assert out.read_bytes() == b"the board's copy"
    forced = run("export", str(out), "--force", "--db", db)
    assert forced.returncode == 0, forced.stderr
    assert "Actions" in load_workbook(out, read_only=True).sheetnames


def test_exporting_returns_again_keeps_the_one_a_lead_filled_in(tmp_path: Path) -> None:
    """A return already in the folder is never replaced: the new one gets a name of its own."""
    db = _imported(tmp_path)
    folder = tmp_path / "returns"
    assert run("export", "--returns", str(folder), "--db", db).returncode == 0
    first = sorted(folder.iterdir())
    filled = first[0]
    filled.write_bytes(b"three updates typed by the lead")
    again = run("export", "--returns", str(folder), "--db", db)
    assert again.returncode == 0, again.stderr
    assert filled.read_bytes() == b"three updates typed by the lead"
    assert len(list(folder.iterdir())) == 2 * len(first)


def _has_a_file_open_in(pid: int, folder: Path) -> bool:
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(descriptor).startswith(str(folder)):
                return True
        except OSError:  # closed meanwhile
            continue
    return False


def test_a_killed_export_leaves_no_file_at_all(tmp_path: Path) -> None:
    """Killed while writing a big plan: no workbook, and no hidden partial file either."""
    db = make_big_database(tmp_path / "plan.db")
    folder = tmp_path / "exports"
    folder.mkdir()
    export = subprocess.Popen(
        [sys.executable, "-m", "actionplan", "export", str(folder / "plan.xlsx"), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while export.poll() is None and not _has_a_file_open_in(export.pid, folder):
        pass  # wait until the workbook is being written, then stop it at once
    export.send_signal(signal.SIGKILL)
    export.wait()
    assert list(folder.iterdir()) == []
