"""The stock ledger: append-only movements, with a cached on-hand kept in step.

On-hand for a product at a location is the sum of its movements. ``stock_levels`` holds that
sum, updated in the same transaction as each movement, so a lookup never sums the ledger.
"""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
import uuid as uuidlib
from dataclasses import dataclass

from app.errors import UserInputError
from localdb import Store
from sync import outbox

SHOP, WAREHOUSE = 1, 2
KINDS = ("sale", "return", "receipt", "adjustment", "transfer", "count", "dispatch")


_sequence = itertools.count()


def ordered_uuids(count: int) -> list[str]:
    """``count`` new version-7 UUIDs (RFC 9562): a millisecond timestamp first, so that each
    new movement's key lands at the end of the ledger's uuid index instead of on a random page
    of it. Then a per-process counter and 32 random bits keep them unique."""
    millis = time.time_ns() // 1_000_000
    noise = os.urandom(4 * count)
    out = []
    for n in range(count):
        seq = next(_sequence) & 0x3FF_FFFF_FFFF  # 42 bits
        value = (
            millis << 80
            | 0x7 << 76
            | (seq >> 30) << 64
            | 0b10 << 62
            | (seq & 0x3FFF_FFFF) << 32
            | int.from_bytes(noise[4 * n : 4 * n + 4], "big")
        )
        h = f"{value:032x}"
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


@dataclass(frozen=True)
class Move:
    uuid: str
    product_id: int
    location_id: int
    qty_milli: int
    kind: str
    ref: str
    note: str

    def as_payload(self, conn: sqlite3.Connection) -> dict:
        sku = conn.execute("SELECT sku FROM products WHERE id = ?", (self.product_id,)).fetchone()
        location = conn.execute(
            "SELECT code FROM locations WHERE id = ?", (self.location_id,)
        ).fetchone()
        return {
            "uuid": self.uuid,
            "sku": sku[0],
            "location": location[0],
            "qty_milli": self.qty_milli,
            "kind": self.kind,
            "ref": self.ref,
            "note": self.note,
        }


def write_move(
    conn: sqlite3.Connection,
    *,
    product_id: int,
    qty_milli: int,
    kind: str,
    location_id: int = SHOP,
    ref: str = "",
    note: str = "",
) -> Move:
    """Append one movement and update the cached on-hand. No outbox row: the caller's fact
    (a sale, a return, a stock change) carries the movement."""
    if kind not in KINDS:
        raise ValueError(f"unknown movement kind {kind!r}")
    move = Move(ordered_uuids(1)[0], product_id, location_id, qty_milli, kind, ref, note)
    conn.execute(
        "INSERT INTO stock_moves (uuid, product_id, location_id, qty_milli, kind, ref, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (move.uuid, product_id, location_id, qty_milli, kind, ref, note),
    )
    conn.execute(
        "INSERT INTO stock_levels (product_id, location_id, on_hand_milli) VALUES (?, ?, ?)"
        " ON CONFLICT (product_id, location_id)"
        " DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli",
        (product_id, location_id, qty_milli),
    )
    return move


def write_moves(
    conn: sqlite3.Connection,
    quantities: list[tuple[int, int]],
    *,
    kind: str,
    location_id: int = SHOP,
    ref: str = "",
    note: str = "",
) -> list[Move]:
    """Append many movements ((product id, milli) each) and update the cached on-hand: the
    bulk form of ``write_move`` for imports. No outbox row, as for ``write_move``."""
    if kind not in KINDS:
        raise ValueError(f"unknown movement kind {kind!r}")
    quantities = [(product_id, qty) for product_id, qty in quantities if qty]
    moves = [
        Move(uuid, product_id, location_id, qty, kind, ref, note)
        for uuid, (product_id, qty) in zip(ordered_uuids(len(quantities)), quantities, strict=True)
    ]
    conn.executemany(
        "INSERT INTO stock_moves (uuid, product_id, location_id, qty_milli, kind, ref, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(m.uuid, m.product_id, location_id, m.qty_milli, kind, ref, note) for m in moves],
    )
    conn.executemany(
        "INSERT INTO stock_levels (product_id, location_id, on_hand_milli) VALUES (?, ?, ?)"
        " ON CONFLICT (product_id, location_id)"
        " DO UPDATE SET on_hand_milli = on_hand_milli + excluded.on_hand_milli",
        [(m.product_id, location_id, m.qty_milli) for m in moves],
    )
    return moves


def record(
    store: Store,
    *,
    product_id: int,
    qty_milli: int,
    kind: str,
    location_id: int = SHOP,
    ref: str = "",
    note: str = "",
) -> Move:
    """A stand-alone movement (receipt of goods, adjustment): ledger, cache and outbox."""
    if qty_milli == 0:
        raise UserInputError("a stock movement needs a quantity")
    with store.transaction() as conn:
        move = write_move(
            conn,
            product_id=product_id,
            qty_milli=qty_milli,
            kind=kind,
            location_id=location_id,
            ref=ref,
            note=note,
        )
        outbox.append(conn, "stock_move", {"moves": [move.as_payload(conn)]})
    return move


def count(
    store: Store, *, product_id: int, counted_milli: int, location_id: int = SHOP, note: str = ""
) -> Move | None:
    """A stock count: one movement that brings on-hand to what was counted."""
    with store.transaction():
        difference = counted_milli - on_hand(store, product_id, location_id)
        if difference == 0:
            return None
        return record(
            store,
            product_id=product_id,
            qty_milli=difference,
            kind="count",
            location_id=location_id,
            note=note,
        )


def transfer(
    store: Store,
    *,
    product_id: int,
    qty_milli: int,
    from_location: int,
    to_location: int,
    note: str = "",
) -> None:
    if qty_milli <= 0 or from_location == to_location:
        raise UserInputError("a transfer moves a positive quantity between two locations")
    with store.transaction() as conn:
        ref = str(uuidlib.uuid4())
        moves = [
            write_move(
                conn,
                product_id=product_id,
                qty_milli=-qty_milli,
                kind="transfer",
                location_id=from_location,
                ref=ref,
                note=note,
            ),
            write_move(
                conn,
                product_id=product_id,
                qty_milli=qty_milli,
                kind="transfer",
                location_id=to_location,
                ref=ref,
                note=note,
            ),
        ]
        outbox.append(conn, "stock_move", {"moves": [m.as_payload(conn) for m in moves]})


def on_hand(store: Store, product_id: int, location_id: int = SHOP) -> int:
    row = store.conn.execute(
        "SELECT on_hand_milli FROM stock_levels WHERE product_id = ? AND location_id = ?",
        (product_id, location_id),
    ).fetchone()
    return 0 if row is None else row[0]


def ledger_sum(store: Store, product_id: int, location_id: int = SHOP) -> int:
    return store.conn.execute(
        "SELECT coalesce(sum(qty_milli), 0) FROM stock_moves"
        " WHERE product_id = ? AND location_id = ?",
        (product_id, location_id),
    ).fetchone()[0]


def cache_mismatches(store: Store) -> list[tuple[int, int, int, int]]:
    """(product, location, cached, ledger) wherever the cache disagrees with the ledger."""
    return store.conn.execute(
        "SELECT l.product_id, l.location_id, l.on_hand_milli, coalesce(m.total, 0) FROM"
        " stock_levels l LEFT JOIN (SELECT product_id, location_id, sum(qty_milli) AS total"
        " FROM stock_moves GROUP BY product_id, location_id) m"
        " ON m.product_id = l.product_id AND m.location_id = l.location_id"
        " WHERE l.on_hand_milli != coalesce(m.total, 0)"
    ).fetchall()
