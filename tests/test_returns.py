import pytest

from app import audit, sales, stock
from app.config import Config
from app.errors import PermissionRequired, ReturnTooLarge, SaleNotFound
from app.ticket import Discount
from app.till import Till

COLA = "6901234567892"
TEA = "6923450657713"


@pytest.fixture
def sold(store, till):
    """Three colas and a tea with a 10% ticket discount, paid by card and cash."""
    for code in (COLA, COLA, COLA, TEA):
        till.scan(code)
    till.discount_ticket(Discount("percent", 1000))
    till.add_payment(tender="card", amount=5000)
    till.add_payment(tender="cash", amount=10000)
    done = till.complete()
    return sales.load(store, sale_id=done.sale_id)


def test_return_part_of_a_sale_by_receipt_number(store, till, sold, products):
    draft = till.start_return(sold.receipt_no)
    cola_line = next(ln for ln in sold.lines if ln.sku == "COLA")
    done = till.complete_return(draft, quantities={cola_line.id: 1000})
    back = sales.load(store, sale_id=done.sale_id)
    assert back.kind == "return" and back.original_sale_id == sold.id
    assert back.total == sales.load(store, sale_id=sold.id).lines[0].net // 3
    assert stock.on_hand(store, products["cola"]) == 50_000 - 3000 + 1000
    assert audit.entries(store.conn, "refund")[0]["ref"] == sold.receipt_no


def test_returning_everything_in_steps_refunds_exactly_what_was_paid(store, till, sold):
    cola, tea = sold.lines[0], sold.lines[1]
    for quantities in ({cola.id: 1000}, {cola.id: 1000, tea.id: 1000}, {cola.id: 1000}):
        till.complete_return(till.start_return(sold.receipt_no), quantities=quantities)
    assert sales.refunded_total(store, sold.id) == sold.total
    refunds = sales.refunded_by_tender(store, sold.id)
    assert refunds["card"] == 5000
    assert refunds["card"] + refunds["cash"] == sold.total
    assert till.start_return(sold.receipt_no).returnable == {}


def test_cannot_return_more_than_was_sold(till, sold):
    draft = till.start_return(sold.receipt_no)
    with pytest.raises(ReturnTooLarge):
        till.complete_return(draft, quantities={sold.lines[0].id: 4000})


def test_unknown_receipt_number(till):
    with pytest.raises(SaleNotFound):
        till.start_return("T01-999999")


def test_return_without_receipt_needs_an_owner(store, till, owner, products):
    with pytest.raises(PermissionRequired):
        till.start_return(None)
    draft = till.start_return(None, approver=owner)
    done = till.complete_return(
        draft, products=[(products["cola"], 2000, 350)], approver=owner, reason="no slip"
    )
    assert done.total == 700
    assert (
        audit.entries(store.conn, "return_without_receipt")[0]["detail"]["approved_by"] == owner.id
    )
    assert stock.on_hand(store, products["cola"]) == 52_000


def test_return_of_a_rounded_cash_sale_gives_back_what_was_paid(store, cashier, products):
    till = Till(store, Config().replace("shop", cash_rounding="1"))
    till.login(cashier)
    for _ in range(3):
        till.scan(COLA)
    till.add_payment(tender="cash", amount=1000)
    sale = sales.load(store, sale_id=till.complete().sale_id)
    assert sale.total == 1000
    line = sale.lines[0]
    till.complete_return(till.start_return(sale.receipt_no), quantities={line.id: 2000})
    till.complete_return(till.start_return(sale.receipt_no), quantities={line.id: 1000})
    assert sales.refunded_total(store, sale.id) == 1000
