"""The receipt queue against a TCP printer peer: the sale never waits for the printer, a
receipt prints once, a drawer opens once, whatever the printer does meanwhile."""

from __future__ import annotations

import time

import pytest

from app import audit, sales
from app.config import Config
from app.errors import UserInputError
from devices.drawer import open_drawer
from devices.manager import DeviceManager
from printing.queue import PrintQueue, receipt_job_hook
from tests.printer_peer import PrinterPeer


@pytest.fixture
def peer():
    with PrinterPeer() as p:
        yield p


@pytest.fixture
def config(peer):
    return Config().replace("printer", url=peer.url)


@pytest.fixture
def devices(config):
    manager = DeviceManager(config)
    yield manager
    manager.close()


@pytest.fixture
def queue(store, config, devices, till):
    till.config = config
    till.sale_hooks.append(receipt_job_hook(config))
    q = PrintQueue(store.path, config, devices, retry_s=0.2, poll_s=0.02)
    yield q
    q.stop()


def ring_up(till, *, tender="cash", amount=1000):
    till.scan("6901234567892")
    till.add_payment(tender=tender, amount=amount)
    return till.complete()


def job_rows(store):
    return store.all("SELECT id, sale_id, kind, state, drawer, reason FROM print_jobs ORDER BY id")


def wait_until(predicate, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not reached in time: {predicate.__doc__ or ''}")
        time.sleep(0.01)


def test_job_is_queued_in_the_sales_transaction(store, till, queue):
    done = ring_up(till)
    rows = job_rows(store)
    assert [(r["sale_id"], r["state"], r["drawer"]) for r in rows] == [
        (done.sale_id, "pending", "pending")
    ]

    def broken_hook(conn, sale_id):
        raise RuntimeError("disk said no")

    till.sale_hooks.append(broken_hook)
    with pytest.raises(RuntimeError):
        ring_up(till)
    assert len(job_rows(store)) == 1  # the failed sale took its job with it
    assert store.scalar("SELECT count(*) FROM sales") == 1


def test_cash_sale_prints_receipt_and_kicks_drawer_once(store, till, queue, peer):
    done = ring_up(till)
    queue.start()
    out = peer.wait_for(lambda d: d.cuts == 1)
    assert out.drawer_kicks == [2]
    assert any(done.receipt_no in line for line in out.lines)
    assert "可口可乐 330ml" in out.lines
    assert out.barcodes == [("CODE128", done.receipt_no)]
    assert 1 in out.status_queries and 4 in out.status_queries  # asked before printing
    wait_until(lambda: job_rows(store)[0]["state"] == "done")
    assert job_rows(store)[0]["drawer"] == "done"


def test_card_sale_does_not_open_the_drawer(store, till, queue, peer):
    ring_up(till, tender="card", amount=350)
    queue.start()
    out = peer.wait_for(lambda d: d.cuts == 1)
    assert out.drawer_kicks == []
    assert job_rows(store)[0]["drawer"] == "none"


def test_printer_unreachable_then_back_prints_once_and_kicks_once(store, till, queue, peer):
    peer.down()
    done = ring_up(till)
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "waiting")
    row = job_rows(store)[0]
    assert "unreachable" in row["reason"] or "refused" in row["reason"]
    assert row["drawer"] == "pending"
    assert sales.load(store, sale_id=done.sale_id).total == 350  # the sale stands

    peer.up()
    out = peer.wait_for(lambda d: d.cuts == 1)
    wait_until(lambda: job_rows(store)[0]["state"] == "done")
    assert queue.retry(row["id"]) is False  # done is final
    time.sleep(0.6)  # three retry periods: nothing more may come
    out = peer.decoded()
    assert out.cuts == 1
    assert out.drawer_kicks == [2]


def test_paper_out_waits_with_the_reason_and_sends_nothing(store, till, queue, peer):
    peer.paper_out = True
    ring_up(till, tender="card", amount=350)
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "waiting")
    assert job_rows(store)[0]["reason"] == "paper out"
    assert [j.reason for j in queue.jobs()] == ["paper out"]
    assert peer.decoded().lines == []

    peer.paper_out = False
    peer.wait_for(lambda d: d.cuts == 1)
    time.sleep(0.5)
    assert peer.decoded().cuts == 1
    assert queue.jobs() == []


def test_cover_open_cash_sale_still_opens_the_drawer_with_the_realtime_pulse(
    store, till, queue, peer
):
    peer.cover_open = True
    ring_up(till)
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "waiting")
    assert job_rows(store)[0]["reason"] == "cover open"
    assert job_rows(store)[0]["drawer"] == "done"
    assert peer.decoded().drawer_kicks == [2]

    peer.cover_open = False
    peer.wait_for(lambda d: d.cuts == 1)
    time.sleep(0.5)
    assert peer.decoded().drawer_kicks == [2]  # the receipt came later, the drawer did not


def test_crash_while_sending_is_never_resent_on_its_own(store, till, queue, peer):
    done = ring_up(till)
    store.execute("UPDATE print_jobs SET state = 'sending', drawer = 'sending'")
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "failed")
    row = job_rows(store)[0]
    assert "interrupted" in row["reason"]
    assert row["drawer"] == "done"  # a kick that may have happened counts as done
    time.sleep(0.5)
    assert peer.decoded().lines == []

    assert queue.retry(row["id"]) is True
    assert queue.retry(row["id"]) is False  # a second press while it is queued does nothing
    out = peer.wait_for(lambda d: d.cuts == 1)
    time.sleep(0.5)
    out = peer.decoded()
    assert out.cuts == 1
    assert out.drawer_kicks == []
    assert any(done.receipt_no in line for line in out.lines)


def test_skip_gives_up_the_receipt_and_its_drawer_kick(store, till, queue, peer):
    peer.down()
    ring_up(till)
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "waiting")
    assert queue.skip(job_rows(store)[0]["id"]) is True
    peer.up()
    time.sleep(0.6)
    assert peer.decoded().events == []
    assert (job_rows(store)[0]["state"], job_rows(store)[0]["drawer"]) == ("skipped", "skipped")
    assert queue.jobs() == []
    assert len(queue.jobs(pending_only=False)) == 1


def test_reprint_says_reprint_and_never_opens_the_drawer(store, till, queue, peer):
    done = ring_up(till)
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    queue.reprint(done.sale_id)
    out = peer.wait_for(lambda d: d.cuts == 2)
    first, second = out.receipts()
    assert not any("重印" in line for line in first)
    assert any("重印 REPRINT" in line for line in second)
    assert out.drawer_kicks == [2]


def test_drawer_kick_too_late_expires_but_the_receipt_prints(store, till, queue, peer):
    peer.down()
    ring_up(till)
    store.execute("UPDATE print_jobs SET created_at = '2000-01-01T00:00:00.000Z'")
    peer.up()
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    wait_until(lambda: job_rows(store)[0]["state"] == "done")
    assert job_rows(store)[0]["drawer"] == "expired"
    assert peer.decoded().drawer_kicks == []


def test_jobs_queued_while_down_print_in_order_once_each(store, till, queue, peer):
    peer.down()
    receipts = [ring_up(till, tender="card", amount=350).receipt_no for _ in range(3)]
    queue.start()
    wait_until(lambda: all(r["state"] == "waiting" for r in job_rows(store)))
    peer.up()
    peer.wait_for(lambda d: d.cuts == 3)
    time.sleep(0.5)
    pages = peer.decoded().receipts()
    assert len(pages) == 3
    for page, receipt_no in zip(pages, receipts, strict=True):
        assert any(receipt_no in line for line in page)


def test_on_change_hears_each_state_change(store, till, queue, peer):
    seen = []
    queue.on_change = lambda: seen.append(1)
    ring_up(till)
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    wait_until(lambda: len(seen) >= 2)  # claimed, done


def test_open_drawer_needs_a_reason_and_is_audited(store, till, queue, peer, devices, cashier):
    with pytest.raises(UserInputError):
        open_drawer(store, devices.drawer, user_id=cashier.id, reason="  ")
    assert peer.decoded().drawer_kicks == []

    peer.down()
    ring_up(till)  # its kick waits for the printer
    peer.up()
    open_drawer(store, devices.drawer, user_id=cashier.id, reason="换零钱 change for a 100")
    [entry] = audit.entries(store.conn, "drawer_open")
    assert entry["user_id"] == cashier.id
    assert entry["detail"] == {"reason": "换零钱 change for a 100"}
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    assert peer.decoded().drawer_kicks == [2]  # the sale's queued kick was cancelled


