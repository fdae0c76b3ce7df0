"""Each order-validation rule of the selling engine, with its own test."""

import json
from datetime import UTC, datetime

import pytest

from app import audit, catalog, customers, sales, stock, users
from app.barcode import with_check_digit
from app.config import Config
from app.errors import (
    CreditLimitExceeded,
    DuplicatePin,
    EmptyTicket,
    InvalidPrice,
    LockedOut,
    MisreadBarcode,
    NeedsConfirmation,
    Overpaid,
    PaymentCodeScanned,
    PermissionRequired,
    ProductInactive,
    StockShort,
    TenderNotAllowed,
    TicketClosed,
    Underpaid,
    UnknownBarcode,
    UserInputError,
    WrongPin,
)
from app.ticket import Discount
from app.till import Till
from sync import outbox

COLA = "6901234567892"
COLA_CASE = "16901234567899"
TEA = "6923450657713"


def pay_exact_cash(till):
    till.add_payment(tender="cash", amount=till.totals().due)
    return till.complete()


def test_scan_adds_a_line_and_again_adds_one_more(till):
    till.scan(COLA)
    till.scan(COLA)
    (line,) = till.ticket.lines
    assert line.qty_milli == 2000
    assert till.totals().total == 700


def test_pack_barcode_adds_the_pack_quantity(till):
    till.scan(COLA_CASE)
    till.scan(COLA)
    assert till.ticket.lines[0].qty_milli == 25_000


def test_unknown_barcode_adds_nothing_and_says_so(till):
    with pytest.raises(UnknownBarcode) as caught:
        till.scan("6920000000005")
    assert caught.value.code == "6920000000005"
    assert till.ticket.lines == []
    till.scan(COLA)  # the next scan still works
    assert len(till.ticket.lines) == 1


@pytest.mark.parametrize("code", ["6901234567891", "036000291453", "96385075"])
def test_wrong_check_digit_is_a_misread_not_unknown(till, code):
    with pytest.raises(MisreadBarcode):
        till.scan(code)
    assert till.ticket.lines == []


def test_payment_code_on_the_ticket_is_named_as_such(till):
    with pytest.raises(PaymentCodeScanned):
        till.scan("134567890123456789")


def test_label_scale_code_becomes_a_weighed_line(till):
    till.scan(with_check_digit("2" + "000123" + "01500"))  # 1.5 kg of rice at 5.98/kg
    (line,) = till.ticket.lines
    assert line.weighed and line.qty_milli == 1500
    assert till.totals().total == 897


def test_no_line_with_zero_or_negative_price(store, till, owner):
    with pytest.raises(InvalidPrice):
        catalog.save_product(store, sku="FREE", name="Free", price=0)
    till.scan(COLA)
    with pytest.raises(InvalidPrice):
        till.override_price(till.ticket.lines[0].line_id, price=0, reason="x", approver=owner)


def test_price_override_needs_an_owner_and_a_reason_and_is_audited(store, till, owner, cashier):
    till.scan(COLA)
    line_id = till.ticket.lines[0].line_id
    with pytest.raises(PermissionRequired) as caught:
        till.override_price(line_id, price=300, reason="dented", approver=None)
    assert caught.value.role == "owner"
    till.override_price(line_id, price=300, reason="dented can", approver=owner)
    assert till.totals().total == 300
    (row,) = audit.entries(store.conn, "price_override")
    assert row["detail"]["old"] == 350 and row["detail"]["new"] == 300
    assert row["detail"]["approved_by"] == owner.id and row["user_id"] == cashier.id


def test_selling_below_cost_needs_permission(store, till, owner):
    till.scan(COLA)  # cost 2.00, price 3.50
    till.discount_line(till.ticket.lines[0].line_id, Discount("percent", 5000))  # 1.75
    till.add_payment(tender="cash", amount=175)
    with pytest.raises(PermissionRequired) as caught:
        till.complete()
    assert caught.value.action == "below_cost"
    till.approve_below_cost(owner)
    done = till.complete()
    assert done.total == 175
    assert audit.entries(store.conn, "below_cost")[0]["detail"]["approved_by"] == owner.id


def test_quantity_beyond_the_sanity_limit_needs_confirmation(store, till):
    till.scan(COLA)
    line_id = till.ticket.lines[0].line_id
    with pytest.raises(NeedsConfirmation) as caught:
        till.set_quantity(line_id, qty_milli=1_000_000)
    assert caught.value.limit == 100
    assert till.ticket.lines[0].qty_milli == 1000
    till.set_quantity(line_id, qty_milli=1_000_000, confirmed=True)
    assert till.ticket.lines[0].qty_milli == 1_000_000
    assert audit.entries(store.conn, "quantity_confirmed")


