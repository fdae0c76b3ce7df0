"""Customers (members): lookup by phone, name or card; credit on account."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import asdict, dataclass

from app.errors import UserInputError
from localdb import Store
from sync import outbox


@dataclass(frozen=True)
class Customer:
    id: int
    uuid: str
    name: str
    phone: str
    card_code: str | None
    address: str
    notes: str
    credit_limit: int  # fen
    balance: int  # fen owed on account

    @property
    def credit_left(self) -> int:
        return self.credit_limit - self.balance


_COLUMNS = "id, uuid, name, phone, card_code, address, notes, credit_limit, balance"


def save_customer(
    store: Store,
    *,
    name: str,
    phone: str = "",
    card_code: str | None = None,
    address: str = "",
    notes: str = "",
    credit_limit: int = 0,
    customer_id: int | None = None,
) -> Customer:
    """Create a customer, or update the one with ``customer_id``; the change goes to the outbox."""
    name, phone = name.strip(), phone.strip()
    if not name:
        raise UserInputError("a customer needs a name")
    if phone and not phone.replace("-", "").replace(" ", "").replace("+", "").isdigit():
        raise UserInputError(f"not a phone number: {phone!r}", phone=phone)
    if credit_limit < 0:
        raise UserInputError("a credit limit cannot be negative")
    card_code = (card_code or "").strip() or None
    with store.transaction() as conn:
        if customer_id is None:
            customer_id = conn.execute(
                "INSERT INTO customers (uuid, name, phone, card_code, address, notes, credit_limit)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (str(uuidlib.uuid4()), name, phone, card_code, address, notes, credit_limit),
            ).fetchone()[0]
        else:
            conn.execute(
                "UPDATE customers SET name = ?, phone = ?, card_code = ?, address = ?, notes = ?,"
                " credit_limit = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
                " WHERE id = ?",
                (name, phone, card_code, address, notes, credit_limit, customer_id),
            )
        customer = by_id(store, customer_id)
        payload = asdict(customer)
        del payload["id"], payload["balance"]
        outbox.append(conn, "customer", payload)
    return customer


def by_id(store: Store, customer_id: int) -> Customer | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM customers WHERE id = ?", (customer_id,)
    ).fetchone()
    return None if row is None else Customer(*row)


def by_card(store: Store, code: str) -> Customer | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM customers WHERE card_code = ?", (code.strip(),)
    ).fetchone()
    return None if row is None else Customer(*row)


def find(store: Store, text: str, *, limit: int = 20) -> list[Customer]:
    """Customers whose card code or phone is ``text``, or whose phone or name contains it."""
    text = text.strip()
    if not text:
        return []
    like = f"%{text}%"
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM customers WHERE card_code = ? OR phone = ?"
        " UNION ALL "
        f"SELECT {_COLUMNS} FROM customers WHERE (phone LIKE ? OR name LIKE ?)"
        " AND coalesce(card_code, '') != ? AND phone != ? LIMIT ?",
        (text, text, like, like, text, text, limit),
    ).fetchall()
    return [Customer(*r) for r in rows][:limit]


def recent_sales(store: Store, customer_id: int, *, limit: int = 10) -> list[dict]:
    rows = store.conn.execute(
        "SELECT id, receipt_no, created_at, total, kind FROM sales WHERE customer_id = ?"
        " ORDER BY created_at DESC, id DESC LIMIT ?",
        (customer_id, limit),
    ).fetchall()
    return [
        {"id": r[0], "receipt_no": r[1], "created_at": r[2], "total": r[3], "kind": r[4]}
        for r in rows
    ]
