"""A ticket being rung up, and the arithmetic that prices it. Pure: no store, no clock.

``price_ticket`` is the single place where line amounts, discounts, tax, cash rounding and
payments are worked out; the screen, the receipt and the stored sale all read its result,
so they cannot disagree. Rules are in docs/money.md.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import asdict, dataclass, field
from typing import Literal

from app.money import allocate, cash_round_down, line_gross, percent_of, tax_in_gross, tax_on_net

TENDERS = ("cash", "card", "wechat", "alipay", "unionpay", "account")


@dataclass(frozen=True)
class Discount:
    kind: Literal["percent", "amount"]
    value: int  # basis points of the amount (percent) or fen (amount)

    def of(self, amount: int) -> int:
        if self.kind == "percent":
            return min(amount, percent_of(amount, self.value))
        return min(amount, self.value)


@dataclass
class Line:
    line_id: int
    product_id: int | None
    sku: str
    name: str
    unit: str
    barcode: str
    qty_milli: int
    unit_price: int  # fen, after any override
    list_price: int  # fen, catalog price when the line was added
    tax_rate: int  # basis points
    cost: int = 0
    weighed: bool = False
    stock_policy: str = "warn"
    discount: Discount | None = None
    below_cost_approved_by: int | None = None
    original_line_id: int | None = None  # returns: the sold line this gives back


@dataclass(frozen=True)
class Payment:
    tender: str
    amount: int  # fen
    reference: str = ""


@dataclass
class Ticket:
    uuid: str = field(default_factory=lambda: str(uuidlib.uuid4()))
    lines: list[Line] = field(default_factory=list)
    discount: Discount | None = None
    customer_id: int | None = None
    payments: list[Payment] = field(default_factory=list)
    state: Literal["open", "completed", "cancelled"] = "open"
    next_line_id: int = 1

    def new_line_id(self) -> int:
        self.next_line_id += 1
        return self.next_line_id - 1

    def line(self, line_id: int) -> Line | None:
        return next((line for line in self.lines if line.line_id == line_id), None)

    @property
    def item_count(self) -> int:
        """Units on the ticket; a weighed line counts as one item."""
        return sum(1 if line.weighed else line.qty_milli // 1000 for line in self.lines)

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Ticket:
        def discount(value: dict | None) -> Discount | None:
            return None if value is None else Discount(**value)

        lines = [
            Line(**{**line, "discount": discount(line["discount"])}) for line in data["lines"]
        ]
        return cls(
            uuid=data["uuid"],
            lines=lines,
            discount=discount(data["discount"]),
            customer_id=data["customer_id"],
            payments=[Payment(**p) for p in data["payments"]],
            state=data["state"],
            next_line_id=data["next_line_id"],
        )


@dataclass(frozen=True)
class PricedLine:
    line_id: int
    gross: int
    line_discount: int
    ticket_discount: int
    net: int
    tax: int

    @property
    def discount(self) -> int:
        return self.line_discount + self.ticket_discount


@dataclass(frozen=True)
class Totals:
    lines: tuple[PricedLine, ...]
    subtotal: int  # sum of gross
    discount_total: int
    taxes: tuple[tuple[int, int, int], ...]  # (rate, net without tax, tax) per rate
    tax_total: int
    rounding: int  # <= 0
    total: int  # what the customer owes
    paid: int
    change: int
    due: int  # still to pay (0 once paid)
    tax_inclusive: bool

    def line(self, line_id: int) -> PricedLine:
        return next(p for p in self.lines if p.line_id == line_id)


def price_ticket(ticket: Ticket, *, tax_inclusive: bool = True, rounding_step: int = 0) -> Totals:
    """Work out every amount of a ticket, to the fen.

    ``rounding_step`` (fen) rounds the total down when cash settles the sale.
    """
    gross = [line_gross(line.unit_price, line.qty_milli) for line in ticket.lines]
    line_discounts = [
        line.discount.of(g) if line.discount else 0
        for line, g in zip(ticket.lines, gross, strict=True)
    ]
    after_line = [g - d for g, d in zip(gross, line_discounts, strict=True)]
    ticket_discount = ticket.discount.of(sum(after_line)) if ticket.discount else 0
    shares = allocate(ticket_discount, after_line)
    nets = [a - s for a, s in zip(after_line, shares, strict=True)]

    taxes, line_tax = taxes_by_rate(ticket.lines, nets, tax_inclusive)
    tax_total = sum(t for _, _, t in taxes)
    before_rounding = sum(nets) + (0 if tax_inclusive else tax_total)

    paid = sum(p.amount for p in ticket.payments)
    # The fen left over is settled in cash: round while no payment is made yet (what the screen
    # shows as due) and whenever cash is among the tenders; never for card or phone alone.
    settles_in_cash = not ticket.payments or any(p.tender == "cash" for p in ticket.payments)
    rounding = cash_round_down(before_rounding, rounding_step) if settles_in_cash else 0
    total = before_rounding + rounding
    cash = sum(p.amount for p in ticket.payments if p.tender == "cash")
    change = min(max(paid - total, 0), cash)
    priced = tuple(
        PricedLine(line.line_id, g, d, s, n, t)
        for line, g, d, s, n, t in zip(
            ticket.lines, gross, line_discounts, shares, nets, line_tax, strict=True
        )
    )
    return Totals(
        lines=priced,
        subtotal=sum(gross),
        discount_total=sum(line_discounts) + ticket_discount,
        taxes=taxes,
        tax_total=tax_total,
        rounding=rounding,
        total=total,
        paid=paid,
        change=change,
        due=max(total - paid, 0),
        tax_inclusive=tax_inclusive,
    )


def taxes_by_rate(
    lines: list[Line], nets: list[int], tax_inclusive: bool
) -> tuple[tuple[tuple[int, int, int], ...], list[int]]:
    """Tax per rate on the rate's summed net, then shared back over its lines."""
    by_rate: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_rate.setdefault(line.tax_rate, []).append(index)
    line_tax = [0] * len(lines)
    breakdown = []
    for rate in sorted(by_rate):
        indexes = by_rate[rate]
        amount = sum(nets[i] for i in indexes)
        tax = tax_in_gross(amount, rate) if tax_inclusive else tax_on_net(amount, rate)
        for i, share in zip(indexes, allocate(tax, [nets[i] for i in indexes]), strict=True):
            line_tax[i] = share
        breakdown.append((rate, amount - tax if tax_inclusive else amount, tax))
    return tuple(breakdown), line_tax
