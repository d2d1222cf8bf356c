"""The command-line face of actionplan: the same services as the window, for scripts and people.

Each command lives in its own module here with a ``register(commands, common)``
function; ``COMMAND_MODULES`` lists them in the order ``--help`` shows them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable, Sequence

from actionplan import __version__
from actionplan.cli.common import (
    EXIT_FAILED,
    EXIT_USAGE,
    Parser,
    UsageError,
    common_options,
    known_errors,
)

log = logging.getLogger(__name__)

COMMAND_MODULES = (
    "actionplan.cli.summary",
    "actionplan.cli.import_",
    "actionplan.cli.demo",
    "actionplan.cli.backup",
    "actionplan.cli.report",
    "actionplan.cli.yearly_report",
    "actionplan.cli.snapshot",
    "actionplan.cli.export",
    "actionplan.cli.merge_returns",
    "actionplan.cli.plan",
    "actionplan.cli.team",
    "actionplan.cli.activity",
    "actionplan.cli.round",
    "actionplan.cli.recommendations",
)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options and one subcommand per use case."""
    parser = Parser(
        prog="actionplan",
        description="Keep a partnership's action plan. With no command, opens the desktop app.",
        parents=[common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"actionplan {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    common = common_options(suppress=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(commands, common)
    return parser


def _open_window(args: argparse.Namespace) -> int:
    try:
        from actionplan.gui.app import run_app
    except ImportError as exc:
        raise UsageError(f"The desktop app cannot start here: {exc}") from exc
    return run_app(args.db, args.plan)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a failure prints one line on stderr and returns non-zero."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # The window's log file takes more; the terminal only warnings.
    for log_handler in logging.getLogger().handlers:
        log_handler.setLevel(logging.WARNING)
    try:
        args = build_parser().parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _open_window)
        return handler(args)
    except UsageError as exc:
        print(f"actionplan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except known_errors() as exc:
        print(f"actionplan: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("actionplan: stopped.", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"actionplan: {exc.strerror or exc}{where}.", file=sys.stderr)
        return EXIT_FAILED