def test_block_policy_refuses_what_is_not_in_stock(store, till, products):
    till.set_quantity(till.scan(TEA).line.line_id, qty_milli=50_000)
    with pytest.raises(StockShort) as caught:
        till.scan(TEA)
    assert caught.value.on_hand_milli == 50_000
    assert till.ticket.lines[0].qty_milli == 50_000


def test_warn_policy_sells_and_flags_the_sale_for_review(store, till, products):
    till.set_quantity(till.scan(COLA).line.line_id, qty_milli=50_000)
    result = till.scan(COLA)
    assert result.warnings == ("stock_short",)
    done = pay_exact_cash(till)
    sale = sales.load(store, sale_id=done.sale_id)
    assert sale.needs_review and "COLA" in sale.review_reason
    assert stock.on_hand(store, products["cola"]) == -1000


def test_allow_policy_sells_silently_but_still_flags(store, till):
    pid = catalog.save_product(
        store, sku="BAG", name="Bag", price=50, stock_policy="allow", barcodes=["6900000000014"]
    )
    assert till.scan("6900000000014").warnings == ()
    done = pay_exact_cash(till)
    assert sales.load(store, sale_id=done.sale_id).needs_review
    assert stock.on_hand(store, pid) == -1000


def test_a_ticket_cannot_complete_underpaid(till):
    till.scan(COLA)
    till.add_payment(tender="cash", amount=300)
    with pytest.raises(Underpaid) as caught:
        till.complete()
    assert caught.value.due == 50


def test_an_empty_ticket_cannot_complete(till):
    with pytest.raises(EmptyTicket):
        till.complete()


def test_completing_the_same_ticket_twice_is_impossible(store, till):
    till.scan(COLA)
    ticket = till.ticket
    pay_exact_cash(till)
    till.ticket = ticket  # a screen holding on to the old ticket
    with pytest.raises(TicketClosed):
        till.complete()
    ticket.state = "open"  # even a forced retry is refused by the store
    with pytest.raises(TicketClosed):
        till.complete()
    assert store.scalar("SELECT count(*) FROM sales") == 1


def test_cash_change_and_card_never_overpays(till):
    till.scan(COLA)
    with pytest.raises(TenderNotAllowed):
        till.add_payment(tender="card", amount=400)
    till.add_payment(tender="card", amount=100)
    till.add_payment(tender="cash", amount=500)
    done = till.complete()
    assert done.change == 250 and done.opens_drawer


def test_a_card_only_sale_does_not_open_the_drawer(till):
    till.scan(COLA)
    till.add_payment(tender="card", amount=350)
    assert not till.complete().opens_drawer


def test_payment_code_is_recorded_as_the_tender_reference(store, till):
    till.scan(COLA)
    till.pay_by_code("2812345678901234")
    done = till.complete()
    (payment,) = sales.load(store, sale_id=done.sale_id).payments
    assert (payment.tender, payment.amount, payment.reference) == (
        "alipay",
        350,
        "2812345678901234",
    )


def test_on_account_needs_a_customer_within_credit(store, till):
    till.scan(COLA)
    with pytest.raises(TenderNotAllowed):
        till.add_payment(tender="account", amount=350)
    c = customers.save_customer(store, name="王师傅", phone="13900000000", credit_limit=500)
    till.attach_customer(c.id)
    till.add_payment(tender="account", amount=350)
    till.complete()
    assert customers.by_id(store, c.id).balance == 350
    till.scan(COLA)
    till.attach_customer(c.id)
    with pytest.raises(CreditLimitExceeded):
        till.add_payment(tender="account", amount=350)


def test_cash_rounding_is_its_own_line_when_cash_settles(store, products, cashier):
    till = Till(store, Config().replace("shop", cash_rounding="1"))
    till.login(cashier)
    till.scan(COLA)
    till.scan(COLA)
    till.scan(COLA)  # 10.50
    assert till.totals().rounding == -50 and till.totals().total == 1000
    till.add_payment(tender="card", amount=1050)
    assert till.totals().rounding == 0  # paid by card alone: nothing to round
    till.remove_payment(0)
    till.add_payment(tender="card", amount=500)
    assert till.due_for("cash") == 500 and till.due_for("card") == 550
    till.add_payment(tender="cash", amount=500)  # cash settles the rest
    done = till.complete()
    sale = sales.load(store, sale_id=done.sale_id)
    assert (sale.subtotal, sale.rounding, sale.total) == (1050, -50, 1000)


