"""Starting the app: an unexpected error is logged and told plainly, and the app goes on."""

from __future__ import annotations

import logging
from pathlib import Path

from actionplan.gui.app import error_hook, start_logging
from tests.gui.conftest import Answers


def test_unexpected_error_is_logged_and_shown_in_plain_words(
    tmp_path: Path, answers: Answers
) -> None:
    """The user sees what happened and where the log is; the log holds the whole traceback."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    log_path = start_logging(tmp_path / "logs")
    try:
        try:
            raise ZeroDivisionError("the chart had no actions")
        except ZeroDivisionError as exc:
            error_hook(log_path)(type(exc), exc, exc.__traceback__)
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                handler.close()
                root.removeHandler(handler)
        root.setLevel(level)
    [(kind, text)] = answers.said
    assert kind == "warn"
    assert "the chart had no actions" in text and str(log_path) in text
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged
