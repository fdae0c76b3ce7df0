"""The warehouse screens driven by key events only, as a clerk with a scanner would."""

from __future__ import annotations

import gc
import io
import sys
import wave
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app import audit, catalog, customers, delivery, stock, users
from app.config import Config
from app.delivery import OrderLine
from printing import slip as slips
from ui.i18n import Language
from ui.warehouse import (
    BAD,
    CALLOUT_COLOURS,
    OK,
    WARN,
    WarehouseWindow,
    print_document,
    tone_wav,
)

COLA, CASE, TEA = "6901234567892", "16901234567899", "6923450657713"


@pytest.fixture
def clerk(store):
    return users.add_user(store, name="Clerk", role="clerk", pin="2222")


@pytest.fixture
def slip(store, clerk, products):
    catalog.save_product(store, sku="NAIL", name="钢钉 50mm", price=1200, barcodes=["777"])
    for product_id in products.values():
        stock.record(store, product_id=product_id, qty_milli=10_000, kind="receipt", location_id=2)
    return delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="王建国",
        phone="13800138000",
        address="文三路 100 号",
        lines=[OrderLine(products["cola"], 2000), OrderLine(products["rare"], 1000)],
    )


@pytest.fixture
def window(qtbot, store, clerk, slip):
    w = WarehouseWindow(store, Config(), clerk)
    qtbot.addWidget(w)
    w.resize(1000, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def focused():
    return QApplication.focusWidget()


def type_text(qtbot, widget, text: str) -> None:
    """Key presses for each character. QTest only knows ASCII keys, so a CJK character goes
    as a key event carrying its text, the way a committed input-method character arrives."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            )


def type_line(qtbot, text: str) -> None:
    """What a keyboard-wedge scanner does: the characters, then Enter, into the focus."""
    widget = focused()
    type_text(qtbot, widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def press(qtbot, key) -> None:
    qtbot.keyClick(focused(), key)


def test_pick_by_scan_from_list_to_delivered(qtbot, window, store, slip, products):
    assert focused() is window.slip_list.search
    assert window.slip_list.table.rowCount() == 1

    type_line(qtbot, slip.number)  # scanning the slip's barcode opens it
    assert window.stack.currentWidget() is window.pick
    assert focused() is window.pick.scan

    type_line(qtbot, COLA)
    assert window.pick.callout.kind == OK
    assert "1" in window.pick.callout.text() and "可口可乐" in window.pick.callout.text()
    assert window.pick.table.item(0, 6).text() == "1"

    type_line(qtbot, "777")
    assert window.pick.callout.kind == BAD
    assert "NOT ON THIS SLIP" in window.pick.callout.text()
    assert "钢钉 50mm" in window.pick.callout.text()
    assert window.alarm.played[-1] == BAD

    type_line(qtbot, CASE)  # a case of 24 is more than the 2 asked for
    assert window.pick.callout.kind == BAD and "TOO MANY" in window.pick.callout.text()

    type_line(qtbot, TEA)
    type_line(qtbot, TEA)
    assert "TOO MANY" in window.pick.callout.text()
    assert window.pick.table.item(1, 6).text() == "1"

    type_line(qtbot, "123")
    assert window.pick.callout.kind == WARN and "Unknown barcode" in window.pick.callout.text()

    press(qtbot, Qt.Key.Key_F5)  # still one cola short
    assert window.pick.callout.kind == BAD
    assert "SHORT" in window.pick.callout.text() and "1/2" in window.pick.callout.text()
    assert window.pick.prompt.isVisible()
    press(qtbot, Qt.Key.Key_Escape)  # no override: go on picking
    assert not window.pick.prompt.isVisible() and focused() is window.pick.scan

    type_line(qtbot, COLA)
    assert "All lines picked" in window.pick.callout.text()
    press(qtbot, Qt.Key.Key_F5)
    assert delivery.load(store, delivery_id=slip.id).state == "picked"

    press(qtbot, Qt.Key.Key_F6)
    assert delivery.load(store, delivery_id=slip.id).state == "dispatched"
    assert stock.on_hand(store, products["cola"], stock.WAREHOUSE) == 8000

    press(qtbot, Qt.Key.Key_F7)
    type_line(qtbot, "王建国")
    done = delivery.load(store, delivery_id=slip.id)
    assert done.state == "delivered" and done.signed_by == "王建国"
    assert [h.state for h in done.history] == ["pending", "picked", "dispatched", "delivered"]

    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.slip_list
    assert window.slip_list.table.item(0, 1).text() == "delivered"


def test_owner_override_from_the_keyboard(qtbot, window, store, slip, owner):
    type_line(qtbot, slip.number)
    type_line(qtbot, COLA)
    press(qtbot, Qt.Key.Key_F5)
    assert focused() is window.pick.prompt.fields[0]

    type_line(qtbot, "0000")  # a wrong PIN
    type_line(qtbot, "缺货")
    assert "Wrong PIN" in window.pick.callout.text()
    assert delivery.load(store, delivery_id=slip.id).state == "pending"

    assert focused() is window.pick.prompt.fields[0]  # PIN cleared, typed again
    assert window.pick.prompt.fields[0].text() == ""
    type_line(qtbot, "9999")
    assert focused() is window.pick.prompt.fields[1]
    qtbot.keyClick(focused(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused(), Qt.Key.Key_Backspace)
    type_line(qtbot, "茶叶缺货，明天补送")
    assert delivery.load(store, delivery_id=slip.id).state == "picked"
    assert "approved by Owner" in window.pick.callout.text()
    [entry] = audit.entries(store.conn, "pick_override")
    assert entry["detail"]["reason"] == "茶叶缺货，明天补送"


def test_list_filters_by_state_and_search(qtbot, window, store, clerk, products, slip):
    delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="李四",
        phone="13912345678",
        address="某路 1 号",
        lines=[OrderLine(products["cola"], 1000)],
    )
    window.show_list()
    assert window.slip_list.table.rowCount() == 2
    type_text(qtbot, focused(), "1391234")
    assert window.slip_list.table.rowCount() == 1
    assert window.slip_list.table.item(0, window.slip_list.CUSTOMER).text() == "李四"
    press(qtbot, Qt.Key.Key_Return)  # opens the selected slip
    assert window.pick.slip.customer_name == "李四"


def test_new_order_from_the_keyboard(qtbot, window, store):
    press(qtbot, Qt.Key.Key_F3)
    assert window.stack.currentWidget() is window.order
    for text in ("赵六", "13700000000", "东路 3 号", "", "上午送"):
        type_line(qtbot, text)
    type_line(qtbot, f"{COLA}*3")
    type_line(qtbot, "RARE")
    press(qtbot, Qt.Key.Key_F10)
    assert window.stack.currentWidget() is window.pick
    made = window.pick.slip
    assert made.customer_name == "赵六" and made.notes == "上午送"
    assert [(ln.sku, ln.qty_milli) for ln in made.lines] == [("COLA", 3000), ("RARE", 1000)]


def test_preview_shows_the_slip_pdf(qtbot, window, slip):
    type_line(qtbot, slip.number)
    press(qtbot, Qt.Key.Key_F8)
    assert window.stack.currentWidget() is window.preview
    assert window.preview.document.pageCount() == 1
    assert window.preview.pdf.startswith(b"%PDF")
    qtbot.keyClick(window.preview.paper, Qt.Key.Key_Down)  # A4 -> A5
    assert window.preview.paper.currentText() == "A5"
    size = window.preview.document.pagePointSize(0)
    assert round(size.width()) == 420  # the preview follows the paper
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.pick


def test_a_long_picking_shift_does_not_wear_down_refcounts(qtbot, window, store, clerk, products):
    """PySide6 6.12 loses a reference to True on each Python-side Signal.emit(); enough of
    them and the interpreter aborts. The screens must not emit from Python."""
    big = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="批发商",
        phone="1",
        address="仓库路",
        lines=[OrderLine(products["cola"], 200_000)],
    )
    type_line(qtbot, big.number)
    gc.collect()  # garbage of earlier tests, freed mid-loop, would drop the count too
    before = sys.getrefcount(True)
    for _ in range(60):
        type_line(qtbot, COLA)
    assert window.pick.table.item(0, 6).text() == "60"
    gc.collect()
    assert sys.getrefcount(True) >= before - 5


def test_items_taken_off_the_pallet_are_cleared_from_their_line(qtbot, window, store, slip):
    type_line(qtbot, slip.number)
    type_line(qtbot, TEA)
    type_line(qtbot, COLA)
    assert window.pick.table.currentRow() == 0
    press(qtbot, Qt.Key.Key_Down)  # choose the tea line
    press(qtbot, Qt.Key.Key_F2)
    lines = delivery.load(store, delivery_id=slip.id).lines
    assert [ln.picked_milli for ln in lines] == [1000, 0]
    assert "cleared" in window.pick.callout.text()
    assert focused() is window.pick.scan


def test_print_draws_every_page_on_the_printer(qtbot, window, store, clerk, products, tmp_path):
    long_slip = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="批发商",
        phone="1",
        address="仓库路",
        lines=[OrderLine(products["cola"], 1000) for _ in range(70)],
    )
    window.show_preview(long_slip)
    pages = window.preview.document.pageCount()
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_document(window.preview.document, printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages


def test_alarm_tones_are_valid_wav():
    with wave.open(io.BytesIO(tone_wav([(330, 0.1), (0, 0.05)], rate=8000))) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 8000)
        assert wav.getnframes() == 800 + 400


def test_known_phone_fills_the_new_order(qtbot, window, store):
    known = customers.save_customer(
        store, name="孙老板", phone="13311112222", address="北山路 7 号"
    )
    press(qtbot, Qt.Key.Key_F3)
    type_line(qtbot, "")  # name left empty
    type_line(qtbot, "13311112222")
    assert window.order.name.text() == "孙老板"
    assert window.order.address.text() == "北山路 7 号"
    for _ in ("address", "date", "notes"):
        type_line(qtbot, "")
    assert focused() is window.order.item
    type_line(qtbot, "RARE")
    press(qtbot, Qt.Key.Key_F10)
    made = window.pick.slip
    assert (made.customer_name, made.customer_id) == ("孙老板", known.id)


def test_open_slips_show_however_old_and_finished_ones_by_date(
    qtbot, window, store, clerk, products, slip
):
    long_ago = datetime.now() - timedelta(days=90)

    def order(name, **extra):
        return delivery.create_order(
            store,
            user=clerk,
            till_code="T01",
            name=name,
            phone="139",
            address="某路 1 号",
            lines=[OrderLine(products["cola"], 1000)],
            **extra,
        )

    old_open = order("老订单", now=long_ago, delivery_date="2030-01-15")
    old_done = order("已取消", now=long_ago)
    delivery.cancel(store, delivery_id=old_done.id, user=clerk, note="客户不要了")
    page = window.slip_list
    window.show_list()
    shown = {page.table.item(row, 0).text(): row for row in range(page.table.rowCount())}
    assert set(shown) == {slip.number, old_open.number}
    assert page.table.horizontalHeaderItem(3).text() == "Deliver on"
    assert page.table.item(shown[old_open.number], 3).text() == "2030-01-15"

    # Dates the clerk chooses apply to every slip.
    page.day_from.setDate(QDate.currentDate().addDays(-100))
    page.day_to.setDate(QDate.currentDate().addDays(-80))
    shown = {page.table.item(row, 0).text() for row in range(page.table.rowCount())}
    assert shown == {old_open.number, old_done.number}


def test_preview_says_the_font_and_counts_pages_in_words(qtbot, window, slip):
    Language().apply("en")
    window.show_preview(slip)
    info = window.preview.info.text()
    assert info.startswith(f"{slip.number}: 1 page, font ")
    assert slips.cjk_font().describe() in info


def test_preview_warns_when_the_slip_falls_back_to_the_built_in_font(qtbot, window, slip):
    window.preview.font_choice = slips.cjk_font([])
    window.show_preview(slip)
    info = window.preview.info.text()
    assert "STSong-Light (built-in, not embedded" in info
    assert "No Chinese font installed" in info
    assert CALLOUT_COLOURS[WARN] in window.preview.info.styleSheet()


def test_preview_speaks_chinese_with_a_page_count(qtbot, window, slip):
    Language().apply("zh_CN")
    window.show_preview(slip)
    assert f"{slip.number}：共 1 页，字体 " in window.preview.info.text()


def test_another_slips_barcode_on_the_pick_screen_is_named_and_opens_it(
    qtbot, window, store, clerk, products, slip
):
    other = delivery.create_order(
        store,
        user=clerk,
        till_code="T01",
        name="李四",
        phone="139",
        address="某路 1 号",
        lines=[OrderLine(products["cola"], 1000)],
    )
    type_line(qtbot, slip.number)
    assert window.pick.slip.id == slip.id

    type_line(qtbot, other.number)
    assert window.pick.callout.kind == WARN
    assert window.pick.callout.text() == (
        f"That is slip {other.number} (李四), not an item. Scan it again to open it."
    )
    assert window.pick.slip.id == slip.id
    assert window.alarm.played[-1] == WARN

    type_line(qtbot, slip.number)
    assert "this slip's own barcode" in window.pick.callout.text()

    type_line(qtbot, other.number)
    type_line(qtbot, other.number)
    assert window.stack.currentWidget() is window.pick
    assert window.pick.slip.id == other.id
    assert focused() is window.pick.scan


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_printing_runs_in_the_background_and_says_it_printed(qtbot, window, slip, tmp_path):
    window.show_preview(slip)
    window.preview.start_print(pdf_printer(tmp_path / "printed.pdf"))
    assert window.tasks.busy  # handed to the pool, not done on the UI thread
    qtbot.waitUntil(lambda: "printed on" in window.preview.info.text(), timeout=10_000)
    assert window.preview.info.text() == f"{slip.number} printed on {tmp_path / 'printed.pdf'}."
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 1


def test_a_printer_failure_is_shown_in_the_info_bar(qtbot, window, slip, tmp_path):
    window.show_preview(slip)
    window.preview.start_print(pdf_printer(tmp_path / "no such folder" / "printed.pdf"))
    qtbot.waitUntil(lambda: "not printed" in window.preview.info.text(), timeout=10_000)
    assert window.preview.info.text() == (
        f"{slip.number} not printed: the printer could not start the job"
    )
    assert CALLOUT_COLOURS[BAD] in window.preview.info.styleSheet()
