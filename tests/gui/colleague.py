"""A colleague in another process: opens the same database, waits to be told, then saves new
words for an action (or starts to and gives up, rolling back)."""

from __future__ import annotations

import subprocess
import sys
from types import TracebackType

# The colleague's program: ready once its database is open, it acts on each line it reads.
_COLLEAGUE = """
import sys
from actionplan.services.editing import ActionDraft, edit_action
from actionplan.store.database import Database
from actionplan.store.tables import Action

db = Database.open(sys.argv[1], user="Sam Patel")
print("ready", flush=True)
for line in sys.stdin:
    what, action_id, words = line.rstrip("\\n").split("\\t")
    if what == "save":
        edit_action(db, int(action_id), ActionDraft(words))
    else:
        try:
            with db.writing() as session:
                session.get(Action, int(action_id)).text = words
                session.flush()
                raise RuntimeError("the colleague's app stopped")
        except RuntimeError:
            pass
    print("done", flush=True)
db.close()
"""


class Colleague:
    """Another process with the database open, saving when the test says."""

    def __init__(self, target: str) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-c", _COLLEAGUE, target],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self._expect("ready")

    def save(self, action_id: int, words: str) -> None:
        """Save new words for the action (committed when this returns)."""
        self._say("save", action_id, words)

    def save_and_roll_back(self, action_id: int, words: str) -> None:
        """Write new words for the action, then fail before committing them."""
        self._say("roll back", action_id, words)

    def _say(self, what: str, action_id: int, words: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(f"{what}\t{action_id}\t{words}\n")
        self._process.stdin.flush()
        self._expect("done")

    def _expect(self, word: str) -> None:
        assert self._process.stdout is not None
        line = self._process.stdout.readline().strip()
        assert line == word, f"the colleague's process said {line!r}"

    def __enter__(self) -> Colleague:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._process.stdin is not None and self._process.stdout is not None
        self._process.stdin.close()
        self._process.wait(timeout=60)
        self._process.stdout.close()
