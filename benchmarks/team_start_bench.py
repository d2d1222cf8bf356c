"""Starting on a team's server beside starting on the same plan in its SQLite file, and
one person's saves there.

    python benchmarks/team_start_bench.py [--runs 15] [--delays 0,1,5]

The start is what team_load.py measures (open the database, read the login's rights, read
the first view's 2,000 rows), made by a manager, as median and fastest of ``--runs`` runs
taken in turns (file, server, file, …) so a busy machine weighs on both alike; with the
server's round trips counted for each part. Then a lead's progress save and a manager's
edit of an action's words, alone on the server (median of ``--runs``, round trips
counted). ``--delays`` adds starts and saves through a relay on this PC that holds every
packet back for half the given round trip each way, as a server across a network would
(milliseconds; 0: straight to the server).

Uses the server the PG* variables (or ACTIONPLAN_TEST_PG) name, on this PC only; without
one it runs itself again beside a throwaway server (pg_virtualenv). Asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from actionplan.store.database import Database
from benchmarks.team_load import _on_this_machine, _start, _team, _throw_away
from benchmarks.team_load_user import Member, _record
from tests.round_trips import round_trips
from tests.server_databases import server_url

PARTS = ("open", "rights", "2,000 rows")


def main() -> None:
    """Publish the plan to a new database, time the starts, print, drop the database."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=15)
    options.add_argument("--delays", default="0", help="round trips to add, ms, comma-separated")
    args = options.parse_args()
    delays = [float(delay) for delay in args.delays.split(",")]
    server = server_url()
    if server is None:
        if not shutil.which("pg_virtualenv"):
            sys.exit("Name a PostgreSQL server (PGHOST and friends), or install postgresql.")
        script = [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]]
        os.execvp("pg_virtualenv", ["pg_virtualenv", "-t", "-o", "fsync=off", *script])
    if not _on_this_machine(server.host):
        sys.exit(f"This benchmark runs on this machine's own server only, not {server.host}.")
    name = f"actionplan_start_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    folder = Path(tempfile.mkdtemp(prefix="team-start-"))
    logins: list[str] = []
    try:
        team = argparse.Namespace(managers=1, readers=1, seconds=1.0, think=0.5)
        members = _team(server.set(database=name), folder / "plan.db", team, 3, logins)
        manager, lead = members[0], members[1]
        print(f"a plan of 2,000 actions; {args.runs} starts each, taken in turns")
        _compare(str(folder / "plan.db"), manager.target, args.runs)
        print(f"saves: {_saves(manager, lead, args.runs, None)}")
        for delay in (delay for delay in delays if delay > 0):
            _through_a_network(str(folder / "plan.db"), manager.target, args.runs, delay)
            with Relay(manager.target, delay / 2000) as relayed:
                print(f"  saves: {_saves(manager, lead, args.runs, relayed)}")
    finally:
        _throw_away(admin, name, logins, folder)


def _compare(plan_file: str, server: str, runs: int) -> None:
    file_runs, server_runs = _in_turns(plan_file, server, runs)
    for where, taken in (("SQLite file", file_runs), ("server", server_runs)):
        print(f"start on the {where}: {_figures(taken)}")
    print(f"  server round trips: {_round_trips(server)}")
    ratio = _total(server_runs) / _total(file_runs)
    print(f"start on the server ÷ on the file (medians): {ratio:.2f} (goal ≤ 1.5)")


def _through_a_network(plan_file: str, server: str, runs: int, delay_ms: float) -> None:
    with Relay(server, delay_ms / 2000) as relayed:
        file_runs, server_runs = _in_turns(plan_file, relayed, runs)
    ratio = _total(server_runs) / _total(file_runs)
    print(f"with {delay_ms:g} ms a round trip: server {_figures(server_runs)}; ÷ file {ratio:.2f}")


def _in_turns(plan_file: str, server: str, runs: int) -> tuple[list[Any], list[Any]]:
    _start(plan_file)  # the first of each loads what the rest reuse
    _start(server)
    taken: tuple[list[Any], list[Any]] = ([], [])
    for _ in range(runs):
        taken[0].append(_start(plan_file))
        taken[1].append(_start(server))
    return taken


def _total(runs: list[tuple[float, float, float]]) -> float:
    return statistics.median(sum(run) for run in runs)


