"""Delivery orders (送货单) and pick-by-scan.

A slip is made from a completed sale (the counter's "deliver" at pay time) or entered in the
warehouse as a customer order. It moves pending -> picked -> dispatched -> delivered, or is
cancelled; each change is kept in ``delivery_history`` with who and when, and goes to the
outbox in the same transaction as a ``delivery`` fact carrying the whole slip.

Picking is store-backed: each scan adds to a line's ``picked_milli`` at once, so a clerk who
is interrupted (or a till that loses power) finds the pallet's progress where it was. A scan
is not a fact for the server; the picked quantities travel with the ``picked`` change.

Rules of pick-by-scan, each a typed error the screen calls out:

- a product that is not on the slip: ``NotOnSlip`` (nothing is ticked);
- more than the line asks for: ``TooMany`` (nothing is ticked; take it off the pallet);
- marking picked while lines are short: ``PickIncomplete`` with the short lines, unless an
  owner overrides with a reason (audited as ``pick_override``).
"""

from __future__ import annotations

import logging
import sqlite3
import uuid as uuidlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from app import audit, catalog, customers, sales, stock
from app.barcode import CodeKind, ScaleLayout, classify
from app.errors import (
    MisreadBarcode,
    PaymentCodeScanned,
    PermissionRequired,
    SaleNotFound,
    StockShort,
    UnknownBarcode,
    UserInputError,
    ValidationError,
)
from app.money import line_gross
from app.users import User, has_role
from localdb import Store, counters
from sync import outbox

log = logging.getLogger(__name__)

STATES = ("pending", "picked", "dispatched", "delivered", "cancelled")
OPEN_STATES = ("pending", "picked", "dispatched")  # still work to do
# Which state may follow which. A picked slip can be reopened (back to pending) to pick again.
TRANSITIONS = {
    "pending": ("picked", "cancelled"),
    "picked": ("dispatched", "pending", "cancelled"),
    "dispatched": ("delivered",),
    "delivered": (),
    "cancelled": (),
}
UNPICK_NOTE = "cleared line"  # history note of a picked line cleared: "cleared line 2 RICE: 1.5"
WORK_ROLE = "clerk"  # warehouse work needs a clerk (or an owner)


# -- errors --------------------------------------------------------------------------------


class DeliveryNotFound(ValidationError):
    code = "delivery_not_found"


class MissingDeliveryDetails(ValidationError):
    """A slip needs the customer's name, phone and address; ``missing`` names what is absent."""

    code = "delivery_details_missing"


class BadStateChange(ValidationError):
    """The slip's state does not allow this change (``state`` now, ``wanted`` asked for)."""

    code = "delivery_bad_state"


class NotOnSlip(ValidationError):
    """The scanned product is not on this slip."""

    code = "pick_not_on_slip"


class TooMany(ValidationError):
    """The scan would pick more of a line than the slip asks for."""

    code = "pick_too_many"


class PickIncomplete(ValidationError):
    """The slip differs from what was picked; ``short`` lists the lines still short."""

    code = "pick_incomplete"


# -- data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeliveryLine:
    id: int
    line_no: int
    product_id: int | None
    sku: str
    name: str
    specification: str
    unit: str
    qty_milli: int
    unit_price: int  # fen
    amount: int  # fen
    picked_milli: int

    @property
    def short_milli(self) -> int:
        return self.qty_milli - self.picked_milli


@dataclass(frozen=True)
class HistoryEntry:
    from_state: str
    state: str
    user_id: int | None
    user_name: str
    at: str
    note: str
    signed_by: str