def test_tax_breakdown_per_rate_inclusive_and_exclusive(store, products, cashier):
    till = Till(store, Config())
    till.login(cashier)
    till.scan(COLA)
    till.scan(with_check_digit("2" + "000123" + "01000"))
    totals = till.totals()
    assert totals.taxes == ((900, 549, 49), (1300, 310, 40))
    exclusive = Till(store, Config().replace("shop", tax_inclusive=False))
    exclusive.ticket = till.ticket
    ex = exclusive.totals()
    assert ex.taxes == ((900, 598, 54), (1300, 350, 46)) and ex.total == 948 + 100


def test_hold_and_resume_keep_the_ticket(store, till):
    till.scan(COLA)
    till.scan(COLA)
    held = till.hold(label="Mrs Chen")
    assert till.ticket.lines == []
    till.scan(TEA)
    till.resume(held)
    assert [ln.sku for ln in till.ticket.lines] == ["COLA"]
    assert till.ticket.lines[0].qty_milli == 2000
    assert [h["lines"] for h in till.held()] == [1]  # the tea ticket was held in its place


def test_void_and_cancel_are_audited(store, till):
    till.scan(COLA)
    till.scan(TEA)
    till.void_line(till.ticket.lines[0].line_id, reason="customer changed mind")
    till.cancel(reason="walked out")
    assert len(audit.entries(store.conn, "line_void")) == 1
    assert len(audit.entries(store.conn, "ticket_cancel")) == 1


def test_large_discount_is_audited(store, till):
    till.scan(COLA)
    till.discount_ticket(Discount("amount", 10))  # under the 10% threshold
    assert audit.entries(store.conn, "discount") == []
    till.discount_ticket(Discount("percent", 2000))
    assert audit.entries(store.conn, "discount")[0]["detail"]["amount"] == 70


