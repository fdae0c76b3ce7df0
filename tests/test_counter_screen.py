"""The counter screen driven by key events only, on a real store, offscreen."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from app import audit, sales
from app.config import Config
from app.till import Till
from tests.keyboard import Clock, focused, keys, press, scan
from ui import sound
from ui.i18n import Language
from ui.reader import Readers
from ui.services import Services
from ui.tasks import Tasks
from ui.wedge import ScannerWedge
from ui.window import MainWindow

COLA = "6901234567892"
TEA = "6923450657713"
GUM = "6920000000012"


@pytest.fixture
def clock():
    return Clock(0.005)  # a scanner: 5 ms a key


@pytest.fixture
def window(qtbot, tmp_path, store, owner, cashier, products, clock):
    config = Config()
    services = Services(
        data_dir=tmp_path,
        config=config,
        store=store,
        till=Till(store, config),
        readers=Readers(store.path),
        tasks=Tasks(threads=2),
        lookups=Tasks(threads=1),
        missing={"sync": "not installed", "printer": "not installed"},
    )
    language = Language()
    language.apply("en")
    win = MainWindow(services, language)
    qtbot.addWidget(win)
    wedge = ScannerWedge(win, clock=clock)
    QApplication.instance().installEventFilter(wedge)
    wedge.scanned.connect(win.on_scan)
    win.wedge = wedge
    win.show()
    qtbot.waitExposed(win)
    yield win
    QApplication.instance().removeEventFilter(wedge)
    services.tasks.wait()
    services.lookups.wait()
    services.readers.close()


def log_in(qtbot, window, pin: str) -> None:
    keys(pin)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.logged_in, timeout=5000)


def wait_dialog(qtbot, window, name: str | None = None):
    """Until a dialog (of class ``name``) is open and has the keyboard."""

    def ready() -> bool:
        dialog = window.selling.dialog
        if dialog is None or (name and type(dialog).__name__ != name):
            return False
        widget = focused()
        return widget is not None and widget.window() is dialog

    qtbot.waitUntil(ready)
    return window.selling.dialog


def wait_closed(qtbot, window):
    qtbot.waitUntil(lambda: window.selling.dialog is None and focused() is window.selling.entry)


def lines(window) -> list[tuple[str, int]]:
    return [(ln.sku, ln.qty_milli // 1000) for ln in window.till.ticket.lines]


def test_log_in_scan_three_items_one_twice_pay_exact_cash(qtbot, window, store):
    from app import catalog

    catalog.save_product(store, sku="GUM", name="口香糖", price=250, barcodes=[GUM])
    log_in(qtbot, window, "1111")
    assert window.till.user.name == "Cashier"

    scan(COLA)
    scan(TEA)
    scan(GUM)
    scan(COLA)
    assert lines(window) == [("RARE", 1), ("GUM", 1), ("COLA", 2)]
    assert window.selling.total.text() == "¥97.50"
    assert window.selling.count.text() == "4 items, 3 lines"
    model = window.selling.model
    shown = [[model.index(row, col).data() for col in range(6)] for row in range(3)]
    assert shown == [
        ["1", "Limited tea", "1", "¥88.00", "", "¥88.00"],
        ["2", "口香糖", "1", "¥2.50", "", "¥2.50"],
        ["3", "可口可乐 330ml", "2", "¥3.50", "", "¥7.00"],
    ]

    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window)
    press(Qt.Key.Key_Return)  # nothing typed: exact cash, and the sale completes
    wait_closed(qtbot, window)

    receipt = sales.last_receipt_no(store)
    sale = sales.load(store, receipt_no=receipt)
    assert sale.total == 9750
    assert [(ln.sku, ln.qty_milli) for ln in sale.lines] == [
        ("RARE", 1000),
        ("GUM", 1000),
        ("COLA", 2000),
    ]
    assert [(p.tender, p.amount) for p in sale.payments] == [("cash", 9750)]
    assert window.till.ticket.lines == []
    assert receipt in window.selling.banner.text()


def test_a_fast_burst_is_a_scan_and_slow_typing_is_text(qtbot, window, clock):
    log_in(qtbot, window, "1111")
    entry = window.selling.entry

    clock.step = 0.2  # a person: 200 ms between keys
    keys("12345678")
    qtbot.waitUntil(lambda: window.wedge.holding == 0)
    assert entry.text() == "12345678"
    assert window.till.ticket.lines == []
    entry.clear()

    clock.step = 0.005
    scan(COLA)
    assert entry.text() == ""  # the scan never reached the field
    assert lines(window) == [("COLA", 1)]


def test_typed_barcode_and_enter_in_the_entry_adds(qtbot, window, clock):
    log_in(qtbot, window, "1111")
    clock.step = 0.2
    keys(COLA)
    press(Qt.Key.Key_Return)
    assert lines(window) == [("COLA", 1)]
    assert window.selling.entry.text() == ""


def test_a_scan_lands_on_the_ticket_even_from_a_dialog_field(qtbot, window):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F4)  # quantity dialog has the focus
    wait_dialog(qtbot, window)
    quantity_field = focused()
    scan(TEA)
    assert quantity_field.text() in ("1", "")  # the code did not land in the quantity box
    assert lines(window) == [("COLA", 1), ("RARE", 1)]


def test_unknown_barcode_then_a_good_one(qtbot, window):
    log_in(qtbot, window, "1111")
    before = sound.played
    scan("1234567")
    selling = window.selling
    assert selling.banner.kind == "error"
    assert "1234567" in selling.banner.text()
    assert sound.played == before + 1
    assert selling.dialog is None  # no modal dialog for a scan problem

    scan(COLA)
    assert lines(window) == [("COLA", 1)]
    assert selling.banner.kind != "error"


def test_hold_and_resume(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(TEA)
    press(Qt.Key.Key_F5)  # hold
    assert window.till.ticket.lines == []
    assert store.scalar("SELECT count(*) FROM held_tickets") == 1

    scan(COLA)  # serve someone else meanwhile
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window)
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)

    press(Qt.Key.Key_F5)  # empty ticket: the list of held tickets
    wait_dialog(qtbot, window)
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert lines(window) == [("COLA", 1), ("RARE", 1)]
    assert store.scalar("SELECT count(*) FROM held_tickets") == 0


def test_lock_keeps_the_open_ticket(qtbot, window):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.logged_in
    assert window.stack.currentWidget() is window.login
    log_in(qtbot, window, "9999")
    assert window.till.user.name == "Owner"
    assert lines(window) == [("COLA", 1)]


def test_wrong_pin_is_refused_audited_and_shown(qtbot, window, store):
    keys("4321")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.login.message.kind == "error", timeout=5000)
    assert not window.logged_in
    assert "Wrong PIN" in window.login.message.text()
    assert [e["action"] for e in audit.entries(store.conn, "login_failed")] == ["login_failed"]


def test_a_return_by_receipt_number(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window)
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    receipt = sales.last_receipt_no(store)

    press(Qt.Key.Key_F8)
    wait_dialog(qtbot, window)
    keys(receipt)
    press(Qt.Key.Key_Return)  # finds the sale
    press(Qt.Key.Key_Return)  # refunds what is shown: everything
    wait_closed(qtbot, window)

    refund = store.one("SELECT kind, total, original_sale_id FROM sales ORDER BY id DESC LIMIT 1")
    original = sales.load(store, receipt_no=receipt)
    assert (refund["kind"], refund["total"], refund["original_sale_id"]) == (
        "return",
        700,
        original.id,
    )
    assert "Refund" in window.selling.banner.text()


def test_a_cashier_price_change_asks_for_the_owner_pin(qtbot, window, store, owner, clock):
    log_in(qtbot, window, "1111")
    scan(COLA)
    clock.step = 0.2  # a person types the rest
    press(Qt.Key.Key_F7)
    wait_dialog(qtbot, window)
    keys("3")
    press(Qt.Key.Key_Return)
    keys("dented can")
    press(Qt.Key.Key_Return)
    wait_dialog(qtbot, window, "PinPrompt")
    assert window.till.ticket.lines[0].unit_price == 350  # nothing changed without the owner

    keys("9999")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert window.till.ticket.lines[0].unit_price == 300
    entry = audit.entries(store.conn, "price_override")[-1]
    assert entry["detail"]["approved_by"] == owner.id
    assert entry["detail"]["reason"] == "dented can"


def test_product_search_as_you_type(qtbot, window):
    log_in(qtbot, window, "1111")
    press(Qt.Key.Key_F2)
    dialog = wait_dialog(qtbot, window)
    QTest.keyClicks(focused(), "kk")  # pinyin initials of 可口可乐
    qtbot.waitUntil(lambda: dialog.ready and dialog.results.rowCount() > 0, timeout=5000)
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert lines(window) == [("COLA", 1)]


def test_a_short_fast_burst_is_typing_not_a_scan(qtbot, window):
    log_in(qtbot, window, "1111")
    keys("12")  # fast, but too short for a barcode: a person on a quick keyboard
    press(Qt.Key.Key_Tab)
    assert window.till.ticket.lines == []
    qtbot.waitUntil(lambda: window.wedge.holding == 0)
    assert window.selling.entry.text() == "12"  # the keys reached the field, in order


def test_a_burst_ending_in_tab_is_a_scan(qtbot, window):
    log_in(qtbot, window, "1111")
    keys(COLA)
    press(Qt.Key.Key_Tab)
    assert lines(window) == [("COLA", 1)]


def test_a_payment_code_scanned_in_the_pay_dialog_pays_with_that_tender(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    scan("134567890123456789")  # a WeChat payment code from the customer's phone
    wait_closed(qtbot, window)
    sale = sales.load(store, receipt_no=sales.last_receipt_no(store))
    assert [(p.tender, p.amount, p.reference) for p in sale.payments] == [
        ("wechat", 350, "134567890123456789")
    ]


def test_split_payment_card_then_cash_with_change(qtbot, window, store, clock):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(TEA)  # 91.50 due
    clock.step = 0.2
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, window, "PayDialog")
    keys("50")
    press(Qt.Key.Key_F5)  # card pays 50
    assert dialog.due.text() == "¥41.50"
    keys("100")
    press(Qt.Key.Key_Return)  # cash 100: paid, change shows large
    assert dialog.change.text() == "¥58.50"
    press(Qt.Key.Key_Return)  # next customer
    wait_closed(qtbot, window)
    sale = sales.load(store, receipt_no=sales.last_receipt_no(store))
    assert [(p.tender, p.amount) for p in sale.payments] == [("card", 5000), ("cash", 10000)]
    assert sale.change_given == 5850


def test_a_cashier_opening_settings_gets_the_owner_prompt(qtbot, window):
    log_in(qtbot, window, "1111")
    press(Qt.Key.Key_F11)
    wait_dialog(qtbot, window, "PinPrompt")
    keys("9999")
    press(Qt.Key.Key_Return)
    wait_dialog(qtbot, window, "SettingsDialog")


def test_switching_the_language_in_settings(qtbot, window, tmp_path):
    log_in(qtbot, window, "9999")  # an owner: no prompt
    press(Qt.Key.Key_F11)
    dialog = wait_dialog(qtbot, window, "SettingsDialog")
    dialog.choice.setFocus()
    press(Qt.Key.Key_Down)  # "Follow the system" -> 简体中文
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert 'language = "zh_CN"' in (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert window.selling.buttons["pay"].text().startswith("结账")
    scan("1234567")
    assert window.selling.banner.text() == "未知条码 1234567"
    assert window.selling.total.text() == "¥0.00"
    window.language.apply("en")


def test_an_unexpected_failure_shows_a_polite_line_and_the_next_scan_is_tried(
    qtbot, window, store, caplog
):
    log_in(qtbot, window, "1111")
    store.conn.close()  # the disk went away under the till
    scan(COLA)
    banner = window.selling.banner
    assert banner.kind == "error"
    assert banner.text().startswith("Sorry, something went wrong")
    assert "closed" not in banner.text()
    assert any(r.exc_info for r in caplog.records if r.levelname == "ERROR")


def test_missing_services_are_named_in_the_status_bar(qtbot, window, store):
    from sync import outbox

    window.refresh_status()
    qtbot.waitUntil(lambda: "…" not in window.sync_label.text())  # the count has arrived
    assert window.printer_label.text() == "Printer: not available"
    count = outbox.unsynced_count(store.conn)
    assert count > 0  # the fixture's stock receipts wait for the server
    assert window.sync_label.text() == f"Sync: not running, {count} not uploaded"


def test_customer_search_attach_and_repeat_an_order_at_todays_prices(qtbot, window, store, clock):
    from app import catalog, customers

    person = customers.save_customer(store, name="张伟", phone="13800138000")
    log_in(qtbot, window, "1111")
    window.till.attach_customer(person.id)
    scan(COLA)
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    catalog.save_product(store, sku="COLA", name="可口可乐 330ml", price=380, cost=200)

    clock.step = 0.2
    press(Qt.Key.Key_F3)
    dialog = wait_dialog(qtbot, window, "CustomerDialog")
    keys("1380")
    qtbot.waitUntil(lambda: dialog.orders.count() > 0 and dialog.current() is not None)
    qtbot.waitUntil(lambda: dialog.orders.currentItem().data(Qt.ItemDataRole.UserRole))
    press(Qt.Key.Key_F4)  # repeat the selected order
    wait_closed(qtbot, window)
    assert [(ln.sku, ln.qty_milli, ln.unit_price) for ln in window.till.ticket.lines] == [
        ("COLA", 2000, 380)
    ]
    assert window.till.ticket.customer_id == person.id
    assert "¥3.50 → ¥3.80" in window.selling.banner.text()


def test_delete_removes_the_selected_line(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(TEA)
    press(Qt.Key.Key_Up)  # select the first line from the entry field
    press(Qt.Key.Key_Delete)
    assert lines(window) == [("RARE", 1)]
    assert audit.entries(store.conn, "line_void")[-1]["detail"]["sku"] == "COLA"


def test_repeated_wrong_pins_make_the_next_try_wait(qtbot, window):
    for _ in range(3):
        keys("4321")
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.login.checking and window.login.pin.isEnabled())
    qtbot.waitUntil(lambda: window.login.prompt.text().startswith("Wait"))
    keys("1111")  # the right PIN, too soon: not even tried
    press(Qt.Key.Key_Return)
    assert not window.login.checking
    assert not window.logged_in


class RecordingQueue:
    """Stands in for the print queue: records which sales were asked to reprint."""

    def __init__(self) -> None:
        self.reprinted: list[int] = []

    def reprint(self, sale_id: int) -> None:
        self.reprinted.append(sale_id)


def test_reprint_the_last_receipt_through_the_print_queue(qtbot, window, store):
    queue = RecordingQueue()
    window.services.print_queue = queue
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    receipt = sales.last_receipt_no(store)

    press(Qt.Key.Key_F10)
    wait_dialog(qtbot, window, "ReprintDialog")
    press(Qt.Key.Key_Return)  # the last receipt is filled in
    wait_closed(qtbot, window)
    qtbot.waitUntil(lambda: queue.reprinted == [sales.load(store, receipt_no=receipt).id])
    qtbot.waitUntil(lambda: "sent to the printer" in window.selling.banner.text())


def test_reprint_without_a_print_queue_says_printing_is_not_available(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    press(Qt.Key.Key_F10)
    wait_dialog(qtbot, window, "ReprintDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert window.selling.banner.text() == "Printing is not available on this till"


def test_closing_the_till_holds_the_open_ticket(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    window.close()
    assert store.scalar("SELECT label FROM held_tickets") == "open when the till closed"


def test_each_optional_service_is_started_or_says_why_not(window):
    from app.cli import Context
    from ui.main import start_services

    built = start_services(Context(window.services.data_dir), window.services)
    modules = {
        ("devices", "devices"): "devices.manager",
        ("print_queue", "printer"): "printing.queue",
        ("sync", "sync"): "sync.worker",
    }
    for (service, label), module in modules.items():
        try:
            present = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            present = False
        if not present:
            assert service not in built
            assert built["missing"][label] == "not installed"
        else:
            assert service in built or label in built["missing"]
    for _name, close in reversed(built["closers"]):
        close()


def test_scanning_a_receipt_on_the_ticket_opens_its_return(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    receipt = sales.last_receipt_no(store)

    scan(receipt)  # the receipt's barcode, from the customer's hand
    dialog = wait_dialog(qtbot, window, "ReturnDialog")
    assert dialog.draft.original.receipt_no == receipt
    assert window.till.ticket.lines == []
    assert window.selling.banner.kind != "error"


def test_a_serial_scanner_code_from_its_own_thread_lands_on_the_ticket(qtbot, window):
    import threading

    log_in(qtbot, window, "1111")
    reader = threading.Thread(target=window.scan_from_device, args=(COLA,))
    reader.start()
    reader.join()
    qtbot.waitUntil(lambda: lines(window) == [("COLA", 1)])


def test_a_service_reporting_a_change_from_its_thread_refreshes_the_status_bar(qtbot, window):
    import threading

    from ui.main import _subscribe

    class Service:
        on_change = None

    service = Service()
    _subscribe(service, window.services_changed)
    window.sync_label.setText("")
    threading.Thread(target=service.on_change).start()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Sync: not running"))


def test_paying_with_deliver_makes_the_slip_with_the_sale(qtbot, window, store):
    from app import customers, delivery

    home = customers.save_customer(store, name="刘洋", phone="13912345678", address="幸福路 8 号")
    log_in(qtbot, window, "1111")
    window.till.attach_customer(home.id)
    scan(COLA)
    scan(COLA)
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_F10)
    assert dialog.deliver.isChecked()
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    sale = sales.load(store, receipt_no=sales.last_receipt_no(store))
    (slip,) = delivery.search(store, text="13912345678")
    found = delivery.load(store, number=slip.number)
    assert found.sale_id == sale.id and found.address == "幸福路 8 号"
    assert [(ln.sku, ln.qty_milli) for ln in found.lines] == [("COLA", 2000)]


def test_deliver_without_an_address_stops_the_sale_and_says_why(qtbot, window, store):
    from app import customers

    walk_in = customers.save_customer(store, name="Walk-in", phone="13900000000")
    log_in(qtbot, window, "1111")
    window.till.attach_customer(walk_in.id)
    scan(COLA)
    press(Qt.Key.Key_F12)
    dialog = wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_F10)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "address" in dialog.error.text())
    assert store.scalar("SELECT count(*) FROM sales") == 0
    assert [ln.sku for ln in window.till.ticket.lines] == ["COLA"]


def test_a_clerk_logs_in_to_the_warehouse_and_scans_a_slip_then_its_goods(
    qtbot, window, store, products
):
    from app import delivery, users

    users.add_user(store, name="Clerk", role="clerk", pin="3333")
    slip = delivery.create_order(
        store,
        user=None,
        till_code="T01",
        name="陈静",
        phone="13700000000",
        address="北京路 1 号",
        lines=[delivery.OrderLine(products["cola"], 2000)],
    )
    log_in(qtbot, window, "3333")
    assert window.stack.currentWidget() is window.warehouse
    scan(slip.number)  # the slip's barcode opens it
    qtbot.waitUntil(lambda: window.warehouse.pick.slip is not None)
    scan(COLA)
    scan(COLA)
    picked = delivery.load(store, number=slip.number)
    assert [ln.picked_milli for ln in picked.lines] == [2000]
    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.login)


def test_an_owner_reaches_the_warehouse_from_settings_and_comes_back(qtbot, window):
    log_in(qtbot, window, "9999")
    press(Qt.Key.Key_F11)
    wait_dialog(qtbot, window, "SettingsDialog")
    press(Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.warehouse)
    qtbot.waitUntil(lambda: focused() is not None and window.warehouse.isAncestorOf(focused()))
    press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.selling)


def test_the_first_sale_queues_its_receipt_before_the_printer_is_up(qapp, tmp_path):
    from contextlib import ExitStack

    from app import catalog
    from app.cli import Context
    from ui.main import build_core

    with ExitStack() as stack:
        services = build_core(Context(tmp_path), stack)  # devices and print queue not started
        catalog.save_product(services.store, sku="COLA", name="Cola", price=350, barcodes=[COLA])
        services.till.scan(COLA)
        services.till.add_payment(tender="cash", amount=500)
        done = services.till.complete()
        jobs = services.store.execute("SELECT sale_id, state, drawer FROM print_jobs").fetchall()
        assert jobs == [(done.sale_id, "pending", "pending")]


def test_pin_checks_never_use_the_screens_connection_from_another_thread(
    qtbot, window, store, clock
):
    import threading

    threads: set[int] = set()
    store.conn.set_trace_callback(lambda _sql: threads.add(threading.get_ident()))
    log_in(qtbot, window, "1111")
    assert window.till.user.name == "Cashier"
    scan(COLA)
    clock.step = 0.2
    press(Qt.Key.Key_F7)
    wait_dialog(qtbot, window, "PriceDialog")
    keys("3")
    press(Qt.Key.Key_Return)
    keys("dented can")
    press(Qt.Key.Key_Return)
    wait_dialog(qtbot, window, "PinPrompt")
    keys("9999")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    store.conn.set_trace_callback(None)

    assert window.till.ticket.lines[0].unit_price == 300
    assert threads == {threading.get_ident()}  # only the UI thread ran SQL on it


def test_clearing_the_ticket_asks_first_and_escape_keeps_it(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(TEA)
    press(Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_dialog(qtbot, window, "ConfirmDialog")
    assert "¥91.50" in dialog.findChild(QLabel, "question").text()
    press(Qt.Key.Key_Escape)
    wait_closed(qtbot, window)
    assert lines(window) == [("COLA", 1), ("RARE", 1)]
    assert audit.entries(store.conn, "ticket_cancel") == []

    press(Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    wait_dialog(qtbot, window, "ConfirmDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    assert window.till.ticket.lines == []
    assert window.selling.banner.text() == "Ticket cleared"


def test_the_unsynced_count_moves_with_each_sale_before_any_sync(qtbot, window, store):
    from sync import outbox
    from sync.worker import SyncWorker

    window.services.sync = SyncWorker(store.path, window.services.config)  # never gets online
    window.services.missing.pop("sync")
    before = outbox.unsynced_count(store.conn)
    window.refresh_status()
    qtbot.waitUntil(lambda: window.sync_label.text() == f"Sync: Offline, {before} not uploaded")

    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F12)
    wait_dialog(qtbot, window, "PayDialog")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    after = outbox.unsynced_count(store.conn)
    assert after > before
    qtbot.waitUntil(lambda: window.sync_label.text() == f"Sync: Offline, {after} not uploaded")


def test_the_printer_state_is_named_in_the_screens_language_with_unprinted_receipts(
    qtbot, window, store
):
    from devices.manager import DeviceManager
    from printing.queue import PrintQueue, queue_reprint
    from tests.printer_peer import PrinterPeer

    services = window.services
    services.missing.pop("printer")

    def shown(text: str) -> None:
        window.refresh_status()
        qtbot.waitUntil(lambda: window.printer_label.text() == text)

    services.devices = DeviceManager(services.config)  # the default printer, dummy:
    shown("Printer: no printer")
    services.devices.close()

    with PrinterPeer() as peer:
        config = services.config.replace("printer", url=peer.url)
        services.devices = DeviceManager(config)
        shown("Printer: not checked yet")
        services.devices.check("printer")
        shown("Printer: ready")
        window.language.apply("zh_CN")
        shown("打印机：就绪")

        services.till.scan(COLA)
        services.till.add_payment(tender="cash", amount=500)
        done = services.till.complete()
        queue_reprint(store, done.sale_id)
        peer.down()
        queue = PrintQueue(store.path, config, services.devices, retry_s=30, poll_s=0.02)
        queue.start()
        try:
            qtbot.waitUntil(
                lambda: store.scalar("SELECT state FROM print_jobs") == "waiting", timeout=10000
            )
            shown("打印机：无法连接，未打印小票：1 张 (Ctrl+P)")
            window.language.apply("en")
            shown("Printer: not reachable, receipts not printed: 1 (Ctrl+P)")
        finally:
            queue.stop()
            services.devices.close()


def _fits(widget) -> bool:
    """The widget is shown whole: its text needs no more room than it has."""
    hint = widget.sizeHint()
    return (
        widget.isVisible() and hint.width() <= widget.width() and hint.height() <= widget.height()
    )


@pytest.mark.parametrize("code, close_text", [("en", "Close [Esc]"), ("zh_CN", "关闭 [Esc]")])
def test_every_dialog_has_a_close_button_that_fits_at_1366x768(qtbot, window, code, close_text):
    window.language.apply(code)
    window.resize(1366, 768)
    log_in(qtbot, window, "1111")
    void = window.selling.buttons["void"]
    assert void.text().endswith("\nF9 / Del") and _fits(void)

    def check(key, name: str) -> None:
        press(key)
        dialog = wait_dialog(qtbot, window, name)
        button = dialog.close_button
        assert button.text() == close_text
        assert _fits(button), name
        assert dialog.width() <= 1366 and dialog.height() <= 768, name
        assert dialog.minimumSizeHint().height() <= 768, name
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # a finger, not Esc
        wait_closed(qtbot, window)

    check(Qt.Key.Key_F5, "HeldDialog")  # on an empty ticket: the held tickets
    scan(COLA)
    for key, name in (
        (Qt.Key.Key_F2, "SearchDialog"),
        (Qt.Key.Key_F3, "CustomerDialog"),
        (Qt.Key.Key_F4, "QuantityDialog"),
        (Qt.Key.Key_F6, "DiscountDialog"),
        (Qt.Key.Key_F7, "PriceDialog"),
        (Qt.Key.Key_F8, "ReturnDialog"),
        (Qt.Key.Key_F10, "ReprintDialog"),
        (Qt.Key.Key_F11, "PinPrompt"),  # a cashier asking for settings
    ):
        check(key, name)
    assert lines(window) == [("COLA", 1)]

    press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    log_in(qtbot, window, "9999")
    check(Qt.Key.Key_F11, "SettingsDialog")


def test_held_tickets_show_the_local_time_they_were_held(qtbot, window, store, monkeypatch):
    import time
    from datetime import datetime

    monkeypatch.setenv("TZ", "Asia/Shanghai")  # UTC+8 all year
    time.tzset()
    try:
        log_in(qtbot, window, "1111")
        scan(COLA)
        press(Qt.Key.Key_F5)  # hold
        stored = store.scalar("SELECT created_at FROM held_tickets")
        utc = datetime.fromisoformat(stored.replace("Z", "+00:00"))
        local = utc.astimezone().strftime("%H:%M")
        assert local != utc.strftime("%H:%M")

        press(Qt.Key.Key_F5)  # empty ticket: the held list
        dialog = wait_dialog(qtbot, window, "HeldDialog")
        assert dialog.list.item(0).text().endswith(f"held at {local}")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_return_without_a_receipt_asks_for_the_owner_pin(qtbot, window, store, owner):
    log_in(qtbot, window, "1111")
    press(Qt.Key.Key_F8)
    wait_dialog(qtbot, window, "ReturnDialog")
    press(Qt.Key.Key_F2)  # no receipt
    wait_dialog(qtbot, window, "PinPrompt")
    keys("9999")
    press(Qt.Key.Key_Return)
    dialog = wait_dialog(qtbot, window, "ReturnDialog")
    qtbot.waitUntil(lambda: dialog.without_a_receipt)

    scan(COLA)  # the items coming back, scanned
    scan(COLA)
    scan(TEA)
    assert dialog.lines.rowCount() == 2
    press(Qt.Key.Key_Return)  # nothing typed: refund what is listed
    wait_closed(qtbot, window)

    refund = store.one("SELECT id, kind, total, original_sale_id FROM sales ORDER BY id DESC")
    assert (refund["kind"], refund["total"], refund["original_sale_id"]) == ("return", 9500, None)
    entry = audit.entries(store.conn, "return_without_receipt")[-1]
    assert entry["detail"]["approved_by"] == owner.id
    assert window.till.ticket.lines == []  # the scans went to the return, not the ticket


def test_escape_closes_a_dialog_and_keeps_the_ticket(qtbot, window):
    log_in(qtbot, window, "1111")
    scan(COLA)
    press(Qt.Key.Key_F2)
    wait_dialog(qtbot, window, "SearchDialog")
    press(Qt.Key.Key_Escape)
    wait_closed(qtbot, window)
    assert lines(window) == [("COLA", 1)]

    press(Qt.Key.Key_F4)
    wait_dialog(qtbot, window, "QuantityDialog")
    keys("5")
    press(Qt.Key.Key_Escape)  # closed without Enter: nothing changes
    wait_closed(qtbot, window)
    assert lines(window) == [("COLA", 1)]


def test_f6_puts_a_percent_discount_on_the_selected_line(qtbot, window, clock):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(COLA)
    clock.step = 0.2
    press(Qt.Key.Key_F6)
    dialog = wait_dialog(qtbot, window, "DiscountDialog")
    assert focused() is dialog.field  # digits typed go straight into the amount
    keys("10")
    press(Qt.Key.Key_Return)
    wait_closed(qtbot, window)
    model = window.selling.model
    assert [model.index(0, col).data() for col in (4, 5)] == ["-¥0.70", "¥6.30"]
    assert window.selling.total.text() == "¥6.30"


def test_f9_voids_the_selected_line(qtbot, window, store):
    log_in(qtbot, window, "1111")
    scan(COLA)
    scan(TEA)  # the new line is the selected one
    press(Qt.Key.Key_F9)
    assert lines(window) == [("COLA", 1)]
    assert audit.entries(store.conn, "line_void")[-1]["detail"]["sku"] == "RARE"
    assert window.selling.banner.text() == "Removed: Limited tea"
