"""Delivery slips: creating, pick-by-scan rules, state history, outbox and stock."""

from __future__ import annotations

import pytest

from app import audit, catalog, customers, delivery, stock, users
from app.delivery import (
    BadStateChange,
    MissingDeliveryDetails,
    NotOnSlip,
    OrderLine,
    PickIncomplete,
    TooMany,
)
from app.errors import (
    DeliveryPending,
    MisreadBarcode,
    PermissionRequired,
    StockShort,
    UnknownBarcode,
    UserInputError,
)
from sync import outbox


@pytest.fixture
def clerk(store):
    return users.add_user(store, name="Clerk", role="clerk", pin="2222")


def another_order(store, clerk, *lines: OrderLine):
    """A second customer's slip of ``lines``."""
    return delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="李四",
        phone="139",
        address="某路 1 号",
        lines=list(lines),
    )


@pytest.fixture
def slip(store, clerk, products):
    """Ordered: 2 cola (one unit barcode, a case of 24 too), 1.5 kg rice, 1 tea."""
    for product_id in products.values():
        stock.record(
            store,
            product_id=product_id,
            qty_milli=100_000,
            kind="receipt",
            location_id=stock.WAREHOUSE,
        )
    return delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="王建国",
        phone="13800138000",
        address="杭州市西湖区文三路 100 号",
        lines=[
            OrderLine(products["cola"], 2000, specification="330ml"),
            OrderLine(products["rice"], 1500),
            OrderLine(products["rare"], 1000),
        ],
        notes="下午送",
    )


def outbox_of(store, kind="delivery"):
    return [row for row in outbox.pending(store.conn, limit=1000) if row.kind == kind]


# -- creating ------------------------------------------------------------------------------


def test_order_is_numbered_from_the_counter_and_priced_from_the_catalog(store, clerk, slip):
    assert slip.number == "D-T01-000001"
    assert slip.state == "pending"
    assert [ln.sku for ln in slip.lines] == ["COLA", "RICE", "RARE"]
    assert [ln.amount for ln in slip.lines] == [700, 897, 8800]
    assert slip.total == 700 + 897 + 8800
    assert slip.lines[0].specification == "330ml"
    second = another_order(store, clerk, OrderLine(slip.lines[0].product_id, 1000))
    assert second.number == "D-T01-000002"


def test_order_without_address_is_refused_naming_what_is_missing(store, clerk, products):
    with pytest.raises(MissingDeliveryDetails) as caught:
        delivery.create_order(
            store,
            user=clerk,
            till_code="T01",
            name="王建国",
            phone="",
            address="  ",
            lines=[OrderLine(products["cola"], 1000)],
        )
    assert caught.value.missing == ["phone", "address"]
    assert store.scalar("SELECT count(*) FROM deliveries") == 0


def test_slip_from_a_sale_takes_its_customer_and_lines(store, till, products):
    customer = customers.save_customer(
        store, name="张三", phone="13900000000", address="上海市浦东新区 8 号"
    )
    till.attach_customer(customer.id)
    till.scan("6901234567892")
    till.scan("6901234567892")
    till.add_payment(tender="cash", amount=1000)
    done = till.complete()
    slip = delivery.create_from_sale(store, sale_id=done.sale_id, user=till.user, till_code="T01")
    assert (slip.customer_name, slip.phone, slip.address) == (
        "张三",
        "13900000000",
        "上海市浦东新区 8 号",
    )
    assert slip.receipt_no == done.receipt_no
    assert [(ln.sku, ln.qty_milli, ln.amount) for ln in slip.lines] == [("COLA", 2000, 700)]


def test_slip_from_a_sale_without_customer_address_is_a_typed_error(store, till, products):
    customer = customers.save_customer(store, name="张三", phone="13900000000")
    till.attach_customer(customer.id)
    till.scan("6901234567892")
    till.add_payment(tender="cash", amount=350)
    done = till.complete()
    with pytest.raises(MissingDeliveryDetails) as caught:
        delivery.create_from_sale(store, sale_id=done.sale_id, user=till.user, till_code="T01")
    assert caught.value.missing == ["address"]
    slip = delivery.create_from_sale(
        store, sale_id=done.sale_id, user=till.user, till_code="T01", address="北京路 2 号"
    )
    assert slip.address == "北京路 2 号"