def test_complete_writes_sale_stock_and_one_outbox_row_together(store, till, products):
    till.scan(COLA)
    till.scan(COLA_CASE)
    done = pay_exact_cash(till)
    assert stock.on_hand(store, products["cola"]) == 50_000 - 25_000
    assert stock.on_hand(store, products["cola"]) == stock.ledger_sum(store, products["cola"])
    rows = [r for r in outbox.pending(store.conn) if r.kind == "sale"]
    (row,) = rows
    assert row.payload["receipt_no"] == done.receipt_no
    assert row.payload["lines"][0]["qty_milli"] == 25_000
    assert row.payload["moves"][0]["qty_milli"] == -25_000
    seqs = [r[0] for r in store.execute("SELECT seq FROM outbox ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))


def test_sale_lines_snapshot_the_price_at_the_moment_of_sale(store, till, products):
    till.scan(COLA)
    done = pay_exact_cash(till)
    catalog.save_product(store, sku="COLA", name="Cola renamed", price=999)
    line = sales.load(store, sale_id=done.sale_id).lines[0]
    assert (line.name, line.unit_price) == ("可口可乐 330ml", 350)


def test_sale_day_is_the_shops_local_day(store, products, cashier):
    moment = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)
    till = Till(store, Config(), clock=lambda: moment)
    till.login(cashier)
    till.scan(COLA)
    done = pay_exact_cash(till)
    sale = sales.load(store, sale_id=done.sale_id)
    assert sale.business_day == moment.astimezone().date().isoformat()
    payload = json.loads(store.scalar("SELECT payload FROM outbox WHERE kind = 'sale'"))
    assert payload["business_day"] == sale.business_day


def test_wrong_pins_are_audited_and_slow_down(store, cashier):
    now = [1000.0]
    for _ in range(3):
        with pytest.raises(WrongPin):
            users.login(store, "0000", clock=lambda: now[0])
    with pytest.raises(LockedOut):
        users.login(store, "1111", clock=lambda: now[0])
    now[0] += 10
    assert users.login(store, "1111", clock=lambda: now[0]).id == cashier.id
    assert len(audit.entries(store.conn, "login_failed")) == 3
    assert len(audit.entries(store.conn, "login")) == 1


def test_pins_are_unique_and_never_stored_in_the_clear(store, cashier):
    with pytest.raises(DuplicatePin):
        users.add_user(store, name="Other", role="clerk", pin="1111")
    stored = store.scalar("SELECT pin_hash FROM users WHERE id = ?", (cashier.id,))
    assert "1111" not in stored and stored.startswith("scrypt$")


def test_non_cash_payments_above_the_total_stop_completion(store, till):
    till.scan(COLA)
    till.scan(TEA)
    till.add_payment(tender="card", amount=9000)
    till.void_line(till.ticket.lines[1].line_id)
    with pytest.raises(Overpaid) as caught:
        till.complete()
    assert caught.value.excess == 9000 - 350
    till.remove_payment(0)
    till.add_payment(tender="card", amount=350)
    assert till.complete().total == 350


def rice_label(*, grams: int) -> str:
    return with_check_digit("2" + "000123" + f"{grams:05d}")


def price_label_till(store, cashier) -> Till:
    till = Till(store, Config().replace("shop", scale_barcode_layout="2CCCCCCPPPPPK"))
    till.login(cashier)
    return till


@pytest.mark.parametrize("price", [4665, 4681, 1234, 5, 99999])
def test_a_price_label_charges_exactly_the_printed_price(store, products, cashier, price):
    catalog.save_product(
        store, sku="BEEF", name="牛腱子", unit="kg", price=3999, weighed=True,
        stock_policy="allow", barcodes=["000124"],
    )  # fmt: skip
    till = price_label_till(store, cashier)
    till.scan(with_check_digit("2" + "000124" + f"{price:05d}"))
    (line,) = till.ticket.lines
    assert line.weighed and line.qty_milli > 0
    assert abs(line.qty_milli - price * 1000 // 3999) <= 2  # the weight the label stands for
    assert till.totals().total == price


def test_a_weighed_item_short_of_stock_under_block_adds_no_line(store, products, till):
    catalog.save_product(
        store, sku="RICE", name="散装大米", unit="kg", price=598, weighed=True,
        stock_policy="block", barcodes=["000123"],
    )  # fmt: skip
    stock.record(store, product_id=products["rice"], qty_milli=-49_000, kind="adjustment")
    till.scan(rice_label(grams=600))  # 0.6 kg of the 1 kg left: counted once, so it fits
    with pytest.raises(StockShort):
        till.scan(rice_label(grams=500))
    assert [ln.qty_milli for ln in till.ticket.lines] == [600]


def test_an_inactive_weighed_item_is_not_sold(store, products, till):
    catalog.save_product(
        store, sku="RICE", name="散装大米", unit="kg", price=598, weighed=True,
        active=False, barcodes=["000123"],
    )  # fmt: skip
    with pytest.raises(ProductInactive):
        till.scan(rice_label(grams=600))
    assert till.ticket.lines == []


def test_on_account_payment_pins_the_customer(store, till):
    c = customers.save_customer(store, name="王师傅", phone="13900000000", credit_limit=500)
    other = customers.save_customer(store, name="李四", phone="13900000001", credit_limit=0)
    till.scan(COLA)
    till.attach_customer(c.id)
    till.add_payment(tender="account", amount=350)
    for customer_id in (None, other.id):
        with pytest.raises(TenderNotAllowed):
            till.attach_customer(customer_id)
    assert till.ticket.customer_id == c.id
    till.complete()
    assert customers.by_id(store, c.id).balance == 350


def test_an_unknown_customer_cannot_be_attached(till):
    with pytest.raises(UserInputError):
        till.attach_customer(424242)
    assert till.ticket.customer_id is None


def test_credit_is_checked_again_when_the_sale_completes(store, cashier, products):
    c = customers.save_customer(store, name="王师傅", phone="13900000000", credit_limit=500)
    first, second = Till(store, Config()), Till(store, Config())
    for t in (first, second):
        t.login(cashier)
        t.scan(COLA)
        t.attach_customer(c.id)
        t.add_payment(tender="account", amount=350)
    first.complete()
    with pytest.raises(CreditLimitExceeded):  # the other till used the credit meanwhile
        second.complete()
    assert customers.by_id(store, c.id).balance == 350


def test_payments_taken_stay_with_a_held_ticket(till):
    till.scan(COLA)
    till.add_payment(tender="card", amount=200, reference="card slip 0042")
    held = till.hold()
    till.resume(held)
    assert [(p.tender, p.amount, p.reference) for p in till.ticket.payments] == [
        ("card", 200, "card slip 0042")
    ]
    assert till.totals().due == 150


def test_a_line_given_away_needs_an_owner(store, till, owner):
    catalog.save_product(store, sku="BAG", name="购物袋", price=20, barcodes=["6900000000014"])
    till.scan("6900000000014")  # no cost recorded, so "below cost" alone would not catch it
    till.discount_line(till.ticket.lines[0].line_id, Discount("percent", 10000), approver=owner)
    with pytest.raises(PermissionRequired) as caught:
        till.complete()
    assert caught.value.action == "below_cost"
    till.approve_below_cost(owner)
    done = till.complete()
    assert done.total == 0
