"""`make run-team` (packaging/run_team.sh) as a newcomer meets it: a throwaway server of its
own with the sample plans, and the four logins the README lists each able to do what their
role says, no more. The app it opens is stood in for by a script that tries every login
instead of showing a window."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run where the window would open: the URL it was given is the manager's.
TRY_EVERY_LOGIN = """
import json, sys
from datetime import date
from sqlalchemy.engine import make_url
from actionplan.domain.plan_values import ProgressEntry
from actionplan.domain.rag import Rag
from actionplan.domain.status import Status
from actionplan.services.actions import action_rows
from actionplan.services.plans import list_plans
from actionplan.services.progress import record_progress
from actionplan.services.rights import rights_of
from actionplan.store.database import Database
from actionplan.store.refusals import NotPermitted

given = make_url(sys.argv[1])
found = {"window_login": given.username}

def opened(login):
    return Database.open(given.set(username=login).render_as_string(hide_password=False))

for login in ("mo", "csp", "exploitation", "board"):
    db = opened(login)
    found[login] = [rights_of(db).role, len(list_plans(db))]
    db.close()

db = opened("csp")
rows = [row for plan in list_plans(db) for row in action_rows(db, plan.id, date(2025, 9, 30))]
own = next(row for row in rows if "Community Safety Partnership" in row.leads)
other = next(row for row in rows if "Community Safety Partnership" not in row.leads)

def entry(action_id):
    return ProgressEntry(action_id, date(2025, 9, 1), Rag.AMBER, Status.IN_PROGRESS,
                         "Tried from the sample team", reason="Trying it out")

record_progress(db, entry(own.id))
found["own_recorded"] = True
try:
    record_progress(db, entry(other.id))
    found["other"] = "recorded"
except NotPermitted as refusal:
    found["other"] = str(refusal)
db.close()
print(json.dumps(found))
"""


def _stand_in_app(folder: Path) -> Path:
    """An `actionplan` that runs the real commands, and tries the logins instead of a window."""
    checks = folder / "try_every_login.py"
    checks.write_text(TRY_EVERY_LOGIN, encoding="utf-8")
    app = folder / "actionplan"
    app.write_text(
        "#!/usr/bin/env bash\n"
        'if [ "$1" = "--db" ] && [ $# -eq 2 ]; then\n'
        f'    exec "{sys.executable}" "{checks}" "$2"\n'
        "fi\n"
        f'exec "{sys.executable}" -m actionplan "$@"\n',
        encoding="utf-8",
    )
    app.chmod(0o755)
    return app


def test_run_team_opens_the_manager_on_the_sample_plans_with_each_login_in_its_role(
    tmp_path: Path,
) -> None:
    if shutil.which("pg_virtualenv") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI runs every PostgreSQL test: pg_virtualenv is missing")
        pytest.skip("pg_virtualenv is not installed")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"):
        env.pop(name, None)  # a server of its own, not the test run's
    done = subprocess.run(
        [str(ROOT / "packaging" / "run_team.sh"), str(_stand_in_app(tmp_path))],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    told = done.stdout
    for login in ("mo", "csp", "exploitation", "board"):
        assert f"  {login} " in told
    assert '"try-the-team"' in told
    [line] = [line for line in told.splitlines() if line.startswith("{")]
    found = json.loads(line)
    assert found["window_login"] == "mo"
    assert found["mo"] == ["manager", 3]
    assert found["csp"] == ["lead", 3]
    assert found["exploitation"] == ["lead", 3]
    assert found["board"] == ["reader", 3]
    assert found["own_recorded"] is True
    assert found["other"].startswith("You can record progress only on actions you lead")
