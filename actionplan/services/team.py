"""Moving plans to a team's server (publish) and back into a file for offline work (checkout).

A business manager publishes the plans of a file to the team's PostgreSQL server; a lead
going offline checks a plan out into a file, works on it, and publishes it back, where
what changed offline is merged row by row and field by field under the same rules as the
app: a change made on both sides is a conflict the server wins, told in a sentence.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from actionplan.services.errors import ServiceError
from actionplan.services.plans import chosen_plan, list_plans
from actionplan.store.backup import backup_sqlite_file
from actionplan.store.database import Database, is_open_here
from actionplan.store.target import is_url, resolve_target, shown_target
from actionplan.store.team import PlanCopied, checkout_plan, linked_plan, publish_plans, server_plan

__all__ = ["CheckedOut", "PlanCopied", "checkout", "publish"]


@dataclass(frozen=True)
class CheckedOut:
    """A plan checked out into a file, and the earlier checkout kept aside, if any."""

    copied: PlanCopied
    file: Path
    earlier_kept_as: Path | None


def publish(from_file: Path, server_target: str | None, plan_name: str | None) -> list[PlanCopied]:
    """Publish the file's plans (or the one named) to the server; the server is changed in one
    transaction, all or nothing. Conflicts are in each result's ``conflicts``."""
    source = _open_file(from_file)
    try:
        plans = [chosen_plan(source, plan_name)] if plan_name else list_plans(source)
        if not plans:
            raise ServiceError(f"The file '{from_file}' holds no plan to publish.")
        server = _open_server(server_target)
        try:
            return publish_plans(source, server, [plan.id for plan in reversed(plans)])
        finally:
            server.close()
    finally:
        source.close()


def checkout(server_target: str | None, plan_name: str | None, to_file: Path) -> CheckedOut:
    """Copy a plan from the server into a new file for offline work. An existing file is only
    replaced when it is an earlier checkout of the same plan, and it is kept aside first."""
    to_file = to_file.expanduser()
    server = _open_server(server_target)
    try:
        plan = chosen_plan(server, plan_name)
        earlier = _earlier_checkout(to_file, server, plan.id)
        partial = to_file.with_name(f".{to_file.name}.{uuid.uuid4().hex[:8]}.partial")
        try:
            copied = _copy_into_new_file(server, plan.id, partial)
            kept = _keep_aside(to_file) if earlier else None
            os.replace(partial, to_file)
        finally:
            partial.unlink(missing_ok=True)
    finally:
        server.close()
    return CheckedOut(copied, to_file, kept)


def _open_file(path: Path) -> Database:
    path = path.expanduser()
    if is_url(str(path)):
        raise ServiceError("Give the file to publish as a file path, not a database address.")
    if not path.is_file():
        raise ServiceError(f"There is no file '{path}' to publish.")
    if path.stat().st_size == 0:
        raise ServiceError(f"'{path}' is empty, not an actionplan database.")
    source = Database.open(path)
    try:
        source.check_whole()
    except BaseException:
        source.close()
        raise
    return source


def _open_server(target: str | None) -> Database:
    text = resolve_target(target)
    if not text.startswith("postgresql"):
        raise ServiceError(
            "Give the team's server with --db postgresql+psycopg://user@host/database."
        )
    return Database.open(text)


def _earlier_checkout(to_file: Path, server: Database, plan_id: int) -> bool:
    """True when the file is an earlier checkout of this plan; refuses any other file."""
    if not to_file.exists():
        if not to_file.parent.is_dir():
            raise ServiceError(f"The folder '{to_file.parent}' does not exist.")
        return False
    if is_open_here(to_file):
        raise ServiceError(f"'{to_file}' is open in the app; close it before checking out again.")
    refusal = ServiceError(
        f"'{to_file}' already exists and is not an earlier checkout of this plan; choose a new "
        "file name."
    )
    if not to_file.is_file() or to_file.stat().st_size == 0:
        raise refusal
    earlier = Database.open(to_file)
    try:
        # Only a file holding that plan alone: a file with other plans is someone's own work.
        linked = linked_plan(earlier, server_plan(server, plan_id))
        if linked is None or [plan.id for plan in list_plans(earlier)] != [linked]:
            raise refusal
    finally:
        earlier.close()
    return True


def _copy_into_new_file(server: Database, plan_id: int, path: Path) -> PlanCopied:
    target = Database.open(path)
    try:
        return checkout_plan(server, plan_id, target)
    finally:
        target.close()


def _keep_aside(to_file: Path) -> Path:
    """Copy the earlier checkout aside, so nothing it held that was not published is lost."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = to_file.with_name(f"{to_file.stem}.before-checkout-{stamp}{to_file.suffix}")
    return backup_sqlite_file(to_file, kept)


def shown_server(target: str | None) -> str:
    """The server as it may be shown (its password masked)."""
    return shown_target(resolve_target(target))
