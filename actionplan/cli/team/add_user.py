"""`actionplan team add-user NAME --role ROLE [--lead NAME]`: a person's login in the team.

The password is asked for at a prompt (twice), or read as one line from standard input when
that is not a terminal; it is never taken from the command line, where others could see it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from actionplan.cli.common import UsageError
from actionplan.cli.team import open_team_database

ROLES = ("manager", "lead", "reader")


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the add-user subcommand."""
    parser = commands.add_parser(
        "add-user",
        parents=[common],
        help="give a person their own login with a role: manager, lead or reader",
        description="Run as the database's owner. An existing login keeps its password "
        "and takes the role given.",
    )
    parser.add_argument("name", metavar="NAME", help="the person's login")
    parser.add_argument("--role", required=True, choices=ROLES, help="what they may do")
    parser.add_argument(
        "--lead",
        metavar="LEAD",
        default="",
        help='for a lead: their name as the plan gives it, e.g. "Ana Novak"',
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Add the person and say what they may now do."""
    from actionplan.services.team_members import add_member, is_new_login

    with open_team_database(args) as db:
        password = _password(args.name) if is_new_login(db, args.name) else None
        plans = add_member(db, args.name, args.role, password, args.lead)
        tied = f" tied to the lead '{args.lead}' in {_plans(plans)}" if args.lead else ""
        kept = "" if password is not None else " (an existing login: its password is unchanged)"
        print(f"{args.name} is a {args.role} of {db.shown}{tied}{kept}.")
    return 0


def _plans(count: int) -> str:
    return "1 plan" if count == 1 else f"{count} plans"


def _password(name: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline()
        if not line.strip():
            raise UsageError(f"give {name}'s new password as one line on standard input.")
        return line.rstrip("\r\n")
    first = getpass.getpass(f"New password for {name}: ")
    if first != getpass.getpass("The same again: "):
        raise UsageError("the two passwords differ; nothing was changed.")
    return first