def test_sale_hook_records_slip_with_the_sale_or_not_at_all(store, till, products):
    till.scan("6901234567892")  # no customer on the ticket: the slip cannot be made
    till.add_payment(tender="cash", amount=350)
    till.sale_hooks.append(delivery.sale_hook(store, user=till.user, till_code="T01"))
    with pytest.raises(MissingDeliveryDetails):
        till.complete()
    assert store.scalar("SELECT count(*) FROM sales") == 0
    assert store.scalar("SELECT count(*) FROM deliveries") == 0

    till.sale_hooks[:] = [
        delivery.sale_hook(
            store, user=till.user, till_code="T01", name="赵六", phone="137", address="东路 3 号"
        )
    ]
    done = till.complete()
    assert store.scalar("SELECT sale_id FROM deliveries") == done.sale_id


# -- stock leaves once ---------------------------------------------------------------------


COLA = "6901234567892"


@pytest.fixture
def delivered_sale(store, till, products):
    """One cola sold at the counter with "deliver"; the warehouse holds 10, the shop 50."""
    stock.record(
        store, product_id=products["cola"], qty_milli=10_000, kind="receipt", location_id=2
    )
    customer = customers.save_customer(
        store, name="张三", phone="13900000000", address="上海市浦东新区 8 号"
    )
    till.attach_customer(customer.id)
    till.scan(COLA)
    till.add_payment(tender="cash", amount=350)
    done = till.complete(extra_hooks=[delivery.sale_hook(store, user=till.user, till_code="T01")])
    slip_id = store.scalar("SELECT id FROM deliveries WHERE sale_id = ?", (done.sale_id,))
    return done, slip_id


def on_hand(store, product_id):
    return stock.on_hand(store, product_id, stock.SHOP), stock.on_hand(
        store, product_id, stock.WAREHOUSE
    )


def test_counter_delivery_leaves_the_warehouse_once_at_dispatch(
    store, clerk, products, delivered_sale
):
    done, slip_id = delivered_sale
    cola = products["cola"]
    assert on_hand(store, cola) == (50_000, 10_000)
    assert outbox_of(store, "sale")[0].payload["moves"] == []

    delivery.scan(store, delivery_id=slip_id, code=COLA, user=clerk)
    delivery.mark_picked(store, delivery_id=slip_id, user=clerk)
    delivery.dispatch(store, delivery_id=slip_id, user=clerk)
    assert on_hand(store, cola) == (50_000, 9_000)
    moves = store.conn.execute(
        "SELECT location_id, qty_milli, kind FROM stock_moves WHERE ref IN (?, ?)",
        (done.receipt_no, delivery.load(store, delivery_id=slip_id).number),
    ).fetchall()
    assert moves == [(stock.WAREHOUSE, -1000, "dispatch")]
    assert stock.cache_mismatches(store) == []


def test_cancelled_counter_slip_leaves_stock_where_it_was(store, clerk, products, delivered_sale):
    _done, slip_id = delivered_sale
    delivery.cancel(store, delivery_id=slip_id, user=clerk, note="客户不要了")
    assert on_hand(store, products["cola"]) == (50_000, 10_000)


def test_return_of_a_sale_whose_slip_never_left_puts_nothing_back(
    store, till, clerk, products, delivered_sale
):
    done, slip_id = delivered_sale
    delivery.cancel(store, delivery_id=slip_id, user=clerk, note="客户退货")
    sold = till.start_return(done.receipt_no)
    till.complete_return(sold, quantities={sold.original.lines[0].id: 1000})
    assert on_hand(store, products["cola"]) == (50_000, 10_000)