@dataclass(frozen=True)
class Delivery:
    id: int
    uuid: str
    number: str
    sale_id: int | None
    customer_id: int | None
    customer_name: str
    phone: str
    address: str
    delivery_date: str
    notes: str
    state: str
    created_at: str
    created_day: str
    created_by: int | None
    signed_by: str
    total: int  # fen
    lines: tuple[DeliveryLine, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    receipt_no: str = ""

    @property
    def short_lines(self) -> list[DeliveryLine]:
        return [ln for ln in self.lines if ln.picked_milli < ln.qty_milli]

    @property
    def fully_picked(self) -> bool:
        return all(ln.picked_milli == ln.qty_milli for ln in self.lines)


@dataclass(frozen=True)
class OrderLine:
    """A line of a customer order entered in the warehouse."""

    product_id: int
    qty_milli: int
    specification: str = ""
    unit_price: int | None = None  # fen; None takes the catalog price


@dataclass(frozen=True)
class Picked:
    """A scan that ticked a line."""

    line_no: int
    name: str
    added_milli: int
    picked_milli: int
    qty_milli: int
    slip_complete: bool

    @property
    def line_complete(self) -> bool:
        return self.picked_milli == self.qty_milli


@dataclass(frozen=True)
class Summary:
    id: int
    number: str
    state: str
    customer_name: str
    phone: str
    address: str
    created_day: str
    delivery_date: str
    total: int
    lines: int


_COLUMNS = (
    "d.id, d.uuid, d.number, d.sale_id, d.customer_id, d.customer_name, d.phone, d.address,"
    " d.delivery_date, d.notes, d.state, d.created_at, d.created_day, d.created_by,"
    " d.signed_by, d.total"
)
_LINE_COLUMNS = (
    "id, line_no, product_id, sku, name, specification, unit, qty_milli, unit_price, amount,"
    " picked_milli"
)


# -- creating ------------------------------------------------------------------------------


def next_number(conn: sqlite3.Connection, till_code: str) -> str:
    return f"D-{till_code}-{counters.next_value(conn, 'delivery'):06d}"


def create_from_sale(
    store: Store,
    *,
    sale_id: int,
    user: User | None,
    till_code: str,
    name: str | None = None,
    phone: str | None = None,
    address: str | None = None,
    delivery_date: str = "",
    notes: str = "",
    now: datetime | None = None,
) -> Delivery:
    """A slip for a completed sale, to the sale's customer.

    ``name``, ``phone`` and ``address`` default to the customer's own; all three are needed.
    Safe to call inside the sale's transaction (a ``Till.sale_hooks`` entry; see
    ``sale_hook``): it nests as a savepoint.
    """
    row = store.one("SELECT id, kind, customer_id, receipt_no FROM sales WHERE id = ?", (sale_id,))
    if row is None or row["kind"] != "sale":
        raise SaleNotFound(f"no completed sale with id {sale_id}", sale_id=sale_id)
    customer = customers.by_id(store, row["customer_id"]) if row["customer_id"] else None
    name = name if name is not None else (customer.name if customer else "")
    phone = phone if phone is not None else (customer.phone if customer else "")
    address = address if address is not None else (customer.address if customer else "")
    _check_details(name=name, phone=phone, address=address, ref=row["receipt_no"])

    lines = [
        (ln[0], ln[1], ln[2], "", ln[3], ln[4], ln[5], ln[6])
        for ln in store.conn.execute(
            "SELECT product_id, sku, name, unit, qty_milli, unit_price, net FROM sale_lines"
            " WHERE sale_id = ? AND qty_milli > 0 ORDER BY line_no",
            (sale_id,),
        )
    ]
    return _create(
        store,
        user=user,
        till_code=till_code,
        sale_id=sale_id,
        customer_id=customer.id if customer else None,
        name=name,
        phone=phone,
        address=address,
        delivery_date=delivery_date,
        notes=notes,
        lines=lines,
        now=now,
    )


def sale_hook(store: Store, *, user: User | None, till_code: str, **details: str) -> Callable:
    """A ``Till.sale_hooks`` entry that makes the slip in the sale's own transaction, so a
    sale marked "deliver" and its slip are recorded together or not at all."""

    def hook(conn: sqlite3.Connection, sale_id: int) -> None:
        create_from_sale(store, sale_id=sale_id, user=user, till_code=till_code, **details)

    return hook


def create_order(
    store: Store,
    *,
    user: User | None,
    till_code: str,
    name: str,
    phone: str,
    address: str,
    lines: Iterable[OrderLine],
    customer_id: int | None = None,
    delivery_date: str = "",
    notes: str = "",
    now: datetime | None = None,
) -> Delivery:
    """A customer order entered in the warehouse, its lines taken from the catalog."""
    _check_details(name=name, phone=phone, address=address, ref="")
    rows = []
    for line in lines:
        product = catalog.by_id(store, line.product_id)
        if product is None:
            raise UserInputError(f"no product with id {line.product_id}", product=line.product_id)
        if line.qty_milli <= 0:
            raise UserInputError(f"quantity must be above zero for {product.sku}", sku=product.sku)
        price = product.price if line.unit_price is None else line.unit_price
        if price < 0:
            raise UserInputError(f"price cannot be negative for {product.sku}", sku=product.sku)
        amount = line_gross(price, line.qty_milli)
        rows.append(
            (
                product.id,
                product.sku,
                product.name,
                line.specification.strip(),
                product.unit,
                line.qty_milli,
                price,
                amount,
            )
        )
    if not rows:
        raise UserInputError("a delivery order needs at least one line")
    return _create(
        store,
        user=user,
        till_code=till_code,
        sale_id=None,
        customer_id=customer_id,
        name=name.strip(),
        phone=phone.strip(),
        address=address.strip(),
        delivery_date=delivery_date,
        notes=notes,
        lines=rows,
        now=now,
    )


def _check_details(*, name: str, phone: str, address: str, ref: str) -> None:
    missing = [
        key
        for key, value in (("name", name), ("phone", phone), ("address", address))
        if not (value or "").strip()
    ]
    if missing:
        raise MissingDeliveryDetails(
            f"a delivery needs the customer's {', '.join(missing)}", missing=missing, ref=ref
        )


def _create(
    store: Store,
    *,
    user: User | None,
    till_code: str,
    sale_id: int | None,
    customer_id: int | None,
    name: str,
    phone: str,
    address: str,
    delivery_date: str,
    notes: str,
    lines: list[tuple],
    now: datetime | None,
) -> Delivery:
    if delivery_date:
        _check_date(delivery_date)
    moment = (now or datetime.now()).astimezone()
    with store.transaction() as conn:
        number = next_number(conn, till_code)
        delivery_id = conn.execute(
            "INSERT INTO deliveries (uuid, number, sale_id, customer_id, customer_name, phone,"
            " address, delivery_date, notes, created_at, created_day, created_by, total)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                str(uuidlib.uuid4()),
                number,
                sale_id,
                customer_id,
                name.strip(),
                phone.strip(),
                address.strip(),
                delivery_date,
                notes.strip(),
                moment.isoformat(timespec="milliseconds"),
                moment.date().isoformat(),
                user.id if user else None,
                sum(row[7] for row in lines),
            ),
        ).fetchone()[0]
        conn.executemany(
            "INSERT INTO delivery_lines (delivery_id, line_no, product_id, sku, name,"
            " specification, unit, qty_milli, unit_price, amount)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(delivery_id, no, *row) for no, row in enumerate(lines, 1)],
        )
        _record_change(conn, delivery_id, "", "pending", user=user, at=moment, note="")
        log.info("delivery %s created with %d lines", number, len(lines))
    return load(store, delivery_id=delivery_id)


