"""A sale worth printing: Chinese names, a line discount, cash rounding (抹零), two tenders.

The till core rounds only sales paid wholly in cash; this sample writes its totals with
``sales.write`` directly so one receipt shows every part a receipt can have.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from app import catalog, customers, sales, users
from app.ticket import Discount, Line, Payment, Ticket, price_ticket
from localdb import Store


def _line(store: Store, ticket: Ticket, sku: str, qty_milli: int) -> Line:
    product = catalog.by_sku(store, sku)
    line = Line(
        line_id=ticket.new_line_id(),
        product_id=product.id,
        sku=product.sku,
        name=product.name,
        unit=product.unit,
        barcode="",
        qty_milli=qty_milli,
        unit_price=product.price,
        list_price=product.price,
        tax_rate=product.tax_rate,
        weighed=product.weighed,
    )
    ticket.lines.append(line)
    return line


def make_sample_sale(store: Store) -> int:
    """Write the sample sale into ``store`` (with its own catalog) and return its id."""
    for sku, name, price, rate, unit, weighed in (
        ("COLA", "可口可乐 330ml", 350, 1300, "件", False),
        ("RICE", "东北大米（散装）", 598, 900, "kg", True),
        ("TEA", "西湖龙井 Longjing Tea 250g", 8800, 1300, "件", False),
        ("EGGS", "Free-range eggs 10 pack", 1590, 900, "件", False),
    ):
        catalog.save_product(
            store,
            sku=sku,
            name=name,
            price=price,
            cost=0,
            tax_rate=rate,
            unit=unit,
            weighed=weighed,
        )
    cashier = users.add_user(store, name="李娜", role="cashier", pin="2468")
    customer = customers.save_customer(store, name="王小明", phone="13800138000")

    ticket = Ticket(customer_id=customer.id)
    cola = _line(store, ticket, "COLA", 2000)
    _line(store, ticket, "RICE", 1256)
    _line(store, ticket, "TEA", 1000)
    _line(store, ticket, "EGGS", 1000)
    cola.discount = Discount("percent", 1000)  # 10% off the cola

    cash_only = dataclasses.replace(ticket, payments=[Payment("cash", 0)])
    totals = price_ticket(cash_only, rounding_step=100)
    wechat = 5000
    cash = 10000
    ticket.payments = [Payment("wechat", wechat, "134567890123456789"), Payment("cash", cash)]
    paid = wechat + cash
    totals = dataclasses.replace(totals, paid=paid, change=paid - totals.total, due=0)
    return sales.write(
        store,
        ticket,
        totals,
        kind="sale",
        till_code="T01",
        cashier_id=cashier.id,
        now=datetime(2026, 12, 3, 10, 30, tzinfo=UTC),
    )
