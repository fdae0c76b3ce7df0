"""The selling engine: a till with a logged-in user and the ticket being rung up.

Every action is a small method with keyword-only amounts and quantities. Rules that a
person may override (a price below cost, a huge quantity, short stock) raise a typed error
naming what is needed: an owner's approval or the cashier's confirmation. The screen asks
for it and calls again with it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from app import audit, catalog, customers, sales, stock
from app.barcode import CodeKind, ScaleLayout, classify, payment_tender
from app.config import Config
from app.errors import (
    CreditLimitExceeded,
    DeliveryPending,
    EmptyTicket,
    InvalidPrice,
    InvalidQuantity,
    LineNotFound,
    MisreadBarcode,
    NeedsConfirmation,
    Overpaid,
    PaymentCodeScanned,
    PermissionRequired,
    ProductInactive,
    ReturnTooLarge,
    StockShort,
    TenderNotAllowed,
    TicketClosed,
    Underpaid,
    UnknownBarcode,
    UserInputError,
)
from app.money import div_round, line_gross, percent_of
from app.ticket import (
    TENDERS,
    Discount,
    Line,
    Payment,
    PricedLine,
    Ticket,
    Totals,
    price_ticket,
    taxes_by_rate,
)
from app.users import User, has_role
from localdb import Store

log = logging.getLogger(__name__)

ROUNDING_STEPS = {"none": 0, "0.1": 10, "1": 100}
# Refunds go back to the tenders the customer paid with, the ones easiest to reverse first.
REFUND_ORDER = ("account", "wechat", "alipay", "unionpay", "card", "cash")


@dataclass(frozen=True)
class ScanResult:
    line: Line
    added_milli: int
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Completed:
    sale_id: int
    receipt_no: str
    total: int
    change: int
    opens_drawer: bool
    warnings: tuple[str, ...] = ()


@dataclass
class ReturnDraft:
    """What a customer brings back from one sale (or, without a receipt, from none)."""

    original: sales.Sale | None
    returnable: dict[int, int] = field(default_factory=dict)  # original line id -> milli left
    ticket: Ticket = field(default_factory=Ticket)


def exact_label_line(price_fen: int, price_per_kg: int) -> tuple[int, int]:
    """Grams and a price per kg whose line total is exactly what the price label says.

    The weight a price label stands for is derived from the catalog's price per kg. Where
    no whole number of grams gives the label's price to the fen, the unit price moves by
    the fewest fen that does, so the customer pays what the label shows.
    """
    for step in range(0, 100):
        for unit_price in {price_per_kg + step, max(1, price_per_kg - step)}:
            grams = div_round(price_fen * 1000, unit_price)
            for qty in (grams, grams - 1, grams + 1):
                if qty > 0 and line_gross(unit_price, qty) == price_fen:
                    return qty, unit_price
    grams = max(1, div_round(price_fen * 1000, price_per_kg))
    return grams, div_round(price_fen * 1000, grams)


class Till:
    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.config = config or Config()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.user: User | None = None
        self.ticket = Ticket()
        self.sale_hooks: list[Callable] = []  # called inside the sale's transaction
        self._layout = ScaleLayout(self.config.shop.scale_barcode_layout)

    # -- session ---------------------------------------------------------------------------

    def login(self, user: User) -> None:
        self.user = user

    def logout(self) -> None:
        """Lock the till; the open ticket stays for the next login."""
        self.user = None

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None

    # -- pricing ---------------------------------------------------------------------------

    @property
    def rounding_step(self) -> int:
        return ROUNDING_STEPS[self.config.shop.cash_rounding]

    def totals(self, ticket: Ticket | None = None) -> Totals:
        return price_ticket(
            ticket or self.ticket,
            tax_inclusive=self.config.shop.tax_inclusive,
            rounding_step=self.rounding_step,
        )

    # -- ringing up ------------------------------------------------------------------------

    def scan(self, code: str, *, confirmed: bool = False) -> ScanResult:
        """Add what a scanned (or typed) code names: one more of it, a pack, or a weighed item."""
        self._check_open()
        scanned = classify(code, self._layout)
        if scanned.kind is CodeKind.MISREAD:
            raise MisreadBarcode(
                f"misread barcode {scanned.code}: check digit wrong", code=scanned.code
            )
        if scanned.kind is CodeKind.PAYMENT:
            raise PaymentCodeScanned("payment code scanned on the ticket", tender=scanned.tender)
        if scanned.kind is CodeKind.SCALE:
            return self._add_weighed(scanned)
        hit = catalog.by_barcode(self.store, scanned.code) if scanned.code else None
        if hit is None:
            raise UnknownBarcode(f"unknown barcode {scanned.code}", code=scanned.code)
        return self._add(
            hit.product, qty_milli=hit.pack_qty * 1000, barcode=scanned.code, confirmed=confirmed
        )

    def add_product(
        self, product_id: int, *, qty_milli: int = 1000, confirmed: bool = False
    ) -> ScanResult:
        self._check_open()
        product = catalog.by_id(self.store, product_id)
        if product is None:
            raise UnknownBarcode(f"no product {product_id}", code=str(product_id))
        return self._add(product, qty_milli=qty_milli, barcode="", confirmed=confirmed)

    def _add_weighed(self, scanned) -> ScanResult:
        hit = catalog.by_barcode(self.store, scanned.item_code)
        if hit is None:
            raise UnknownBarcode(f"unknown scale item {scanned.item_code}", code=scanned.code)
        product = hit.product
        self._check_sellable(product)
        unit_price = product.price
        if scanned.weight_g:
            qty = scanned.weight_g
        else:  # the label carries the price, which is what the customer saw: keep it exact
            qty, unit_price = exact_label_line(scanned.price_fen, product.price)
        if qty <= 0:
            raise InvalidQuantity("the scale label shows no weight", code=scanned.code)
        warnings = self._stock_warnings(product, qty, extra=True)
        line = self._new_line(product, qty_milli=qty, barcode=scanned.code)
        line.weighed = True
        line.unit_price = unit_price
        return ScanResult(line, qty, warnings)

    def _check_sellable(self, product: catalog.Product) -> None:
        if not product.active:
            raise ProductInactive(f"{product.name} is not for sale", name=product.name)
        if product.price <= 0:
            raise InvalidPrice(f"{product.name} has no price", name=product.name)

    def _add(
        self, product: catalog.Product, *, qty_milli: int, barcode: str, confirmed: bool
    ) -> ScanResult:
        self._check_sellable(product)
        line = next(
            (
                ln
                for ln in self.ticket.lines
                if ln.product_id == product.id
                and not ln.weighed
                and ln.discount is None
                and ln.unit_price == product.price
            ),
            None,
        )
        new_qty = qty_milli + (line.qty_milli if line else 0)
        self._check_sanity(product.name, new_qty, confirmed=confirmed, weighed=product.weighed)
        warnings = self._stock_warnings(product, qty_milli, extra=True)
        if line is None:
            line = self._new_line(product, qty_milli=qty_milli, barcode=barcode)
        else:
            line.qty_milli = new_qty
            # move the line to the end so the last scanned item is the last row
            self.ticket.lines.remove(line)
            self.ticket.lines.append(line)
        return ScanResult(line, qty_milli, warnings)

    def _new_line(self, product: catalog.Product, *, qty_milli: int, barcode: str) -> Line:
        line = Line(
            line_id=self.ticket.new_line_id(),
            product_id=product.id,
            sku=product.sku,
            name=product.name,
            unit=product.unit,
            barcode=barcode,
            qty_milli=qty_milli,
            unit_price=product.price,
            list_price=product.price,
            tax_rate=product.tax_rate,
            cost=product.cost,
            weighed=product.weighed,
            stock_policy=product.stock_policy,
        )
        self.ticket.lines.append(line)
        return line

    def _check_sanity(self, name: str, qty_milli: int, *, confirmed: bool, weighed: bool) -> None:
        if qty_milli <= 0:
            raise InvalidQuantity("a quantity must be above zero", name=name)
        limit = self.config.shop.confirm_quantity_over * 1000
        if not weighed and qty_milli > limit and not confirmed:
            raise NeedsConfirmation(
                f"{qty_milli // 1000} x {name}: is that right?",
                name=name,
                qty_milli=qty_milli,
                limit=self.config.shop.confirm_quantity_over,
            )
        if not weighed and qty_milli > limit:
            with self.store.transaction() as conn:
                audit.record(
                    conn,
                    "quantity_confirmed",
                    user_id=self.user_id,
                    name=name,
                    qty_milli=qty_milli,
                )

    def _stock_warnings(
        self, product: catalog.Product, qty_milli: int, *, extra: bool
    ) -> tuple[str, ...]:
        """Apply the product's stock policy to what the ticket would then hold."""
        if product.stock_policy == "allow":
            return ()
        wanted = sum(ln.qty_milli for ln in self.ticket.lines if ln.product_id == product.id)
        if extra:
            wanted += qty_milli
        on_hand = stock.on_hand(self.store, product.id)
        if wanted <= on_hand:
            return ()
        if product.stock_policy == "block":
            raise StockShort(
                f"only {on_hand // 1000} {product.unit} of {product.name} in stock",
                name=product.name,
                on_hand_milli=on_hand,
                wanted_milli=wanted,
            )
        return ("stock_short",)

    def set_quantity(
        self, line_id: int, *, qty_milli: int, confirmed: bool = False
    ) -> tuple[str, ...]:
        self._check_open()
        line = self._line(line_id)
        self._check_sanity(line.name, qty_milli, confirmed=confirmed, weighed=line.weighed)
        if not line.weighed and qty_milli % 1000:
            raise InvalidQuantity("whole units only", name=line.name)
        old = line.qty_milli
        line.qty_milli = qty_milli
        product = catalog.by_id(self.store, line.product_id) if line.product_id else None
        try:
            return self._stock_warnings(product, 0, extra=False) if product else ()
        except StockShort:
            line.qty_milli = old
            raise

    def void_line(self, line_id: int, *, reason: str = "") -> None:
        self._check_open()
        line = self._line(line_id)
        self.ticket.lines.remove(line)
        with self.store.transaction() as conn:
            audit.record(
                conn,
                "line_void",
                user_id=self.user_id,
                ref=self.ticket.uuid,
                sku=line.sku,
                qty_milli=line.qty_milli,
                amount=line.unit_price,
                reason=reason,
            )

    def discount_line(
        self, line_id: int, discount: Discount | None, *, approver: User | None = None
    ) -> None:
        self._check_open()
        line = self._line(line_id)
        gross = self.totals().line(line_id).gross
        self._check_discount(discount, gross, approver=approver, ref=line.sku)
        line.discount = discount

    def discount_ticket(self, discount: Discount | None, *, approver: User | None = None) -> None:
        self._check_open()
        base = sum(p.gross - p.line_discount for p in self.totals().lines)
        self._check_discount(discount, base, approver=approver, ref="ticket")
        self.ticket.discount = discount

    def _check_discount(
        self, discount: Discount | None, base: int, *, approver: User | None, ref: str
    ) -> None:
        if discount is None:
            return
        if discount.value <= 0 or (discount.kind == "percent" and discount.value > 10000):
            raise UserInputError("a discount is above zero and at most 100%")
        amount = discount.of(base)
        threshold = percent_of(base, self.config.shop.audit_discount_over_percent * 100)
        if amount > threshold:
            with self.store.transaction() as conn:
                audit.record(
                    conn,
                    "discount",
                    user_id=self.user_id,
                    ref=self.ticket.uuid,
                    target=ref,
                    kind=discount.kind,
                    value=discount.value,
                    amount=amount,
                    approved_by=approver.id if approver else None,
                )

    def override_price(
        self, line_id: int, *, price: int, reason: str, approver: User | None
    ) -> None:
        """Change a line's unit price: owners only, with a reason, audited."""
        self._check_open()
        line = self._line(line_id)
        approver = approver or self.user
        if not has_role(approver, "owner"):
            raise PermissionRequired(
                "a price override needs an owner's PIN", action="price_override", role="owner"
            )
        if price <= 0:
            raise InvalidPrice("a price must be above zero", name=line.name)
        if not reason.strip():
            raise UserInputError("a price override needs a reason")
        with self.store.transaction() as conn:
            audit.record(
                conn,
                "price_override",
                user_id=self.user_id,
                ref=self.ticket.uuid,
                sku=line.sku,
                old=line.unit_price,
                new=price,
                reason=reason.strip(),
                approved_by=approver.id,
            )
        line.unit_price = price
        if price < line.cost:
            line.below_cost_approved_by = approver.id

    def attach_customer(self, customer_id: int | None) -> None:
        """Put a customer on the ticket, or take them off; on-account payments pin them."""
        self._check_open()
        if customer_id == self.ticket.customer_id:
            return
        if any(p.tender == "account" for p in self.ticket.payments):
            raise TenderNotAllowed(
                "remove the on-account payment before changing the customer",
                tender="account",
                reason="customer_pinned",
            )
        if customer_id is not None and customers.by_id(self.store, customer_id) is None:
            raise UserInputError(f"no customer {customer_id}")
        self.ticket.customer_id = customer_id

    def _line(self, line_id: int) -> Line:
        line = self.ticket.line(line_id)
        if line is None:
            raise LineNotFound(f"no line {line_id} on the ticket", line_id=line_id)
        return line

    def _check_open(self) -> None:
        if self.ticket.state != "open":
            raise TicketClosed("the ticket is closed; start a new one")

    # -- hold and resume -------------------------------------------------------------------

    def hold(self, *, label: str = "") -> int:
        """Park the open ticket and start a new one. Returns the held ticket's id.

        Payments already taken (a card slip, a scanned payment code) stay with the ticket
        and come back when it is resumed.
        """
        self._check_open()
        if not self.ticket.lines:
            raise EmptyTicket("nothing to hold")
        with self.store.transaction() as conn:
            held_id = conn.execute(
                "INSERT INTO held_tickets (uuid, label, cashier_id, ticket) VALUES (?, ?, ?, ?)"
                " RETURNING id",
                (self.ticket.uuid, label, self.user_id, json.dumps(self.ticket.to_json())),
            ).fetchone()[0]
        self.ticket = Ticket()
        return held_id

    def held(self) -> list[dict]:
        rows = self.store.conn.execute(
            "SELECT id, label, created_at, ticket FROM held_tickets ORDER BY id"
        ).fetchall()
        result = []
        for held_id, label, created_at, data in rows:
            ticket = Ticket.from_json(json.loads(data))
            result.append(
                {
                    "id": held_id,
                    "label": label,
                    "created_at": created_at,
                    "lines": len(ticket.lines),
                    "total": self.totals(ticket).total,
                }
            )
        return result

    def resume(self, held_id: int) -> None:
        """Bring a held ticket back; an open ticket with lines is held in its place."""
        if self.ticket.lines and self.ticket.state == "open":
            self.hold()
        with self.store.transaction() as conn:
            row = conn.execute(
                "DELETE FROM held_tickets WHERE id = ? RETURNING ticket", (held_id,)
            ).fetchone()
        if row is None:
            raise UserInputError(f"no held ticket {held_id}")
        self.ticket = Ticket.from_json(json.loads(row[0]))

    def cancel(self, *, reason: str = "") -> None:
        if self.ticket.lines and self.ticket.state == "open":
            with self.store.transaction() as conn:
                audit.record(
                    conn,
                    "ticket_cancel",
                    user_id=self.user_id,
                    ref=self.ticket.uuid,
                    lines=len(self.ticket.lines),
                    total=self.totals().total,
                    reason=reason,
                )
        self.ticket = Ticket()

    # -- paying ----------------------------------------------------------------------------

    def add_payment(self, *, tender: str, amount: int, reference: str = "") -> Totals:
        """Add a tender. Only cash may exceed what is due (the rest is change)."""
        self._check_open()
        if tender not in TENDERS:
            raise TenderNotAllowed(f"unknown tender {tender!r}", tender=tender)
        if amount <= 0:
            raise UserInputError("a payment is above zero")
        if not self.ticket.lines:
            raise EmptyTicket("the ticket is empty")
        due = self.due_for(tender)
        if tender != "cash" and amount > due:
            raise TenderNotAllowed(f"{tender} cannot pay more than is due", tender=tender, due=due)
        if tender == "account":
            self._check_credit(amount)
        self.ticket.payments.append(Payment(tender, amount, reference))
        return self.totals()

    def due_for(self, tender: str) -> int:
        """What is still due if ``tender`` pays the rest (cash may round it down, 抹零)."""
        trial = Ticket(
            lines=self.ticket.lines,
            discount=self.ticket.discount,
            payments=[*self.ticket.payments, Payment(tender, 0)],
        )
        return self.totals(trial).due

    def _check_credit(self, amount: int) -> None:
        """``amount`` more on account must fit the attached customer's credit left."""
        customer = (
            customers.by_id(self.store, self.ticket.customer_id)
            if self.ticket.customer_id is not None
            else None
        )
        if customer is None:
            raise TenderNotAllowed("on account needs a customer on the ticket", tender="account")
        on_ticket = sum(p.amount for p in self.ticket.payments if p.tender == "account")
        if amount + on_ticket > customer.credit_left:
            raise CreditLimitExceeded(
                f"{customer.name} has {customer.credit_left} fen of credit left",
                name=customer.name,
                credit_left=customer.credit_left,
            )

    def pay_by_code(self, code: str, *, amount: int | None = None) -> Totals:
        """Record a customer's scanned payment code as a tender (no gateway is called)."""
        tender = payment_tender(code.strip())
        if not tender:
            raise UserInputError("not a WeChat, Alipay or UnionPay payment code", code=code)
        due = self.due_for(tender)
        return self.add_payment(tender=tender, amount=amount or due, reference=code.strip())

    def remove_payment(self, index: int) -> None:
        self._check_open()
        del self.ticket.payments[index]

    # -- completing ------------------------------------------------------------------------

    def approve_below_cost(self, approver: User) -> None:
        if not has_role(approver, "owner"):
            raise PermissionRequired(
                "selling below cost needs an owner", action="below_cost", role="owner"
            )
        totals = self.totals()
        for line in self._below_cost(totals):
            line.below_cost_approved_by = approver.id

    def _below_cost(self, totals: Totals) -> list[Line]:
        out = []
        for line, priced in zip(self.ticket.lines, totals.lines, strict=True):
            if line.below_cost_approved_by is not None:
                continue
            # A line given away (a 100% discount) needs an owner even when no cost is known.
            if priced.net <= 0 or priced.net * 1000 < line.cost * line.qty_milli:
                out.append(line)
        return out

    def complete(
        self, *, extra_hooks: Sequence[Callable] = (), delivered: bool = False
    ) -> Completed:
        """Check every rule once more and record the sale in one transaction.

        ``extra_hooks`` run inside that transaction for this sale only (a delivery slip for a
        sale marked "deliver"); if one raises, nothing of the sale is recorded. A
        ``delivered`` sale's goods leave the warehouse when its slip is dispatched, which
        checks the warehouse's stock then; the shop's shelf is not checked for it.
        """
        self._check_open()
        ticket = self.ticket
        if not ticket.lines:
            raise EmptyTicket("the ticket is empty")
        totals = self.totals()
        if totals.due > 0:
            raise Underpaid(f"{totals.due} fen still to pay", due=totals.due)
        if totals.paid - totals.change != totals.total:
            raise Overpaid(
                "card, phone or account payments exceed what is due; remove one",
                excess=totals.paid - totals.change - totals.total,
            )
        if any(p.tender == "account" for p in ticket.payments):
            self._check_credit(0)  # the balance may have moved since the payment was added
        below = self._below_cost(totals)
        if below:
            raise PermissionRequired(
                "selling below cost needs an owner's PIN",
                action="below_cost",
                role="owner",
                names=[ln.name for ln in below],
            )
        reasons = [] if delivered else self._review_reasons()
        hooks = [*self.sale_hooks, *extra_hooks, self._audit_below_cost_hook(totals)]
        sale_id = sales.write(
            self.store,
            ticket,
            totals,
            kind="sale",
            till_code=self.config.till.code,
            cashier_id=self.user_id,
            now=self.clock(),
            review_reasons=reasons,
            hooks=hooks,
        )
        ticket.state = "completed"
        receipt_no = self.store.scalar("SELECT receipt_no FROM sales WHERE id = ?", (sale_id,))
        log.info("sale %s completed: %d lines", receipt_no, len(ticket.lines))
        self.ticket = Ticket()
        opens_drawer = any(p.tender == "cash" for p in ticket.payments)
        return Completed(
            sale_id,
            receipt_no,
            totals.total,
            totals.change,
            opens_drawer,
            ("stock_short",) if reasons else (),
        )

    def _review_reasons(self) -> list[str]:
        """Short stock is sold (policy warn or allow) but flagged; 'block' stops the sale."""
        reasons = []
        wanted: dict[int, int] = {}
        for line in self.ticket.lines:
            if line.product_id is not None:
                wanted[line.product_id] = wanted.get(line.product_id, 0) + line.qty_milli
        for product_id, qty in wanted.items():
            on_hand = stock.on_hand(self.store, product_id)
            if qty > on_hand:
                product = catalog.by_id(self.store, product_id)
                if product.stock_policy == "block":
                    raise StockShort(
                        f"only {on_hand // 1000} of {product.name} in stock",
                        name=product.name,
                        on_hand_milli=on_hand,
                        wanted_milli=qty,
                    )
                reasons.append(f"stock short: {product.sku} wanted {qty} on hand {on_hand}")
        return reasons

    def _check_not_awaiting_delivery(self, original: sales.Sale) -> None:
        """Goods still in the warehouse for a delivery cannot be given back; the slip would
        then ship what was refunded. Cancel the slip (or let it go out) first."""
        waiting = self.store.conn.execute(
            "SELECT number FROM deliveries WHERE sale_id = ? AND state IN ('pending', 'picked')",
            (original.id,),
        ).fetchone()
        if waiting is not None:
            raise DeliveryPending(
                f"{original.receipt_no} waits for delivery on slip {waiting[0]}",
                receipt_no=original.receipt_no,
                slip=waiting[0],
            )

    def _audit_below_cost_hook(self, totals: Totals) -> Callable:
        approved = [ln for ln in self.ticket.lines if ln.below_cost_approved_by is not None]

        def hook(conn, sale_id: int) -> None:
            for line in approved:
                audit.record(
                    conn,
                    "below_cost",
                    user_id=self.user_id,
                    ref=str(sale_id),
                    sku=line.sku,
                    cost=line.cost,
                    price=line.unit_price,
                    approved_by=line.below_cost_approved_by,
                )

        return hook

    # -- returns ---------------------------------------------------------------------------

    def start_return(self, receipt_no: str | None, *, approver: User | None = None) -> ReturnDraft:
        """Begin a return against a receipt, or without one (owners only)."""
        if not receipt_no:
            approver = approver or self.user
            if not has_role(approver, "owner"):
                raise PermissionRequired(
                    "a return without a receipt needs an owner's PIN",
                    action="return_without_receipt",
                    role="owner",
                )
            return ReturnDraft(None)
        original = sales.load(self.store, receipt_no=receipt_no)
        if original.kind != "sale":
            raise UserInputError(f"{receipt_no} is a return, not a sale", receipt_no=receipt_no)
        done = sales.returned_so_far(self.store, original.id)
        left = {ln.id: ln.qty_milli - done.get(ln.id, 0) for ln in original.lines}
        return ReturnDraft(original, {k: v for k, v in left.items() if v > 0})

    def complete_return(
        self,
        draft: ReturnDraft,
        *,
        quantities: dict[int, int] | None = None,
        products: list[tuple[int, int, int]] = (),
        approver: User | None = None,
        reason: str = "",
    ) -> Completed:
        """Record a return. With a receipt: ``quantities`` maps original line ids to the
        thousandths given back. Without: ``products`` lists (product id, milli, unit price)."""
        if draft.original is None:
            return self._return_without_receipt(
                products, approver=approver or self.user, reason=reason
            )
        original = draft.original
        self._check_not_awaiting_delivery(original)
        quantities = {k: v for k, v in (quantities or {}).items() if v}
        if not quantities:
            raise EmptyTicket("choose what is being returned")
        ticket = Ticket(customer_id=original.customer_id)
        lines_by_id = {ln.id: ln for ln in original.lines}
        done = sales.returned_so_far(self.store, original.id)
        refund_lines = []
        for line_id, qty in quantities.items():
            sold = lines_by_id.get(line_id)
            if sold is None:
                raise LineNotFound(f"line {line_id} is not on {original.receipt_no}")
            left = sold.qty_milli - done.get(line_id, 0)
            if qty <= 0 or qty > left:
                raise ReturnTooLarge(
                    f"at most {left} of {sold.name} can come back", name=sold.name, left_milli=left
                )
            before = done.get(line_id, 0)
            net = _share(sold.net, before + qty, sold.qty_milli) - _share(
                sold.net, before, sold.qty_milli
            )
            gross = _share(sold.gross, before + qty, sold.qty_milli) - _share(
                sold.gross, before, sold.qty_milli
            )
            ticket.lines.append(
                Line(
                    line_id=ticket.new_line_id(),
                    product_id=sold.product_id,
                    sku=sold.sku,
                    name=sold.name,
                    unit=sold.unit,
                    barcode=sold.barcode,
                    qty_milli=qty,
                    unit_price=sold.unit_price,
                    list_price=sold.list_price,
                    tax_rate=sold.tax_rate,
                    original_line_id=sold.id,
                )
            )
            refund_lines.append((gross, gross - net, net))
        totals = self._return_totals(ticket, refund_lines, original)
        ticket.payments = self._refund_tenders(original, totals.total)
        totals = _with_paid(totals, sum(p.amount for p in ticket.payments))
        return self._write_return(
            ticket, totals, original_id=original.id, receipt_ref=original.receipt_no, reason=reason
        )

    def _return_totals(
        self, ticket: Ticket, refund_lines: list[tuple[int, int, int]], original: sales.Sale
    ) -> Totals:
        """Amounts of a return: each line's share of what was paid for it, to the fen, so that
        returning everything in any number of steps gives back exactly the sale's total."""
        nets = [net for _, _, net in refund_lines]
        sold_net = sum(ln.net for ln in original.lines)
        before = sum(ln.net for ln in _returned_lines(self.store, original.id))
        rounding = _share(original.rounding, before + sum(nets), sold_net) - _share(
            original.rounding, before, sold_net
        )
        taxes, line_tax = taxes_by_rate(ticket.lines, nets, original.tax_inclusive)
        tax_total = sum(t for _, _, t in taxes)
        total = sum(nets) + (0 if original.tax_inclusive else tax_total) + rounding
        priced = tuple(
            PricedLine(line.line_id, gross, discount, 0, net, tax)
            for line, (gross, discount, net), tax in zip(
                ticket.lines, refund_lines, line_tax, strict=True
            )
        )
        return Totals(
            lines=priced,
            subtotal=sum(g for g, _, _ in refund_lines),
            discount_total=sum(d for _, d, _ in refund_lines),
            taxes=taxes,
            tax_total=tax_total,
            rounding=rounding,
            total=total,
            paid=0,
            change=0,
            due=total,
            tax_inclusive=original.tax_inclusive,
        )

    def _refund_tenders(self, original: sales.Sale, amount: int) -> list[Payment]:
        """Split a refund over the sale's tenders, never giving back more than each took."""
        taken: dict[str, int] = {}
        for payment in original.payments:
            taken[payment.tender] = taken.get(payment.tender, 0) + payment.amount
        if "cash" in taken:
            taken["cash"] -= original.change_given
        already = sales.refunded_by_tender(self.store, original.id)
        refunds, left = [], amount
        for tender in REFUND_ORDER:
            room = taken.get(tender, 0) - already.get(tender, 0)
            part = min(room, left)
            if part > 0:
                reference = next(
                    (p.reference for p in original.payments if p.tender == tender), ""
                )
                refunds.append(Payment(tender, part, reference))
                left -= part
        if left > 0:  # only possible through rounding; cash covers the last fen
            refunds.append(Payment("cash", left))
        return refunds

    def _return_without_receipt(
        self, products: list[tuple[int, int, int]], *, approver: User | None, reason: str
    ) -> Completed:
        if not has_role(approver, "owner"):
            raise PermissionRequired(
                "a return without a receipt needs an owner's PIN",
                action="return_without_receipt",
                role="owner",
            )
        if not products:
            raise EmptyTicket("choose what is being returned")
        ticket = Ticket()
        for product_id, qty, unit_price in products:
            product = catalog.by_id(self.store, product_id)
            if product is None or qty <= 0 or unit_price <= 0:
                raise UserInputError("a return line needs a product, quantity and price")
            ticket.lines.append(
                Line(
                    line_id=ticket.new_line_id(),
                    product_id=product.id,
                    sku=product.sku,
                    name=product.name,
                    unit=product.unit,
                    barcode="",
                    qty_milli=qty,
                    unit_price=unit_price,
                    list_price=product.price,
                    tax_rate=product.tax_rate,
                )
            )
        totals = price_ticket(ticket, tax_inclusive=self.config.shop.tax_inclusive)
        ticket.payments = [Payment("cash", totals.total)]
        totals = _with_paid(totals, totals.total)
        with self.store.transaction() as conn:
            audit.record(
                conn,
                "return_without_receipt",
                user_id=self.user_id,
                approved_by=approver.id,
                total=totals.total,
                reason=reason,
            )
            return self._write_return(
                ticket, totals, original_id=None, receipt_ref="", reason=reason
            )

    def _write_return(
        self,
        ticket: Ticket,
        totals: Totals,
        *,
        original_id: int | None,
        receipt_ref: str,
        reason: str,
    ) -> Completed:
        def audit_refund(conn, sale_id: int) -> None:
            audit.record(
                conn,
                "refund",
                user_id=self.user_id,
                ref=receipt_ref,
                total=totals.total,
                reason=reason,
                tenders={p.tender: p.amount for p in ticket.payments},
            )

        sale_id = sales.write(
            self.store,
            ticket,
            totals,
            kind="return",
            till_code=self.config.till.code,
            cashier_id=self.user_id,
            now=self.clock(),
            original_sale_id=original_id,
            hooks=[*self.sale_hooks, audit_refund],
        )
        receipt_no = self.store.scalar("SELECT receipt_no FROM sales WHERE id = ?", (sale_id,))
        opens_drawer = any(p.tender == "cash" for p in ticket.payments)
        log.info("return %s recorded against %s", receipt_no, receipt_ref or "no receipt")
        return Completed(sale_id, receipt_no, totals.total, 0, opens_drawer)


def _share(amount: int, part: int, whole: int) -> int:
    return div_round(amount * part, whole) if whole else 0


def _with_paid(totals: Totals, paid: int) -> Totals:
    return replace(totals, paid=paid, due=max(totals.total - paid, 0))


def _returned_lines(store: Store, sale_id: int) -> list[sales.SaleLine]:
    rows = store.conn.execute(
        "SELECT l.id, l.line_no, l.product_id, l.original_line_id, l.barcode, l.sku, l.name,"
        " l.unit, l.qty_milli, l.unit_price, l.list_price, l.tax_rate, l.gross, l.discount,"
        " l.net, l.tax FROM sale_lines l JOIN sales s ON s.id = l.sale_id"
        " WHERE s.original_sale_id = ? AND s.kind = 'return'",
        (sale_id,),
    ).fetchall()
    return [sales.SaleLine(*r) for r in rows]
