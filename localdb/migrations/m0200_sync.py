"""Sync bookkeeping on the till: a log of sync runs (for the status bar and the day end).

The server URL, the till's token and the pull cursor live in ``meta`` (keys ``sync.*``).
"""

SQL = """
CREATE TABLE sync_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    pushed      INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    pulled      INTEGER NOT NULL DEFAULT 0,
    left_unsent INTEGER NOT NULL DEFAULT 0,
    error       TEXT NOT NULL DEFAULT ''
);
"""