def test_a_sale_waiting_for_delivery_cannot_be_returned_until_its_slip_is_settled(
    store, till, clerk, products, delivered_sale
):
    done, slip_id = delivered_sale
    sold = till.start_return(done.receipt_no)
    with pytest.raises(DeliveryPending) as caught:
        till.complete_return(sold, quantities={sold.original.lines[0].id: 1000})
    assert caught.value.slip == delivery.load(store, delivery_id=slip_id).number
    assert store.scalar("SELECT count(*) FROM sales WHERE kind = 'return'") == 0


def test_a_delivered_sale_is_not_flagged_for_the_shop_shelf(store, till, products):
    """Nothing on the shop's shelf, ten in the warehouse: a sale delivered from the
    warehouse is not short of stock (dispatch checks the warehouse)."""
    cola = products["cola"]
    stock.record(store, product_id=cola, qty_milli=-50_000, kind="adjustment")
    stock.record(store, product_id=cola, qty_milli=10_000, kind="receipt", location_id=2)
    customer = customers.save_customer(store, name="张三", phone="139", address="东路 1 号")
    till.attach_customer(customer.id)
    till.scan(COLA)
    till.add_payment(tender="cash", amount=350)
    hooks = [delivery.sale_hook(store, user=till.user, till_code="T01")]
    done = till.complete(extra_hooks=hooks, delivered=True)
    assert store.scalar("SELECT needs_review FROM sales WHERE id = ?", (done.sale_id,)) == 0
    assert on_hand(store, cola) == (0, 10_000)


def test_slip_made_after_the_sale_took_its_stock_moves_nothing_more(store, till, clerk, products):
    customer = customers.save_customer(store, name="张三", phone="139", address="东路 1 号")
    till.attach_customer(customer.id)
    till.scan(COLA)
    till.add_payment(tender="cash", amount=350)
    done = till.complete()
    slip = delivery.create_from_sale(store, sale_id=done.sale_id, user=clerk, till_code="T01")
    delivery.scan(store, delivery_id=slip.id, code=COLA, user=clerk)
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    delivery.dispatch(store, delivery_id=slip.id, user=clerk)
    assert on_hand(store, products["cola"]) == (49_000, 0)


def test_dispatch_beyond_warehouse_stock_of_a_block_product_is_refused(
    store, clerk, owner, products
):
    order = another_order(store, clerk, OrderLine(products["rare"], 1000))
    delivery.scan(store, delivery_id=order.id, code="6923450657713", user=clerk)
    delivery.mark_picked(store, delivery_id=order.id, user=clerk)
    assert [s.sku for s in delivery.shortages(store, delivery_id=order.id)] == ["RARE"]
    with pytest.raises(StockShort):
        delivery.dispatch(store, delivery_id=order.id, user=clerk)
    assert delivery.load(store, delivery_id=order.id).state == "picked"
    assert stock.on_hand(store, products["rare"], stock.WAREHOUSE) == 0


def test_dispatch_beyond_warehouse_stock_of_a_warn_product_goes_and_is_audited(
    store, clerk, products
):
    order = another_order(store, clerk, OrderLine(products["cola"], 1000))
    delivery.scan(store, delivery_id=order.id, code=COLA, user=clerk)
    delivery.mark_picked(store, delivery_id=order.id, user=clerk)
    delivery.dispatch(store, delivery_id=order.id, user=clerk)
    assert stock.on_hand(store, products["cola"], stock.WAREHOUSE) == -1000
    [entry] = audit.entries(store.conn, "stock_short_dispatched")
    assert entry["ref"] == order.number
    assert entry["detail"]["short"] == [{"sku": "COLA", "wanted_milli": 1000, "on_hand_milli": 0}]


# -- pick-by-scan --------------------------------------------------------------------------


def test_scan_ticks_its_line(store, clerk, slip):
    first = delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    assert (first.line_no, first.picked_milli, first.qty_milli) == (1, 1000, 2000)
    assert not first.line_complete
    second = delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    assert second.line_complete and not second.slip_complete
    assert delivery.load(store, delivery_id=slip.id).lines[0].picked_milli == 2000