def _figures(runs: list[tuple[float, float, float]]) -> str:
    parts = ", ".join(
        f"{part} {statistics.median(run[number] for run in runs):.0f}"
        for number, part in enumerate(PARTS)
    )
    fastest = min(sum(run) for run in runs)
    return f"median {_total(runs):.0f} ms ({parts}), fastest {fastest:.0f} ms"


def _round_trips(server: str) -> str:
    """The round trips of each part of one start (the connection's own setting up aside)."""
    from actionplan.services.actions import action_rows
    from actionplan.services.plans import chosen_plan
    from actionplan.services.rights import rights_of
    from benchmarks.team_load import AS_OF

    with round_trips() as counted:
        db = Database.open(server)
        opened = counted.count()
        rights_of(db)
        rights = counted.count()
        action_rows(db, chosen_plan(db, None).id, AS_OF)
        rows = counted.count()
        db.close()
    return f"open {opened}, rights {rights - opened}, rows {rows - rights}, in all {rows}"


def _saves(manager: Member, lead: Member, runs: int, relayed: str | None) -> str:
    """A lead's progress save and a manager's words save: median time and round trips."""
    from actionplan.services.editing import action_draft, edit_action

    progress, words, trips = [], [], [0, 0]
    with round_trips() as counted:
        leading = Database.open(lead.target if relayed is None else _as_lead(relayed, lead))
        managing = Database.open(relayed or manager.target)
        try:
            for turn in range(runs + 1):
                action_id = lead.own[turn % len(lead.own)]
                before = counted.count()
                began = time.perf_counter()
                _record(leading, action_id, f"[s{turn}]")
                progress.append((time.perf_counter() - began) * 1000)
                middle = counted.count()
                draft = action_draft(managing, action_id)
                ready = counted.count()
                began = time.perf_counter()
                typed = replace(draft, text=f"{draft.text[:60]} [s{turn}]")
                edit_action(managing, action_id, typed)
                words.append((time.perf_counter() - began) * 1000)
                trips = [middle - before, counted.count() - ready]
        finally:
            leading.close()
            managing.close()
    return (
        f"progress save median {statistics.median(progress[1:]):.1f} ms ({trips[0]} round "
        f"trips), words save median {statistics.median(words[1:]):.1f} ms ({trips[1]})"
    )


def _as_lead(relayed: str, lead: Member) -> str:
    """The relay's address with the lead's own login."""
    own = make_url(lead.target)
    return (
        make_url(relayed)
        .set(username=own.username, password=own.password)
        .render_as_string(hide_password=False)
    )


class Relay:
    """A relay on this PC between the app and the server, in a process of its own (so it
    never waits for the app's Python), holding every packet back for a while each way, as
    a network would; ``with`` gives the server's URL through it."""

    def __init__(self, target: str, one_way_s: float) -> None:
        self._url = make_url(target)
        self._delay = one_way_s
        self._process: Any = None

    def __enter__(self) -> str:
        context = multiprocessing.get_context("spawn")
        ports = context.Queue()
        far = (self._url.host or "localhost", self._url.port or 5432)
        self._process = context.Process(
            target=_relay_main, args=(far, self._delay, ports), daemon=True
        )
        self._process.start()
        port = ports.get(timeout=30)
        return self._url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)

    def __exit__(self, *_exc: object) -> None:
        self._process.terminate()
        self._process.join(10)


def _relay_main(far: tuple[str, int], delay: float, ports: Any) -> None:
    asyncio.run(_relay(far, delay, ports))


async def _relay(far: tuple[str, int], delay: float, ports: Any) -> None:
    loop = asyncio.get_running_loop()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        far_reader, far_writer = await asyncio.open_connection(*far)
        await asyncio.gather(carry(reader, far_writer), carry(far_reader, writer))

    async def carry(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Pass everything on, each chunk ``delay`` after it came (not after the last left)."""
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def send() -> None:
            while True:
                due, data = await queue.get()
                await asyncio.sleep(max(0.0, due - loop.time()))
                if not data:
                    writer.close()
                    return
                writer.write(data)
                await writer.drain()

        sending = asyncio.ensure_future(send())
        while data := await reader.read(65536):
            queue.put_nowait((loop.time() + delay, data))
        queue.put_nowait((loop.time() + delay, b""))
        await sending

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    ports.put(server.sockets[0].getsockname()[1])
    await server.serve_forever()


if __name__ == "__main__":
    main()
