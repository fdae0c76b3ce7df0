"""The audit log: who did what sensitive thing, when, and why."""

from __future__ import annotations

import json
import sqlite3

ACTIONS = (
    "login",
    "login_failed",
    "logout",
    "price_override",
    "line_void",
    "ticket_cancel",
    "refund",
    "return_without_receipt",
    "discount",
    "drawer_open",
    "below_cost",
    "stock_short_sold",
    "quantity_confirmed",
    "restore",
    "pick_override",
    "stock_short_dispatched",
)


def record(
    conn: sqlite3.Connection, action: str, *, user_id: int | None, ref: str = "", **detail: object
) -> None:
    """Write one audit row; call inside the transaction of the action it records.

    ``detail`` must never hold a PIN, a token or a receipt body.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    conn.execute(
        "INSERT INTO audit_log (user_id, action, ref, detail) VALUES (?, ?, ?, ?)",
        (user_id, action, ref, json.dumps(detail, ensure_ascii=False, sort_keys=True)),
    )


def entries(conn: sqlite3.Connection, action: str | None = None) -> list[dict]:
    sql = "SELECT id, at, user_id, action, ref, detail FROM audit_log"
    params: tuple = ()
    if action:
        sql += " WHERE action = ?"
        params = (action,)
    rows = conn.execute(sql + " ORDER BY id", params).fetchall()
    return [
        {
            "id": r[0],
            "at": r[1],
            "user_id": r[2],
            "action": r[3],
            "ref": r[4],
            "detail": json.loads(r[5]),
        }
        for r in rows
    ]