def test_pack_barcode_counts_the_pack_quantity(store, clerk, products):
    order = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="批发商",
        phone="1",
        address="仓库路",
        lines=[OrderLine(products["cola"], 30_000)],
    )
    picked = delivery.scan(store, delivery_id=order.id, code="16901234567899", user=clerk)
    assert picked.added_milli == 24_000 and picked.picked_milli == 24_000


def test_product_not_on_slip_is_called_out_and_ticks_nothing(store, clerk, slip):
    other = catalog.save_product(store, sku="NAIL", name="钢钉 50mm", price=1200, barcodes=["777"])
    assert other
    with pytest.raises(NotOnSlip) as caught:
        delivery.scan(store, delivery_id=slip.id, code="777", user=clerk)
    assert caught.value.name == "钢钉 50mm"
    assert caught.value.number == slip.number
    assert all(ln.picked_milli == 0 for ln in delivery.load(store, delivery_id=slip.id).lines)


def test_quantity_beyond_the_line_is_refused(store, clerk, slip):
    delivery.scan(store, delivery_id=slip.id, code="6923450657713", user=clerk)
    with pytest.raises(TooMany) as caught:
        delivery.scan(store, delivery_id=slip.id, code="6923450657713", user=clerk)
    assert (caught.value.qty_milli, caught.value.picked_milli, caught.value.added_milli) == (
        1000,
        1000,
        1000,
    )
    assert delivery.load(store, delivery_id=slip.id).lines[2].picked_milli == 1000


def test_case_barcode_beyond_the_line_is_refused(store, clerk, slip):
    with pytest.raises(TooMany) as caught:
        delivery.scan(store, delivery_id=slip.id, code="16901234567899", user=clerk)
    assert caught.value.added_milli == 24_000


def test_label_scale_code_picks_its_weight(store, clerk, slip):
    from app.barcode import with_check_digit

    code = with_check_digit("2000123" + "01500")  # PLU 000123, 1500 g
    picked = delivery.scan(store, delivery_id=slip.id, code=code, user=clerk)
    assert (picked.line_no, picked.picked_milli) == (2, 1500)


def test_unknown_and_misread_codes_are_typed(store, clerk, slip):
    with pytest.raises(UnknownBarcode):
        delivery.scan(store, delivery_id=slip.id, code="NOPE", user=clerk)
    with pytest.raises(MisreadBarcode):
        delivery.scan(store, delivery_id=slip.id, code="6901234567891", user=clerk)


def test_short_lines_block_mark_picked(store, clerk, slip):
    delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    with pytest.raises(PickIncomplete) as caught:
        delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    short = caught.value.short
    assert [(s["line_no"], s["qty_milli"], s["picked_milli"]) for s in short] == [
        (1, 2000, 1000),
        (2, 1500, 0),
        (3, 1000, 0),
    ]
    assert delivery.load(store, delivery_id=slip.id).state == "pending"


def test_fully_picked_slip_is_marked_picked(store, clerk, slip):
    for code in ("6901234567892", "6901234567892", "6923450657713"):
        delivery.scan(store, delivery_id=slip.id, code=code, user=clerk)
    last = delivery.scan(store, delivery_id=slip.id, code="2000123015002", user=clerk)
    assert last.slip_complete
    picked = delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    assert picked.state == "picked"
    assert audit.entries(store.conn, "pick_override") == []


def test_override_by_a_clerk_is_refused_and_not_audited(store, clerk, slip):
    with pytest.raises(PermissionRequired):
        delivery.mark_picked(store, delivery_id=slip.id, user=clerk, approver=clerk, reason="缺货")
    assert delivery.load(store, delivery_id=slip.id).state == "pending"
    assert audit.entries(store.conn, "pick_override") == []


def test_override_without_a_reason_is_refused_and_not_audited(store, clerk, owner, slip):
    for reason in ("", " "):
        with pytest.raises(UserInputError):
            delivery.mark_picked(
                store, delivery_id=slip.id, user=clerk, approver=owner, reason=reason
            )
    assert delivery.load(store, delivery_id=slip.id).state == "pending"
    assert audit.entries(store.conn, "pick_override") == []


