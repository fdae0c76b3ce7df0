"""The outbox: every business fact the till records, in order, waiting for the server.

A row is written in the same transaction as the fact it describes, with the next
contiguous sequence number of this till and a UUID. The server applies each (till, seq)
once; the UUID tells a resend from a different change that reuses a number (a till
restored from an old backup).
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass

# Version of each payload kind; bump when its shape changes so the server can read old ones.
PAYLOAD_VERSIONS = {
    "sale": 1,
    "return": 1,
    "stock_move": 1,
    "customer": 1,
    "product": 1,
    "delivery": 1,
}


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    uuid: str
    kind: str
    version: int
    payload: dict
    created_at: str
    state: str
    error: str


def append(conn: sqlite3.Connection, kind: str, payload: dict, *, change_uuid: str = "") -> int:
    """Add one fact to the outbox; call inside the transaction that records the fact."""
    if not conn.in_transaction:
        raise RuntimeError("outbox rows are written inside the fact's own transaction")
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM outbox").fetchone()[0]
    conn.execute(
        "INSERT INTO outbox (seq, uuid, kind, version, payload) VALUES (?, ?, ?, ?, ?)",
        (
            seq,
            change_uuid or str(uuid.uuid4()),
            kind,
            PAYLOAD_VERSIONS[kind],
            _encode(payload),
        ),
    )
    return seq


def append_many(conn: sqlite3.Connection, kind: str, payloads: list[dict | str]) -> None:
    """Add many facts of one kind, in order, with contiguous sequence numbers (bulk imports).
    A payload may come as JSON text already."""
    if not conn.in_transaction:
        raise RuntimeError("outbox rows are written inside the fact's own transaction")
    first = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM outbox").fetchone()[0]
    version = PAYLOAD_VERSIONS[kind]
    conn.executemany(
        "INSERT INTO outbox (seq, uuid, kind, version, payload) VALUES (?, ?, ?, ?, ?)",
        [
            (
                first + i,
                str(uuid.uuid4()),
                kind,
                version,
                payload if isinstance(payload, str) else _encode(payload),
            )
            for i, payload in enumerate(payloads)
        ],
    )


def _encode(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def pending(conn: sqlite3.Connection, *, limit: int = 100, raw: bool = False) -> list[OutboxRow]:
    """The oldest pending rows; with ``raw`` each payload is left as its stored JSON text
    (a push splices it into the body as it is)."""
    rows = conn.execute(
        "SELECT seq, uuid, kind, version, payload, created_at, state, error FROM outbox "
        "WHERE state = 'pending' ORDER BY seq LIMIT ?",
        (limit,),
    ).fetchall()
    decode = (lambda text: text) if raw else json.loads
    return [OutboxRow(r[0], r[1], r[2], r[3], decode(r[4]), r[5], r[6], r[7]) for r in rows]


def pending_count(conn: sqlite3.Connection, kind: str | None = None) -> int:
    if kind is None:
        sql, params = "SELECT count(*) FROM outbox WHERE state = 'pending'", ()
    else:
        sql, params = "SELECT count(*) FROM outbox WHERE state = 'pending' AND kind = ?", (kind,)
    return conn.execute(sql, params).fetchone()[0]


def unsynced_count(conn: sqlite3.Connection) -> int:
    """Facts not yet accepted by the server, rejected ones included (they still need a person)."""
    return conn.execute("SELECT count(*) FROM outbox WHERE state != 'sent'").fetchone()[0]
