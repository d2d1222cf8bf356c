"""A damaged database file: one sentence from every command, and nothing written into it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_cli import run
from tests.e2e.test_cli_import import one_line_failure
from tests.excel.import_books import TRACKER_SAMPLE
from tests.store.big_database import damage, make_big_database


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A plan database whose file has pages overwritten in its middle."""
    return damage(make_big_database(tmp_path / "plan.db", updates=2_000))


@pytest.mark.parametrize(
    "command", [["summary", "--json"], ["export", "{dir}/out.xlsx"], ["report", "{dir}/out.pdf"]]
)
def test_reading_a_damaged_database_says_so_in_one_sentence(
    damaged: Path, command: list[str]
) -> None:
    """No traceback, no query, no lead's name: the file is damaged, restore a backup."""
    words = [word.format(dir=damaged.parent) for word in command]
    line = one_line_failure(run(*words, "--db", str(damaged)))
    assert "is damaged" in line and str(damaged) in line
    assert "Ana Novak" not in line and "SELECT" not in line


def test_import_refuses_to_write_into_a_damaged_database(damaged: Path) -> None:
    """The new plan is not added to a damaged file: its bytes are as they were."""
    before = damaged.read_bytes()
    line = one_line_failure(run("import", str(TRACKER_SAMPLE), "--db", str(damaged)))
    assert "is damaged" in line
    assert damaged.read_bytes() == before
