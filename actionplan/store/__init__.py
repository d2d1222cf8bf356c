"""The database: engine, sessions, migrations, backup and queries."""