def test_owner_override_with_a_reason_is_audited(store, clerk, owner, slip):
    approver = users.authorize(store, "9999", action="pick_override")
    picked = delivery.mark_picked(
        store, delivery_id=slip.id, user=clerk, approver=approver, reason="大米缺货，明天补送"
    )
    assert picked.state == "picked"
    [entry] = audit.entries(store.conn, "pick_override")
    assert entry["user_id"] == owner.id
    assert entry["ref"] == slip.number
    assert entry["detail"]["reason"] == "大米缺货，明天补送"
    assert entry["detail"]["clerk"] == "Clerk"
    assert [s["sku"] for s in entry["detail"]["short"]] == ["COLA", "RICE", "RARE"]
    assert picked.history[-1].note == "大米缺货，明天补送"


def test_scans_only_on_a_pending_slip(store, clerk, owner, slip):
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk, approver=owner, reason="测试")
    with pytest.raises(BadStateChange):
        delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)


def test_cashier_cannot_do_warehouse_work(store, cashier, slip):
    with pytest.raises(PermissionRequired):
        delivery.mark_picked(store, delivery_id=slip.id, user=cashier)


# -- states, history, outbox, stock --------------------------------------------------------


def pick_all(store, slip, clerk):
    for code in ("6901234567892", "6901234567892", "6923450657713", "2000123015002"):
        delivery.scan(store, delivery_id=slip.id, code=code, user=clerk)


def test_every_state_change_is_history_and_an_outbox_fact(store, clerk, slip):
    pick_all(store, slip, clerk)
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    delivery.dispatch(store, delivery_id=slip.id, user=clerk)
    done = delivery.deliver(store, delivery_id=slip.id, user=clerk, signed_by="王建国")
    assert [(h.from_state, h.state, h.user_name) for h in done.history] == [
        ("", "pending", "Clerk"),
        ("pending", "picked", "Clerk"),
        ("picked", "dispatched", "Clerk"),
        ("dispatched", "delivered", "Clerk"),
    ]
    assert done.history[-1].signed_by == "王建国"
    assert done.signed_by == "王建国"
    facts = outbox_of(store)
    assert [f.payload["change"]["to"] for f in facts] == [
        "pending",
        "picked",
        "dispatched",
        "delivered",
    ]
    assert {f.payload["uuid"] for f in facts} == {slip.uuid}
    assert facts[1].payload["lines"][1]["picked_milli"] == 1500
    assert facts[-1].payload["change"]["signed_by"] == "王建国"


def test_dispatch_moves_stock_out_of_the_warehouse(store, clerk, products, slip):
    shop_before = stock.on_hand(store, products["cola"], stock.SHOP)
    pick_all(store, slip, clerk)
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    delivery.dispatch(store, delivery_id=slip.id, user=clerk)
    assert stock.on_hand(store, products["cola"], stock.WAREHOUSE) == 100_000 - 2000
    assert stock.on_hand(store, products["rice"], stock.WAREHOUSE) == 100_000 - 1500
    assert stock.on_hand(store, products["cola"], stock.SHOP) == shop_before
    moves = store.all("SELECT kind, ref, location_id FROM stock_moves WHERE kind = 'dispatch'")
    assert {(m["kind"], m["ref"], m["location_id"]) for m in moves} == {
        ("dispatch", slip.number, stock.WAREHOUSE)
    }
    assert stock.cache_mismatches(store) == []
    assert len(outbox_of(store)[-1].payload["moves"]) == 3


def test_failed_dispatch_leaves_no_stock_move_or_fact(store, clerk, slip):
    before = outbox.pending_count(store.conn)
    with pytest.raises(BadStateChange):
        delivery.dispatch(store, delivery_id=slip.id, user=clerk)  # still pending
    assert store.scalar("SELECT count(*) FROM stock_moves WHERE kind = 'dispatch'") == 0
    assert outbox.pending_count(store.conn) == before


