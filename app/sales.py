"""Completed sales and returns in the store: writing one in a single transaction, reading back."""

from __future__ import annotations

import sqlite3
import uuid as uuidlib
from dataclasses import dataclass
from datetime import datetime

from app import audit, stock
from app.errors import SaleNotFound, TicketClosed
from app.ticket import Payment, Ticket, Totals
from localdb import Store, counters
from sync import outbox


@dataclass(frozen=True)
class SaleLine:
    id: int
    line_no: int
    product_id: int | None
    original_line_id: int | None
    barcode: str
    sku: str
    name: str
    unit: str
    qty_milli: int
    unit_price: int
    list_price: int
    tax_rate: int
    gross: int
    discount: int
    net: int
    tax: int


@dataclass(frozen=True)
class Sale:
    id: int
    uuid: str
    receipt_no: str
    kind: str
    original_sale_id: int | None
    customer_id: int | None
    cashier_id: int | None
    created_at: str
    business_day: str
    subtotal: int
    discount_total: int
    rounding: int
    total: int
    tax_total: int
    paid: int
    change_given: int
    tax_inclusive: bool
    needs_review: bool
    review_reason: str
    lines: tuple[SaleLine, ...] = ()
    payments: tuple[Payment, ...] = ()
    taxes: tuple[tuple[int, int, int], ...] = ()
    cashier_name: str = ""
    customer_name: str = ""
    original_receipt_no: str = ""  # returns: the sale they give back


_SALE_COLUMNS = (
    "id, uuid, receipt_no, kind, original_sale_id, customer_id, cashier_id, created_at,"
    " business_day, subtotal, discount_total, rounding, total, tax_total, paid, change_given,"
    " tax_inclusive, needs_review, review_reason"
)
_LINE_COLUMNS = (
    "id, line_no, product_id, original_line_id, barcode, sku, name, unit, qty_milli, unit_price,"
    " list_price, tax_rate, gross, discount, net, tax"
)


def next_receipt_no(conn: sqlite3.Connection, till_code: str) -> str:
    return f"{till_code}-{counters.next_value(conn, 'receipt'):06d}"


def write(
    store: Store,
    ticket: Ticket,
    totals: Totals,
    *,
    kind: str,
    till_code: str,
    cashier_id: int | None,
    now: datetime,
    original_sale_id: int | None = None,
    review_reasons: list[str] = (),
    hooks: list = (),
) -> int:
    """Record a completed sale or return: header, lines, payments, taxes, stock movements,
    customer balance, outbox row, and whatever the hooks add, all in one transaction."""
    sign = -1 if kind == "sale" else 1  # stock leaves on a sale, comes back on a return
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM sales WHERE ticket_uuid = ?", (ticket.uuid,)).fetchone():
            raise TicketClosed("this ticket was completed already", ticket=ticket.uuid)
        receipt_no = next_receipt_no(conn, till_code)
        sale_uuid = str(uuidlib.uuid4())
        created_at = now.astimezone().isoformat(timespec="milliseconds")
        business_day = now.astimezone().date().isoformat()
        sale_id = conn.execute(
            "INSERT INTO sales (uuid, ticket_uuid, receipt_no, kind, original_sale_id,"
            " customer_id, cashier_id, created_at, business_day, subtotal, discount_total,"
            " rounding, total, tax_total, paid, change_given, tax_inclusive, needs_review,"
            " review_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " RETURNING id",
            (
                sale_uuid,
                ticket.uuid,
                receipt_no,
                kind,
                original_sale_id,
                ticket.customer_id,
                cashier_id,
                created_at,
                business_day,
                totals.subtotal,
                totals.discount_total,
                totals.rounding,
                totals.total,
                totals.tax_total,
                totals.paid,
                totals.change,
                int(totals.tax_inclusive),
                int(bool(review_reasons)),
                "; ".join(review_reasons),
            ),
        ).fetchone()[0]

        for line_no, (line, priced) in enumerate(zip(ticket.lines, totals.lines, strict=True), 1):
            conn.execute(
                "INSERT INTO sale_lines (sale_id, line_no, product_id, original_line_id, barcode,"
                " sku, name, unit, qty_milli, unit_price, list_price, tax_rate, gross, discount,"
                " net, tax) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sale_id,
                    line_no,
                    line.product_id,
                    line.original_line_id,
                    line.barcode,
                    line.sku,
                    line.name,
                    line.unit,
                    line.qty_milli,
                    line.unit_price,
                    line.list_price,
                    line.tax_rate,
                    priced.gross,
                    priced.discount,
                    priced.net,
                    priced.tax,
                ),
            )
        for payment in ticket.payments:
            conn.execute(
                "INSERT INTO sale_payments (sale_id, tender, amount, reference) VALUES (?, ?, ?, ?)",
                (sale_id, payment.tender, payment.amount, payment.reference),
            )
            if payment.tender == "account":
                conn.execute(
                    "UPDATE customers SET balance = balance + ? WHERE id = ?",
                    (-sign * payment.amount, ticket.customer_id),
                )
        conn.executemany(
            "INSERT INTO sale_taxes (sale_id, rate, net, tax) VALUES (?, ?, ?, ?)",
            [(sale_id, rate, net, tax) for rate, net, tax in totals.taxes],
        )
        for hook in hooks:
            hook(conn, sale_id)
        # After the hooks: one of them may have made a delivery slip for this sale.
        moves = []
        if _moves_stock(conn, sale_id, kind=kind, original_sale_id=original_sale_id):
            moves = [
                stock.write_move(
                    conn,
                    product_id=line.product_id,
                    qty_milli=sign * line.qty_milli,
                    kind=kind,
                    ref=receipt_no,
                )
                for line in ticket.lines
                if line.product_id is not None
            ]
        outbox.append(conn, kind, _payload(conn, sale_id, till_code, moves), change_uuid=sale_uuid)
        if review_reasons:
            audit.record(
                conn,
                "stock_short_sold",
                user_id=cashier_id,
                ref=receipt_no,
                reasons=list(review_reasons),
            )
    return sale_id


