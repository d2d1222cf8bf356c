"""The triggers that keep each plan's revision: one more on every write to what a window
shows of the plan, whoever writes it (this app, an older copy, a script, plain SQL).

On a server the count is made once per statement, and each new revision is announced
(NOTIFY, sent only when the transaction commits) with the plan's id, and noted in the
transaction (``BUMPED_SETTING``) so the writer knows which revisions are its own. Installed
again after every upgrade: a later step rebuilding a table on SQLite drops its triggers.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

# Where the announcements go, and what each carries: "<plan id> <revision>" (0: deleted).
CHANNEL = "actionplan_changes"
BUMPED_SETTING = "actionplan.bumped"

# Tables holding the plan's id themselves, and tables reaching it through a parent row.
DIRECT = (
    "priority",
    "action",
    "lead",
    "measure",
    "snapshot",
    "pack_settings",
    "issued_return",
    "update_round",  # a colleague's round screen shows who has answered
    "plan_closure",  # a plan closed or reopened: its bar, its greyed commands
)
THROUGH = {
    "outcome": ("priority", "priority_id"),
    "narrative": ("priority", "priority_id"),
    "action_lead": ("action", "action_id"),
    "progress_update": ("action", "action_id"),
    "measure_reading": ("measure", "measure_id"),
    "measure_comparator": ("measure", "measure_id"),
    "snapshot_entry": ("snapshot", "snapshot_id"),
    "round_lead": ("update_round", "round_id"),
    "recommendation_action": ("action", "action_id"),  # an action shows what it answers
}
COUNTED = ("plan", *DIRECT, *THROUGH)
EVENTS = ("insert", "update", "delete")


def install(connection: Connection) -> None:
    """Create (or create again) every counting trigger, in the connection's transaction."""
    if connection.dialect.name == "postgresql":
        _install_on_server(connection)
    else:
        _install_in_file(connection)


def _plan_of(table: str, row: str) -> str:
    """SQLite: the plan id of the trigger's NEW or OLD row."""
    if table == "plan":
        return f"{row}.id"
    if table in DIRECT:
        return f"{row}.plan_id"
    parent, key = THROUGH[table]
    return f"(SELECT plan_id FROM {parent} WHERE id = {row}.{key})"


def _file_trigger(table: str, event: str) -> str:
    name = f"actionplan_rev_{table}_{event}"
    if table == "plan" and event == "insert":
        body = "INSERT OR IGNORE INTO plan_revision (plan_id, revision) VALUES (NEW.id, 1);"
    elif table == "plan" and event == "delete":
        return ""  # the plan's revision goes with it
    else:
        rows = {"insert": ("NEW",), "update": ("NEW", "OLD"), "delete": ("OLD",)}[event]
        plans = ", ".join(_plan_of(table, row) for row in rows)
        body = f"UPDATE plan_revision SET revision = revision + 1 WHERE plan_id IN ({plans});"
    return f'CREATE TRIGGER {name} AFTER {event.upper()} ON "{table}" BEGIN {body} END'


def _install_in_file(connection: Connection) -> None:
    for table in COUNTED:
        for event in EVENTS:
            connection.execute(text(f"DROP TRIGGER IF EXISTS actionplan_rev_{table}_{event}"))
            sql = _file_trigger(table, event)
            if sql:
                connection.execute(text(sql))


# Run as the database's owner (SECURITY DEFINER), so a colleague allowed to change a row
# never needs a right on plan_revision itself to count the change.
_NOTE = f"""
CREATE OR REPLACE FUNCTION actionplan_note(plan integer, revision integer) RETURNS void
LANGUAGE plpgsql AS $f$
BEGIN
    PERFORM pg_notify('{CHANNEL}', plan || ' ' || revision);
    PERFORM set_config('{BUMPED_SETTING}',
        coalesce(current_setting('{BUMPED_SETTING}', true), '') || plan || ':' || revision || ' ',
        true);
END $f$
"""
_BUMP = """
CREATE OR REPLACE FUNCTION actionplan_bump(plans integer[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $f$
DECLARE
    bumped record;
BEGIN
    FOR bumped IN
        UPDATE plan_revision SET revision = revision + 1 WHERE plan_id = ANY(plans)
        RETURNING plan_id, revision
    LOOP
        PERFORM actionplan_note(bumped.plan_id, bumped.revision);
    END LOOP;
END $f$
"""
_BORN = """
CREATE OR REPLACE FUNCTION actionplan_born(plans integer[], gone boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $f$
DECLARE
    plan integer;
BEGIN
    FOREACH plan IN ARRAY plans LOOP
        IF gone THEN
            PERFORM actionplan_note(plan, 0);
        ELSE
            INSERT INTO plan_revision (plan_id, revision) VALUES (plan, 1)
            ON CONFLICT (plan_id) DO NOTHING;
            PERFORM actionplan_note(plan, 1);
        END IF;
    END LOOP;
END $f$
"""


def _plans_in(table: str, rows: str) -> str:
    """PostgreSQL: the plan ids of a transition table's rows."""
    if table in DIRECT:
        return f"SELECT plan_id FROM {rows}"
    parent, key = THROUGH[table]
    return f"SELECT p.plan_id FROM {rows} JOIN {parent} p ON p.id = {rows}.{key}"


def _server_function(table: str) -> str:
    if table == "plan":
        inserted = "PERFORM actionplan_born(ARRAY(SELECT id FROM new_rows), false);"
        deleted = "PERFORM actionplan_born(ARRAY(SELECT id FROM old_rows), true);"
        updated = "PERFORM actionplan_bump(ARRAY(SELECT id FROM new_rows));"
    else:
        new, old = _plans_in(table, "new_rows"), _plans_in(table, "old_rows")
        inserted = f"PERFORM actionplan_bump(ARRAY({new}));"
        deleted = f"PERFORM actionplan_bump(ARRAY({old}));"
        updated = f"PERFORM actionplan_bump(ARRAY({new} UNION {old}));"
    return f"""
CREATE OR REPLACE FUNCTION actionplan_count_{table}() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {inserted}
    ELSIF TG_OP = 'DELETE' THEN
        {deleted}
    ELSE
        {updated}
    END IF;
    RETURN NULL;
END $f$
"""


_REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
}


def _install_on_server(connection: Connection) -> None:
    for function in (_NOTE, _BUMP, _BORN):
        connection.execute(text(function))
    for table in COUNTED:
        connection.execute(text(_server_function(table)))
        for event in EVENTS:
            name = f"actionplan_rev_{table}_{event}"
            connection.execute(text(f'DROP TRIGGER IF EXISTS {name} ON "{table}"'))
            connection.execute(
                text(
                    f'CREATE TRIGGER {name} AFTER {event.upper()} ON "{table}" '
                    f"{_REFERENCING[event]} FOR EACH STATEMENT "
                    f"EXECUTE FUNCTION actionplan_count_{table}()"
                )
            )