def _check_date(text: str) -> None:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        raise UserInputError(f"not a date (YYYY-MM-DD): {text!r}", value=text) from None


# -- reading -------------------------------------------------------------------------------


def load(store: Store, *, delivery_id: int | None = None, number: str | None = None) -> Delivery:
    if delivery_id is not None:
        where, key = "d.id = ?", delivery_id
    else:
        where, key = "d.number = ? COLLATE NOCASE", (number or "").strip()
    row = store.conn.execute(
        f"SELECT {_COLUMNS}, s.receipt_no FROM deliveries d"
        f" LEFT JOIN sales s ON s.id = d.sale_id WHERE {where}",
        (key,),
    ).fetchone()
    if row is None:
        raise DeliveryNotFound(f"no delivery slip {key}", number=key)
    lines = tuple(
        DeliveryLine(*r)
        for r in store.conn.execute(
            f"SELECT {_LINE_COLUMNS} FROM delivery_lines WHERE delivery_id = ? ORDER BY line_no",
            (row[0],),
        )
    )
    history = tuple(
        HistoryEntry(*r)
        for r in store.conn.execute(
            "SELECT from_state, state, user_id, user_name, at, note, signed_by"
            " FROM delivery_history WHERE delivery_id = ? ORDER BY id",
            (row[0],),
        )
    )
    return Delivery(*row[:16], lines=lines, history=history, receipt_no=row[16] or "")


