"""What every command shares: the parser that fails in one line, global options, opening the db."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, NoReturn

from actionplan.services.errors import USER_ERRORS
from actionplan.services.workspace import open_database as open_target

if TYPE_CHECKING:
    from actionplan.services.workspace import Database

EXIT_FAILED = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """The command line itself is wrong; the message says how."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one clear line, not a usage dump."""

    def error(self, message: str) -> NoReturn:  # overrides ArgumentParser.error
        raise UsageError(f"{message} (see '{self.prog} --help').")


def known_errors() -> tuple[type[Exception], ...]:
    """Errors whose message is already the one sentence to print."""
    return (*USER_ERRORS, UsageError)


def parse_as_of(text: str) -> date:
    """Read --as-of, written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"must be a date written YYYY-MM-DD, like 2025-03-31, not '{text}'"
        ) from None


def common_options(*, suppress: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after its name."""
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="TARGET",
        default=default,
        help="database file or SQLAlchemy URL (default: $ACTIONPLAN_DB, else your data folder)",
    )
    common.add_argument(
        "--plan", metavar="NAME", default=default, help="which plan (default: the one added last)"
    )
    common.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        type=parse_as_of,
        default=default,
        help="the plan as it stood at the end of this date: later updates left out, "
        "RAG and status as then, overdue and months without an update judged then",
    )
    return common


def today(args: argparse.Namespace) -> date:
    """The --as-of date, else today."""
    return args.as_of or date.today()


@contextmanager
def open_database(args: argparse.Namespace) -> Iterator[Database]:
    """The database named by --db (or the environment, or the default), closed afterwards."""
    db = open_target(args.db)  # SQLAlchemy loads only when a command runs
    try:
        yield db
    finally:
        db.close()