def _moves_stock(
    conn: sqlite3.Connection, sale_id: int, *, kind: str, original_sale_id: int | None
) -> bool:
    """Whether this sale or return moves stock at the shop.

    A sale with a delivery slip made in its transaction leaves the shelf untouched: its goods
    leave the warehouse when the slip is dispatched (``app.delivery.dispatch``). A return of
    such a sale puts goods back in the shop only if they left, that is once the slip went out.
    """
    if kind == "sale":
        return not conn.execute(
            "SELECT 1 FROM deliveries WHERE sale_id = ?", (sale_id,)
        ).fetchone()
    if original_sale_id is None:
        return True
    states = [
        row[0]
        for row in conn.execute(
            "SELECT state FROM deliveries WHERE sale_id = ?", (original_sale_id,)
        )
    ]
    if not states or _took_stock(conn, original_sale_id):
        return True
    return any(state in ("dispatched", "delivered") for state in states)


def _took_stock(conn: sqlite3.Connection, sale_id: int) -> bool:
    """Whether the sale's own stock movements were written (it had no slip when it was made)."""
    # By product and location first, so the ledger's index does the work.
    return bool(
        conn.execute(
            "SELECT 1 FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
            " JOIN stock_moves m ON m.product_id = l.product_id AND m.location_id = ?"
            " AND m.ref = s.receipt_no AND m.kind = 'sale' WHERE l.sale_id = ? LIMIT 1",
            (stock.SHOP, sale_id),
        ).fetchone()
    )


def took_stock(store: Store, sale_id: int) -> bool:
    return _took_stock(store.conn, sale_id)