def search(
    store: Store,
    *,
    text: str = "",
    state: str | None = None,
    day_from: str | None = None,
    day_to: str | None = None,
    open_any_day: bool = False,
    limit: int = 200,
) -> list[Summary]:
    """Slips by state and creation date, matching ``text`` in number, customer or phone.

    With ``open_any_day`` the days limit only finished slips (delivered, cancelled): open ones
    (pending, picked, dispatched) are listed however old they are, since they still need work.
    """
    if state is not None and state not in STATES:
        raise UserInputError(f"state must be one of {', '.join(STATES)}", state=state)
    for day in (day_from, day_to):
        if day:
            _check_date(day)
    where, params = ["1"], []
    if state:
        where.append("d.state = ?")
        params.append(state)
    days, day_params = [], []
    if day_from:
        days.append("d.created_day >= ?")
        day_params.append(day_from)
    if day_to:
        days.append("d.created_day <= ?")
        day_params.append(day_to)
    if days and open_any_day:
        marks = ", ".join("?" * len(OPEN_STATES))
        where.append(f"(d.state IN ({marks}) OR ({' AND '.join(days)}))")
        params += [*OPEN_STATES, *day_params]
    elif days:
        where += days
        params += day_params
    text = text.strip()
    if text:
        like = f"%{_escape_like(text)}%"
        where.append(
            "(d.number LIKE ? ESCAPE '\\' OR d.customer_name LIKE ? ESCAPE '\\'"
            " OR d.phone LIKE ? ESCAPE '\\')"
        )
        params += [like, like, like]
    rows = store.conn.execute(
        "SELECT d.id, d.number, d.state, d.customer_name, d.phone, d.address, d.created_day,"
        " d.delivery_date, d.total, (SELECT count(*) FROM delivery_lines l"
        " WHERE l.delivery_id = d.id) FROM deliveries d"
        f" WHERE {' AND '.join(where)} ORDER BY d.id DESC LIMIT ?",
        (*params, limit),
    ).fetchall()
    return [Summary(*r) for r in rows]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# -- pick-by-scan --------------------------------------------------------------------------


def scan(
    store: Store,
    *,
    delivery_id: int,
    code: str,
    user: User | None,
    layout: ScaleLayout | None = None,
) -> Picked:
    """Tick the line of the scanned product: one unit, a pack's quantity for a pack barcode,
    or the weight of a label-scale code. Raises what the clerk must hear about."""
    _require_worker(user, "pick")
    scanned = classify(code, layout) if layout else classify(code)
    if scanned.kind is CodeKind.MISREAD:
        raise MisreadBarcode(f"misread barcode {scanned.code}; scan it again", code=scanned.code)
    if scanned.kind is CodeKind.PAYMENT:
        raise PaymentCodeScanned("that is a payment code, not an item", code=scanned.code)
    lookup = scanned.item_code if scanned.kind is CodeKind.SCALE else scanned.code
    hit = catalog.by_barcode(store, lookup)
    if hit is None:
        raise UnknownBarcode(f"unknown barcode {scanned.code}", code=scanned.code)
    if scanned.kind is CodeKind.SCALE:
        added = scanned.weight_g  # grams are thousandths of a kilogram
    else:
        added = hit.pack_qty * 1000
    return _tick(store, delivery_id, hit.product, added, scanned.code)


def _tick(
    store: Store, delivery_id: int, product: catalog.Product, added: int, code: str
) -> Picked:
    with store.transaction() as conn:
        number, state = _state(conn, delivery_id)
        if state != "pending":
            raise BadStateChange(
                f"slip {number} is {state}; only a pending slip is picked",
                number=number,
                state=state,
                wanted="scan",
            )
        rows = conn.execute(
            "SELECT id, line_no, name, qty_milli, picked_milli FROM delivery_lines"
            " WHERE delivery_id = ? AND product_id = ? ORDER BY line_no",
            (delivery_id, product.id),
        ).fetchall()
        if not rows:
            raise NotOnSlip(
                f"{product.name} is not on slip {number}",
                number=number,
                code=code,
                name=product.name,
                sku=product.sku,
            )
        # The same product on two lines: fill them in order.
        target = next((r for r in rows if r[4] + added <= r[3]), None)
        if target is None:
            ordered = sum(r[3] for r in rows)
            picked = sum(r[4] for r in rows)
            raise TooMany(
                f"too many {product.name}: slip {number} asks for {ordered / 1000:g},"
                f" {picked / 1000:g} picked, this scan adds {added / 1000:g}",
                number=number,
                line_no=rows[0][1],
                name=product.name,
                qty_milli=ordered,
                picked_milli=picked,
                added_milli=added,
            )
        line_id, line_no, name, qty, picked = target
        conn.execute(
            "UPDATE delivery_lines SET picked_milli = picked_milli + ? WHERE id = ?",
            (added, line_id),
        )
        complete = not conn.execute(
            "SELECT 1 FROM delivery_lines WHERE delivery_id = ? AND picked_milli < qty_milli",
            (delivery_id,),
        ).fetchone()
    return Picked(line_no, name, added, picked + added, qty, complete)


