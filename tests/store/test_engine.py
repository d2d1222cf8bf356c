"""Turning a --db value into a database: SQLite set up safely, bad targets refused clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from actionplan.store.database import Database
from actionplan.store.engine import default_database_path, make_engine, resolve_target, sqlite_path
from actionplan.store.errors import StoreError
from actionplan.store.target import shown_target


def _pragma(db: Database, name: str) -> object:
    with db.engine.connect() as connection:
        return connection.exec_driver_sql(f"PRAGMA {name}").scalar()


@pytest.mark.sqlite_only  # PRAGMAs of a SQLite file
def test_sqlite_file_uses_wal_foreign_keys_and_a_busy_timeout(db: Database) -> None:
    """Every connection gets WAL, enforced foreign keys and a wait instead of 'locked'."""
    assert _pragma(db, "journal_mode") == "wal"
    assert _pragma(db, "foreign_keys") == 1
    assert int(_pragma(db, "busy_timeout")) >= 5000  # type: ignore[call-overload]


def test_path_and_url_reach_the_same_file(tmp_path: Path) -> None:
    """A plain path and a sqlite:/// URL name the same database."""
    path = tmp_path / "same.db"
    Database.open(path).close()
    db = Database.open(f"sqlite:///{path}")
    assert db.path == path
    db.close()


def test_environment_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --db, ACTIONPLAN_DB decides; without that, the user's data folder."""
    monkeypatch.setenv("ACTIONPLAN_DB", str(tmp_path / "env.db"))
    assert resolve_target(None) == str(tmp_path / "env.db")
    assert resolve_target("given.db") == "given.db"
    monkeypatch.delenv("ACTIONPLAN_DB")
    assert resolve_target(None) == str(default_database_path())
    assert default_database_path().name == "actionplan.db"


def test_in_memory_url_has_no_file() -> None:
    """An in-memory database is not a file to back up."""
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql://u@localhost/plans") is None


def test_missing_folders_are_created(tmp_path: Path) -> None:
    """A first run creates the data folder for its database."""
    target = tmp_path / "new" / "deeper" / "plan.db"
    Database.open(target).close()
    assert target.exists()


def test_folder_is_refused_in_one_sentence(tmp_path: Path) -> None:
    """Naming a folder says so plainly."""
    with pytest.raises(StoreError, match="is a folder, not a database file"):
        Database.open(tmp_path)


def test_text_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    """A file that is not a database is refused and not damaged."""
    notes = tmp_path / "notes.db"
    notes.write_text("minutes of the March board\n", encoding="utf-8")
    with pytest.raises(StoreError, match="not an actionplan database"):
        Database.open(notes)
    assert notes.read_text(encoding="utf-8") == "minutes of the March board\n"


def test_folder_that_cannot_be_written_is_refused() -> None:
    """A read-only place (even for an administrator) gives one sentence, no traceback."""
    with pytest.raises(StoreError, match="could not be opened"):
        Database.open("/sys/plan.db")


def test_place_that_cannot_exist_is_refused() -> None:
    """A path under a file, not a folder, cannot hold a database."""
    with pytest.raises(StoreError, match="Cannot create the folder"):
        Database.open("/proc/version/plan.db")


def test_nonsense_url_is_refused() -> None:
    """A URL SQLAlchemy does not understand gives one sentence."""
    with pytest.raises(StoreError):
        make_engine("nosuchdriver://somewhere/db")


def test_write_transaction_takes_the_lock_at_once(db: Database) -> None:
    """A second writer waits rather than failing half way through (BEGIN IMMEDIATE)."""
    with db.writing() as session:
        session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        conn = session.connection()
        assert conn.get_execution_options().get("sqlite_immediate") is True


def test_a_server_database_hides_its_password_and_refuses_a_file_backup(
    server_database: str, tmp_path: Path
) -> None:
    """The URL shown or logged masks the password; backing up says, in one sentence, to
    use the server's own tools; nothing of SQLite's is asked of the server."""
    from actionplan.services.backup import backup_database
    from actionplan.services.errors import ServiceError
    from actionplan.services.workspace import describe_target

    db = Database.open(server_database)
    try:
        password = make_url(server_database).password
        assert db.path is None and db.engine.dialect.name == "postgresql"
        for shown in (db.shown, describe_target(server_database)):
            assert (not password or password not in shown) and shown.startswith("postgresql")
        with pytest.raises(ServiceError) as refused:
            backup_database(db, tmp_path / "copy.db")
        assert "server's own backup tools" in str(refused.value)
        assert str(refused.value).count(". ") == 0 and not (tmp_path / "copy.db").exists()
        db.check_whole()  # no PRAGMA quick_check on a server
    finally:
        db.close()


def test_a_wrong_password_is_refused_in_one_sentence_that_does_not_repeat_it(
    server_database: str,
) -> None:
    """A server that refuses the password gives one sentence, with the password masked."""
    url = make_url(server_database).set(password="not-the-password-xyz")
    with pytest.raises(StoreError) as refused:
        Database.open(url.render_as_string(hide_password=False))
    assert "not-the-password-xyz" not in str(refused.value)


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (
            "postgresql+psycopg://ana:s3cr:t@db.example:5432/plans",
            "postgresql+psycopg://ana:***@db.example:5432/plans",
        ),
        ("postgresql+psycopg://ana@db.example/plans", "postgresql+psycopg://ana@db.example/plans"),
        ("/home/ana/plan.db", "/home/ana/plan.db"),
    ],
)
def test_a_servers_password_is_never_shown(target: str, shown: str) -> None:
    """What the title bar, messages and log show of a target masks the password alone."""
    assert shown_target(target) == shown