def test_overridden_short_slip_dispatches_what_was_picked(store, clerk, owner, products, slip):
    delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk, approver=owner, reason="缺货")
    delivery.dispatch(store, delivery_id=slip.id, user=clerk)
    assert stock.on_hand(store, products["cola"], stock.WAREHOUSE) == 100_000 - 1000
    assert stock.on_hand(store, products["rice"], stock.WAREHOUSE) == 100_000


def test_delivered_needs_who_signed_and_cancel_needs_a_reason(store, clerk, slip):
    with pytest.raises(UserInputError):
        delivery.cancel(store, delivery_id=slip.id, user=clerk)
    cancelled = delivery.cancel(store, delivery_id=slip.id, user=clerk, note="客户取消")
    assert cancelled.state == "cancelled"
    with pytest.raises(BadStateChange):
        delivery.deliver(store, delivery_id=slip.id, user=clerk, signed_by="x")


def test_search_by_state_number_customer_phone_and_day(store, clerk, products, slip):
    other = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="李四",
        phone="13912345678",
        address="某路 1 号",
        lines=[OrderLine(products["cola"], 1000)],
    )
    assert [s.number for s in delivery.search(store, text="000001")] == [slip.number]
    assert [s.number for s in delivery.search(store, text="王建")] == [slip.number]
    assert [s.number for s in delivery.search(store, text="1234567")] == [other.number]
    assert [s.number for s in delivery.search(store, text="d-t01")] == [
        other.number,
        slip.number,
    ]
    assert len(delivery.search(store, state="pending")) == 2
    assert delivery.search(store, state="picked") == []
    assert len(delivery.search(store, day_from=slip.created_day, day_to=slip.created_day)) == 2
    assert delivery.search(store, day_to="2000-01-01") == []
    assert delivery.search(store, text="100%") == []
    assert delivery.load(store, number="d-t01-000001").id == slip.id


def test_picked_slip_can_be_reopened_and_picked_again(store, clerk, slip):
    pick_all(store, slip, clerk)
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    reopened = delivery.reopen(store, delivery_id=slip.id, user=clerk, note="再点一遍")
    assert reopened.state == "pending"
    delivery.unpick(store, delivery_id=slip.id, line_no=1, user=clerk)
    with pytest.raises(PickIncomplete):
        delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    assert [f.payload["change"]["to"] for f in outbox_of(store)][-2:] == ["picked", "pending"]


def test_mark_picked_on_a_dispatched_slip_is_a_state_error(store, clerk, owner, slip):
    delivery.mark_picked(store, delivery_id=slip.id, user=clerk, approver=owner, reason="急")
    delivery.dispatch(store, delivery_id=slip.id, user=clerk)
    with pytest.raises(BadStateChange) as caught:
        delivery.mark_picked(store, delivery_id=slip.id, user=clerk)
    assert (caught.value.state, caught.value.wanted) == ("dispatched", "picked")


def test_clearing_a_picked_line_is_kept_in_the_slip_history(store, clerk, slip):
    delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=clerk)
    delivery.unpick(store, delivery_id=slip.id, line_no=1, user=clerk)
    after = delivery.load(store, delivery_id=slip.id)
    assert after.lines[0].picked_milli == 0
    cleared = after.history[-1]
    assert (cleared.from_state, cleared.state) == ("pending", "pending")
    assert (cleared.user_id, cleared.user_name) == (clerk.id, "Clerk")
    assert cleared.note == "cleared line 1 COLA: 2"


def test_only_clerks_and_owners_pick_or_clear(store, cashier, owner, slip):
    with pytest.raises(PermissionRequired):
        delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=cashier)
    with pytest.raises(PermissionRequired):
        delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=None)
    delivery.scan(store, delivery_id=slip.id, code="6901234567892", user=owner)
    with pytest.raises(PermissionRequired):
        delivery.unpick(store, delivery_id=slip.id, line_no=1, user=cashier)
    assert delivery.load(store, delivery_id=slip.id).lines[0].picked_milli == 1000
    delivery.unpick(store, delivery_id=slip.id, line_no=1, user=owner)
    assert delivery.load(store, delivery_id=slip.id).history[-1].user_name == owner.name