def unpick(
    store: Store,
    *,
    delivery_id: int,
    line_no: int,
    user: User | None,
    now: datetime | None = None,
) -> None:
    """Clear what was picked on one line (the clerk took it off the pallet to start over).

    The clear is kept in the slip's history (state unchanged, the note says which line and
    how much was cleared), so a pallet's count that went down can be traced to who did it.
    """
    _require_worker(user, "clear a picked line")
    with store.transaction() as conn:
        number, state = _state(conn, delivery_id)
        if state != "pending":
            raise BadStateChange(
                f"slip {number} is {state}", number=number, state=state, wanted="unpick"
            )
        row = conn.execute(
            "SELECT sku, picked_milli FROM delivery_lines WHERE delivery_id = ? AND line_no = ?",
            (delivery_id, line_no),
        ).fetchone()
        if row is None:
            raise UserInputError(f"slip {number} has no line {line_no}", line_no=line_no)
        sku, picked = row
        if picked == 0:
            return
        conn.execute(
            "UPDATE delivery_lines SET picked_milli = 0 WHERE delivery_id = ? AND line_no = ?",
            (delivery_id, line_no),
        )
        moment = (now or datetime.now()).astimezone()
        conn.execute(
            "INSERT INTO delivery_history (delivery_id, from_state, state, user_id, user_name,"
            " at, note, signed_by) VALUES (?, ?, ?, ?, ?, ?, ?, '')",
            (
                delivery_id,
                state,
                state,
                user.id,
                user.name,
                moment.isoformat(timespec="milliseconds"),
                f"{UNPICK_NOTE} {line_no} {sku}: {picked / 1000:g}",
            ),
        )
        log.info(
            "delivery %s: line %d (%s) picked count cleared by %s", number, line_no, sku, user.name
        )


def short_lines(store: Store, delivery_id: int) -> list[DeliveryLine]:
    return load(store, delivery_id=delivery_id).short_lines


# -- state changes -------------------------------------------------------------------------


