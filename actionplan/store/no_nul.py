"""Text reaches every database without U+0000, so a file and a server keep the same words.

PostgreSQL's text cannot hold the NUL character at all, and neither can the XML inside
the .xlsx and .docx files the app writes; nobody types it, but a pasted or imported value
can carry one. Rather than a save that works on one person's file and fails on the team's
server, every string sent to either engine has it dropped, in one place every statement
passes through: the ORM's writes, Core writes and the migrations alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Engine, event

NUL = "\x00"


def drop_nul_from_text(engine: Engine) -> None:
    """Make every statement on the engine send its strings without U+0000."""
    event.listen(engine, "before_cursor_execute", _clean_parameters, retval=True)


def _clean_parameters(
    _connection: Any,
    _cursor: Any,
    statement: str,
    parameters: Any,
    _context: Any,
    executemany: bool,
) -> tuple[str, Any]:
    # Many rows come as a list of rows; SQLAlchemy's batched inserts of many rows still
    # say "executemany" while passing one mapping for the whole batch.
    if executemany and not isinstance(parameters, Mapping):
        return statement, [_clean(row) for row in parameters]
    return statement, _clean(parameters)


def _clean(parameters: Any) -> Any:
    if isinstance(parameters, Mapping):
        if not any(_has_nul(value) for value in parameters.values()):
            return parameters
        return {key: _without_nul(value) for key, value in parameters.items()}
    if isinstance(parameters, (tuple, list)):
        if not any(_has_nul(value) for value in parameters):
            return parameters
        return type(parameters)(_without_nul(value) for value in parameters)
    return parameters


def _has_nul(value: Any) -> bool:
    return isinstance(value, str) and NUL in value


def _without_nul(value: Any) -> Any:
    return value.replace(NUL, "") if isinstance(value, str) else value
