"""Named counters (receipt numbers, slip numbers) that advance inside the caller's transaction."""

from __future__ import annotations

import sqlite3


def next_value(conn: sqlite3.Connection, name: str) -> int:
    """Advance counter ``name`` and return its new value (1 the first time)."""
    return conn.execute(
        "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name)"
        " DO UPDATE SET value = value + 1 RETURNING value",
        (name,),
    ).fetchone()[0]