def mark_picked(
    store: Store,
    *,
    delivery_id: int,
    user: User | None,
    approver: User | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> Delivery:
    """The goods on the pallet match the slip. If they don't, only an owner's override with a
    reason lets the slip go on as picked; the override is audited."""
    _require_worker(user, "mark picked")
    with store.transaction() as conn:
        delivery = load(store, delivery_id=delivery_id)
        _check_transition(delivery, "picked")
        short = delivery.short_lines
        note = ""
        if short:
            if approver is None:
                raise PickIncomplete(
                    f"slip {delivery.number}: {len(short)} lines still short",
                    number=delivery.number,
                    short=[
                        {
                            "line_no": ln.line_no,
                            "name": ln.name,
                            "qty_milli": ln.qty_milli,
                            "picked_milli": ln.picked_milli,
                        }
                        for ln in short
                    ],
                )
            if not has_role(approver, "owner"):
                raise PermissionRequired(
                    "sending a slip that differs from the order needs an owner",
                    action="pick_override",
                    role="owner",
                )
            if not reason.strip():
                raise UserInputError("an override needs a reason", action="pick_override")
            note = reason.strip()
            audit.record(
                conn,
                "pick_override",
                user_id=approver.id,
                ref=delivery.number,
                reason=note,
                clerk=user.name if user else "",
                short=[
                    {"sku": ln.sku, "qty_milli": ln.qty_milli, "picked_milli": ln.picked_milli}
                    for ln in short
                ],
            )
        _change(conn, delivery, "picked", user=user, now=now, note=note)
    return load(store, delivery_id=delivery_id)


def reopen(
    store: Store, *, delivery_id: int, user: User | None, note: str = "", now=None
) -> Delivery:
    """Back from picked to pending, to pick again."""
    _require_worker(user, "reopen")
    with store.transaction() as conn:
        _change(
            conn, load(store, delivery_id=delivery_id), "pending", user=user, now=now, note=note
        )
    return load(store, delivery_id=delivery_id)


@dataclass(frozen=True)
class Shortage:
    """The warehouse holds less of a product than a dispatch takes."""

    product_id: int
    sku: str
    name: str
    unit: str
    stock_policy: str
    wanted_milli: int
    on_hand_milli: int


def takes_stock(store: Store, delivery: Delivery) -> bool:
    """Whether dispatching the slip moves stock out of the warehouse.

    Stock leaves once. A customer order, or a sale whose slip was made in the sale's own
    transaction (the counter's "deliver"), leaves the warehouse at dispatch. A slip made later
    for a sale that already took its goods off the shop's shelf moves nothing more.
    """
    return delivery.sale_id is None or not sales.took_stock(store, delivery.sale_id)


def shortages(store: Store, *, delivery_id: int) -> list[Shortage]:
    """What dispatching the slip now would take beyond the warehouse's on-hand."""
    found = load(store, delivery_id=delivery_id)
    if not takes_stock(store, found):
        return []
    wanted: dict[int, int] = {}
    for ln in found.lines:
        if ln.product_id is not None and ln.picked_milli > 0:
            wanted[ln.product_id] = wanted.get(ln.product_id, 0) + ln.picked_milli
    out = []
    for product_id, qty in wanted.items():
        on_hand = stock.on_hand(store, product_id, stock.WAREHOUSE)
        if qty > on_hand:
            product = catalog.by_id(store, product_id)
            out.append(
                Shortage(
                    product_id,
                    product.sku,
                    product.name,
                    product.unit,
                    product.stock_policy,
                    qty,
                    on_hand,
                )
            )
    return out


def dispatch(
    store: Store, *, delivery_id: int, user: User | None, note: str = "", now=None
) -> Delivery:
    """The van leaves: what was picked leaves the warehouse location through the ledger.

    Short warehouse stock follows each product's policy, as at the counter: ``block`` refuses
    the dispatch (``StockShort``); otherwise it goes, and the shortage is audited as
    ``stock_short_dispatched``.
    """
    _require_worker(user, "dispatch")
    with store.transaction() as conn:
        delivery = load(store, delivery_id=delivery_id)
        _check_transition(delivery, "dispatched")
        short = shortages(store, delivery_id=delivery_id)
        for item in short:
            if item.stock_policy == "block":
                raise StockShort(
                    f"slip {delivery.number}: only {item.on_hand_milli / 1000:g} {item.unit}"
                    f" of {item.name} in the warehouse",
                    number=delivery.number,
                    name=item.name,
                    on_hand_milli=item.on_hand_milli,
                    wanted_milli=item.wanted_milli,
                )
        if short:
            log.warning(
                "delivery %s dispatched with short warehouse stock: %s",
                delivery.number,
                ", ".join(f"{s.sku} {s.wanted_milli}/{s.on_hand_milli}" for s in short),
            )
            audit.record(
                conn,
                "stock_short_dispatched",
                user_id=user.id if user else None,
                ref=delivery.number,
                short=[
                    {
                        "sku": s.sku,
                        "wanted_milli": s.wanted_milli,
                        "on_hand_milli": s.on_hand_milli,
                    }
                    for s in short
                ],
            )
        moves = []
        if takes_stock(store, delivery):
            moves = [
                stock.write_move(
                    conn,
                    product_id=ln.product_id,
                    qty_milli=-ln.picked_milli,
                    kind="dispatch",
                    location_id=stock.WAREHOUSE,
                    ref=delivery.number,
                )
                for ln in delivery.lines
                if ln.product_id is not None and ln.picked_milli > 0
            ]
        _change(conn, delivery, "dispatched", user=user, now=now, note=note, moves=moves)
    return load(store, delivery_id=delivery_id)


def deliver(
    store: Store,
    *,
    delivery_id: int,
    user: User | None,
    signed_by: str,
    note: str = "",
    now=None,
) -> Delivery:
    """The customer received the goods; ``signed_by`` is who signed the slip."""
    _require_worker(user, "mark delivered")
    if not signed_by.strip():
        raise UserInputError("say who signed for the goods", field="signed_by")
    with store.transaction() as conn:
        delivery = load(store, delivery_id=delivery_id)
        _check_transition(delivery, "delivered")
        conn.execute(
            "UPDATE deliveries SET signed_by = ? WHERE id = ?", (signed_by.strip(), delivery_id)
        )
        delivery = load(store, delivery_id=delivery_id)
        _change(conn, delivery, "delivered", user=user, now=now, note=note, signed_by=signed_by)
    return load(store, delivery_id=delivery_id)


def cancel(
    store: Store, *, delivery_id: int, user: User | None, note: str = "", now=None
) -> Delivery:
    _require_worker(user, "cancel")
    if not note.strip():
        raise UserInputError("say why the slip is cancelled", field="note")
    with store.transaction() as conn:
        _change(
            conn, load(store, delivery_id=delivery_id), "cancelled", user=user, now=now, note=note
        )
    return load(store, delivery_id=delivery_id)


def _require_worker(user: User | None, action: str) -> None:
    if not has_role(user, WORK_ROLE):
        raise PermissionRequired(
            f"{action} needs a warehouse clerk or an owner", action=action, role=WORK_ROLE
        )


def _state(conn: sqlite3.Connection, delivery_id: int) -> tuple[str, str]:
    row = conn.execute(
        "SELECT number, state FROM deliveries WHERE id = ?", (delivery_id,)
    ).fetchone()
    if row is None:
        raise DeliveryNotFound(f"no delivery slip with id {delivery_id}", number=str(delivery_id))
    return row[0], row[1]


def _check_transition(delivery: Delivery, wanted: str) -> None:
    if wanted not in TRANSITIONS[delivery.state]:
        raise BadStateChange(
            f"slip {delivery.number} is {delivery.state}; it cannot become {wanted}",
            number=delivery.number,
            state=delivery.state,
            wanted=wanted,
        )


def _change(
    conn: sqlite3.Connection,
    delivery: Delivery,
    state: str,
    *,
    user: User | None,
    now: datetime | None,
    note: str = "",
    signed_by: str = "",
    moves: list[stock.Move] = (),
) -> None:
    _check_transition(delivery, state)
    conn.execute("UPDATE deliveries SET state = ? WHERE id = ?", (state, delivery.id))
    moment = (now or datetime.now()).astimezone()
    _record_change(
        conn,
        delivery.id,
        delivery.state,
        state,
        user=user,
        at=moment,
        note=note,
        signed_by=signed_by,
        moves=moves,
    )
    log.info("delivery %s: %s -> %s", delivery.number, delivery.state, state)


def _record_change(
    conn: sqlite3.Connection,
    delivery_id: int,
    from_state: str,
    state: str,
    *,
    user: User | None,
    at: datetime,
    note: str,
    signed_by: str = "",
    moves: list[stock.Move] = (),
) -> None:
    """History row and outbox fact, in the caller's transaction."""
    at_text = at.isoformat(timespec="milliseconds")
    conn.execute(
        "INSERT INTO delivery_history (delivery_id, from_state, state, user_id, user_name, at,"
        " note, signed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            delivery_id,
            from_state,
            state,
            user.id if user else None,
            user.name if user else "",
            at_text,
            note,
            signed_by.strip(),
        ),
    )
    payload = _payload(conn, delivery_id)
    payload["change"] = {
        "from": from_state,
        "to": state,
        "by": user.name if user else "",
        "at": at_text,
        "note": note,
        "signed_by": signed_by.strip(),
    }
    payload["moves"] = [move.as_payload(conn) for move in moves]
    outbox.append(conn, "delivery", payload)