def _payload(conn: sqlite3.Connection, sale_id: int, till_code: str, moves: list) -> dict:
    header = conn.execute(
        "SELECT s.uuid, s.receipt_no, s.kind, o.uuid, c.uuid, u.name, s.created_at,"
        " s.business_day, s.subtotal, s.discount_total, s.rounding, s.total, s.tax_total,"
        " s.paid, s.change_given, s.tax_inclusive, s.needs_review, s.review_reason"
        " FROM sales s LEFT JOIN sales o ON o.id = s.original_sale_id"
        " LEFT JOIN customers c ON c.id = s.customer_id LEFT JOIN users u ON u.id = s.cashier_id"
        " WHERE s.id = ?",
        (sale_id,),
    ).fetchone()
    keys = (
        "uuid",
        "receipt_no",
        "kind",
        "original_uuid",
        "customer_uuid",
        "cashier",
        "created_at",
        "business_day",
        "subtotal",
        "discount_total",
        "rounding",
        "total",
        "tax_total",
        "paid",
        "change_given",
        "tax_inclusive",
        "needs_review",
        "review_reason",
    )
    payload = dict(zip(keys, header, strict=True))
    payload["till"] = till_code
    payload["lines"] = [
        dict(
            zip(
                (
                    "line_no",
                    "sku",
                    "barcode",
                    "name",
                    "unit",
                    "qty_milli",
                    "unit_price",
                    "list_price",
                    "tax_rate",
                    "gross",
                    "discount",
                    "net",
                    "tax",
                    "original_line_no",
                ),
                row,
                strict=True,
            )
        )
        for row in conn.execute(
            "SELECT l.line_no, l.sku, l.barcode, l.name, l.unit, l.qty_milli, l.unit_price,"
            " l.list_price, l.tax_rate, l.gross, l.discount, l.net, l.tax, o.line_no"
            " FROM sale_lines l LEFT JOIN sale_lines o ON o.id = l.original_line_id"
            " WHERE l.sale_id = ? ORDER BY l.line_no",
            (sale_id,),
        )
    ]
    payload["payments"] = [
        {"tender": t, "amount": a, "reference": r}
        for t, a, r in conn.execute(
            "SELECT tender, amount, reference FROM sale_payments WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
    ]
    payload["taxes"] = [
        {"rate": r, "net": n, "tax": t}
        for r, n, t in conn.execute(
            "SELECT rate, net, tax FROM sale_taxes WHERE sale_id = ? ORDER BY rate", (sale_id,)
        )
    ]
    payload["moves"] = [move.as_payload(conn) for move in moves]
    return payload


def load(store: Store, *, sale_id: int | None = None, receipt_no: str | None = None) -> Sale:
    """A stored sale or return with its lines, payments and tax breakdown."""
    if sale_id is not None:
        where, key = "id = ?", sale_id
    else:
        where, key = "receipt_no = ?", (receipt_no or "").strip()
    row = store.conn.execute(f"SELECT {_SALE_COLUMNS} FROM sales WHERE {where}", (key,)).fetchone()
    if row is None:
        raise SaleNotFound(f"no sale with receipt number {key}", receipt_no=key)
    sale_id = row[0]
    conn = store.conn
    lines = tuple(
        SaleLine(*r)
        for r in conn.execute(
            f"SELECT {_LINE_COLUMNS} FROM sale_lines WHERE sale_id = ? ORDER BY line_no",
            (sale_id,),
        )
    )
    payments = tuple(
        Payment(*r)
        for r in conn.execute(
            "SELECT tender, amount, reference FROM sale_payments WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
    )
    taxes = tuple(
        conn.execute(
            "SELECT rate, net, tax FROM sale_taxes WHERE sale_id = ? ORDER BY rate", (sale_id,)
        )
    )
    names = conn.execute(
        "SELECT (SELECT name FROM users WHERE id = ?), (SELECT name FROM customers WHERE id = ?),"
        " (SELECT receipt_no FROM sales WHERE id = ?)",
        (row[6], row[5], row[4]),
    ).fetchone()
    values = list(row)
    values[16], values[17] = bool(values[16]), bool(values[17])
    return Sale(
        *values,
        lines=lines,
        payments=payments,
        taxes=taxes,
        cashier_name=names[0] or "",
        customer_name=names[1] or "",
        original_receipt_no=names[2] or "",
    )


def returned_so_far(store: Store, sale_id: int) -> dict[int, int]:
    """Quantity (thousandths) already returned, per line id of the original sale."""
    rows = store.conn.execute(
        "SELECT l.original_line_id, sum(l.qty_milli) FROM sale_lines l"
        " JOIN sales s ON s.id = l.sale_id WHERE s.original_sale_id = ? AND s.kind = 'return'"
        " GROUP BY l.original_line_id",
        (sale_id,),
    ).fetchall()
    return dict(rows)


def refunded_by_tender(store: Store, sale_id: int) -> dict[str, int]:
    rows = store.conn.execute(
        "SELECT p.tender, sum(p.amount) FROM sale_payments p JOIN sales s ON s.id = p.sale_id"
        " WHERE s.original_sale_id = ? AND s.kind = 'return' GROUP BY p.tender",
        (sale_id,),
    ).fetchall()
    return dict(rows)


def refunded_total(store: Store, sale_id: int) -> int:
    return store.scalar(
        "SELECT coalesce(sum(total), 0) FROM sales WHERE original_sale_id = ? AND kind = 'return'",
        (sale_id,),
    )


def last_receipt_no(store: Store) -> str | None:
    return store.scalar("SELECT receipt_no FROM sales ORDER BY id DESC LIMIT 1")
