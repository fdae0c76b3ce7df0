"""A sale worth printing: Chinese names, a line discount, cash rounding (抹零), two tenders.

Rung up through the real till, as a cashier would: scans, a weighed item from the scale, a
10% discount on the cola, a WeChat payment code, then cash for the rest, which rounds the
total down to the yuan.
"""

from __future__ import annotations

from datetime import UTC, datetime

from app import catalog, customers, stock, users
from app.barcode import with_check_digit
from app.config import Config
from app.ticket import Discount
from app.till import Till
from localdb import Store


def make_sample_sale(store: Store) -> int:
    """Write the sample sale into ``store`` (with its own catalog) and return its id."""
    for sku, name, price, rate, unit, weighed, code in (
        ("COLA", "可口可乐 330ml", 350, 1300, "件", False, "6901234567892"),
        ("RICE", "东北大米（散装）", 598, 900, "kg", True, "000123"),
        ("TEA", "西湖龙井 Longjing Tea 250g", 8800, 1300, "件", False, "6923450657713"),
        ("EGGS", "Free-range eggs 10 pack", 1590, 900, "件", False, "6901234567908"),
    ):
        product_id = catalog.save_product(
            store,
            sku=sku,
            name=name,
            price=price,
            tax_rate=rate,
            unit=unit,
            weighed=weighed,
            barcodes=[code],
        )
        stock.record(store, product_id=product_id, qty_milli=20_000, kind="receipt")
    cashier = users.add_user(store, name="李娜", role="cashier", pin="2468")
    customer = customers.save_customer(store, name="王小明", phone="13800138000")

    config = Config().replace("shop", name="Tillbook 便利店", cash_rounding="1")
    till = Till(store, config, clock=lambda: datetime(2026, 12, 3, 10, 30, tzinfo=UTC))
    till.login(cashier)
    till.attach_customer(customer.id)
    cola = till.scan("6901234567892").line
    till.scan("6901234567892")
    till.scan(with_check_digit("2" + "000123" + "01256"))  # 1.256 kg of rice from the scale
    till.scan("6923450657713")
    till.scan("6901234567908")
    till.discount_line(cola.line_id, Discount("percent", 1000))  # 10% off the cola
    till.pay_by_code("134567890123456789", amount=5000)
    till.add_payment(tender="cash", amount=10000)
    return till.complete().sale_id