def _payload(conn: sqlite3.Connection, delivery_id: int) -> dict:
    row = conn.execute(
        "SELECT d.uuid, d.number, s.uuid, c.uuid, d.customer_name, d.phone, d.address,"
        " d.delivery_date, d.notes, d.state, d.created_at, d.signed_by, d.total"
        " FROM deliveries d LEFT JOIN sales s ON s.id = d.sale_id"
        " LEFT JOIN customers c ON c.id = d.customer_id WHERE d.id = ?",
        (delivery_id,),
    ).fetchone()
    keys = (
        "uuid",
        "number",
        "sale_uuid",
        "customer_uuid",
        "customer_name",
        "phone",
        "address",
        "delivery_date",
        "notes",
        "state",
        "created_at",
        "signed_by",
        "total",
    )
    payload = dict(zip(keys, row, strict=True))
    payload["lines"] = [
        dict(
            zip(
                (
                    "line_no",
                    "sku",
                    "name",
                    "specification",
                    "unit",
                    "qty_milli",
                    "unit_price",
                    "amount",
                    "picked_milli",
                ),
                r,
                strict=True,
            )
        )
        for r in conn.execute(
            "SELECT line_no, sku, name, specification, unit, qty_milli, unit_price, amount,"
            " picked_milli FROM delivery_lines WHERE delivery_id = ? ORDER BY line_no",
            (delivery_id,),
        )
    ]
    return payload