def test_cash_refund_prints_a_return_receipt_and_opens_the_drawer(store, till, queue, peer):
    sold = ring_up(till, amount=350)
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    draft = till.start_return(sold.receipt_no)
    line_id = draft.original.lines[0].id
    back = till.complete_return(draft, quantities={line_id: 1000}, reason="坏了 broken")
    out = peer.wait_for(lambda d: d.cuts == 2)
    page = out.receipts()[1]
    assert any("退货 RETURN" in line for line in page)
    assert any(line.startswith("退款 REFUND") and line.endswith("3.50") for line in page)
    assert any(line.startswith("退回 现金 Cash") for line in page)
    assert any(back.receipt_no in line for line in page)
    assert any(
        line.startswith("原单 Original") and line.endswith(sold.receipt_no) for line in page
    )
    assert out.drawer_kicks == [2, 2]  # cash went out, so the drawer opened again


def test_drawer_sensor_reads_through_the_printer(peer):
    from devices.drawer import CashDrawer
    from devices.printer import ReceiptPrinter

    settings = Config().replace("printer", url=peer.url).replace("drawer", sensor="open_high")
    drawer = CashDrawer(ReceiptPrinter(settings.printer), settings.drawer)
    assert drawer.is_open() is False
    peer.drawer_open = True
    assert drawer.is_open() is True
    low = CashDrawer(drawer.printer, settings.replace("drawer", sensor="open_low").drawer)
    assert low.is_open() is False
    unwired = CashDrawer(drawer.printer, Config().drawer)
    assert unwired.is_open() is None


def test_one_missed_status_reply_does_not_stop_the_next_paper_out_check(store, till, queue, peer):
    peer.miss_replies = 1  # the first job's status query goes unanswered
    first = ring_up(till, tender="card", amount=350)
    queue.start()
    peer.wait_for(lambda d: d.cuts == 1)
    wait_until(lambda: job_rows(store)[0]["state"] == "done")

    peer.paper_out = True
    ring_up(till, tender="card", amount=350)
    wait_until(lambda: len(job_rows(store)) == 2 and job_rows(store)[1]["state"] == "waiting")
    assert job_rows(store)[1]["reason"] == "paper out"
    time.sleep(0.5)
    [page] = peer.decoded().receipts()  # nothing went to a printer with no paper
    assert any(first.receipt_no in line for line in page)

    peer.paper_out = False
    out = peer.wait_for(lambda d: d.cuts == 2)
    assert len(out.receipts()) == 2


def test_paper_out_after_the_job_fails_it_as_maybe_incomplete_and_kicks_once(
    store, till, queue, peer
):
    done = ring_up(till)
    peer.roll_ends_at_cut = True  # the roll ends while the receipt prints
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "failed")
    row = job_rows(store)[0]
    assert "may be incomplete" in row["reason"]
    assert row["drawer"] == "done"
    assert peer.decoded().cuts == 1

    peer.roll_ends_at_cut = False
    peer.paper_out = False  # a new roll
    assert queue.retry(row["id"]) is True
    out = peer.wait_for(lambda d: d.cuts == 2)
    wait_until(lambda: job_rows(store)[0]["state"] == "done")
    assert out.drawer_kicks == [2]  # the reprint did not open the drawer again
    assert all(any(done.receipt_no in line for line in page) for page in out.receipts())


def test_a_receipt_that_cannot_be_laid_out_leaves_its_kick_unmade(store, till, queue, peer):
    store.execute("PRAGMA foreign_keys = OFF")
    store.execute(
        "INSERT INTO print_jobs (sale_id, kind, drawer) VALUES (9999, 'receipt', 'pending')"
    )
    queue.start()
    wait_until(lambda: job_rows(store)[0]["state"] == "failed")
    row = job_rows(store)[0]
    assert "cannot lay out" in row["reason"] and row["drawer"] == "failed"
    queue.stop()
    q2 = PrintQueue(store.path, queue.config, queue.devices, retry_s=0.2, poll_s=0.02)
    q2.start()  # the restart's recovery must not count it as kicked
    time.sleep(0.3)
    q2.stop()
    assert job_rows(store)[0]["drawer"] == "failed"
    assert peer.decoded().drawer_kicks == []
