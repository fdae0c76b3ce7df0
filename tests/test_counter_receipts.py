"""Receipts at the counter, driven by keys, on a real store, print queue and TCP printer
peer: the receipts not printed (retry, skip) and the receipt preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import sales
from app.config import Config
from app.till import Till
from devices.manager import DeviceManager
from printing.layout import text_width
from printing.queue import PrintQueue, receipt_job_hook
from tests.keyboard import Clock, focused, keys, press
from tests.printer_peer import PrinterPeer, PtyPeer, ToledoScalePeer
from ui.i18n import Language
from ui.reader import Readers
from ui.services import Services
from ui.tasks import Tasks
from ui.wedge import ScannerWedge
from ui.window import MainWindow

COLA = "6901234567892"


@pytest.fixture
def peer():
    with PrinterPeer() as p:
        yield p


@pytest.fixture
def make_window(qtbot, tmp_path, store, owner, cashier, products):
    made = []

    def make(config: Config, *, language: str = "en"):
        devices = DeviceManager(config)
        # No retries on its own: every print after a failure below is the cashier's retry.
        queue = PrintQueue(store.path, config, devices, retry_s=3600, poll_s=0.02)
        till = Till(store, config)
        till.sale_hooks.append(receipt_job_hook(config))
        services = Services(
            data_dir=tmp_path,
            config=config,
            store=store,
            till=till,
            readers=Readers(store.path),
            tasks=Tasks(threads=2),
            lookups=Tasks(threads=1),
            devices=devices,
            print_queue=queue,
            missing={"sync": "not installed"},
        )
        lang = Language()
        lang.apply(language)
        win = MainWindow(services, lang)
        qtbot.addWidget(win)
        queue.on_change = win.services_changed
        win.clock = Clock(0.005)  # a scanner: 5 ms a key
        wedge = ScannerWedge(win, clock=win.clock)
        QApplication.instance().installEventFilter(wedge)
        wedge.scanned.connect(win.on_scan)
        win.show()
        qtbot.waitExposed(win)
        queue.start()
        made.append((win, wedge, services))
        return win

    yield make
    for _win, wedge, services in made:
        QApplication.instance().removeEventFilter(wedge)
        services.print_queue.stop()
        services.tasks.wait()
        services.lookups.wait()
        services.readers.close()
        services.devices.close()


def log_in_and_sell(qtbot, window) -> str:
    if not window.logged_in:
        window.activateWindow()
        qtbot.waitUntil(lambda: focused() is window.login.pin)
        keys("1111")
        press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.logged_in, timeout=5000)
    qtbot.waitUntil(lambda: focused() is window.selling.entry)
    keys(COLA)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "PayDialog")
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is window.selling.dialog)
    press(Qt.Key.Key_Return)  # exact cash: the drawer is to open once
    qtbot.waitUntil(lambda: window.selling.dialog is None and focused() is window.selling.entry)
    return sales.last_receipt_no(window.services.store)


def job_states(store) -> list[tuple[str, str]]:
    return [
        (row["state"], row["drawer"])
        for row in store.all("SELECT state, drawer FROM print_jobs ORDER BY id")
    ]


def open_unprinted(qtbot, window):
    qtbot.waitUntil(lambda: focused() is window.selling.entry)
    press(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "UnprintedDialog")
    dialog = window.selling.dialog
    qtbot.waitUntil(lambda: dialog.loaded and focused() is dialog.table)
    return dialog


def test_unprinted_receipts_are_retried_and_skipped_from_the_till(qtbot, make_window, peer, store):
    peer.down()
    window = make_window(Config().replace("printer", url=peer.url))
    first = log_in_and_sell(qtbot, window)
    second = log_in_and_sell(qtbot, window)
    qtbot.waitUntil(lambda: [s for s, _ in job_states(store)] == ["waiting", "waiting"])
    qtbot.waitUntil(lambda: "receipts not printed: 2" in window.printer_label.text())
    assert "Ctrl+P" in window.printer_label.text()
    assert window.selling.buttons["receipts"].text().endswith("Ctrl+P")

    dialog = open_unprinted(qtbot, window)
    table = dialog.table
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == [first, second]
    qtbot.waitUntil(lambda: table.item(0, 2).text() == "Printer not reachable")
    qtbot.waitUntil(lambda: first in dialog.preview.toPlainText())  # the selected one

    press(Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: second in dialog.preview.toPlainText())
    tries = store.scalar("SELECT attempts FROM print_jobs WHERE id = 1")
    press(Qt.Key.Key_Delete)  # skip the second: its receipt and its drawer kick
    qtbot.waitUntil(lambda: job_states(store)[1] == ("skipped", "skipped"))
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    # The skip is a change to the store, so the queue tries the first again by itself:
    # let that try fail while the printer is still down.
    qtbot.waitUntil(
        lambda: (
            store.scalar("SELECT attempts FROM print_jobs WHERE id = 1") > tries
            and job_states(store)[0][0] == "waiting"
        )
    )

    peer.up()
    # Retry is offered once the list shows the job waiting (not while a try is on the wire).
    qtbot.waitUntil(dialog.retry_button.isEnabled)
    press(Qt.Key.Key_Return)  # retry the first, pressed twice
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: job_states(store)[0] == ("done", "done"), timeout=10_000)
    qtbot.waitUntil(lambda: table.rowCount() == 0 and dialog.empty.isVisible())
    qtbot.wait(300)  # anything more the printer would get has arrived by now
    out = peer.decoded()
    assert out.cuts == 1
    assert out.drawer_kicks == [2]
    assert any(first in line for line in out.lines)
    assert not any(second in line for line in out.lines)
    qtbot.waitUntil(lambda: "not printed" not in window.printer_label.text())

    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.selling.dialog is None)


def test_clicking_the_printer_in_the_status_bar_opens_the_unprinted_receipts(
    qtbot, make_window, peer, store
):
    peer.paper_out = True
    window = make_window(Config().replace("printer", url=peer.url), language="zh_CN")
    log_in_and_sell(qtbot, window)
    qtbot.waitUntil(lambda: [s for s, _ in job_states(store)] == ["waiting"])
    QTest.mouseClick(window.printer_label, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "UnprintedDialog")
    dialog = window.selling.dialog
    qtbot.waitUntil(lambda: dialog.loaded and dialog.table.rowCount() == 1)
    # the reason in the screen's language
    qtbot.waitUntil(lambda: dialog.table.item(0, 2).text() == "打印机缺纸")
    assert dialog.retry_button.text() == "重试 (Enter)"


def test_reprint_preview_is_the_printers_layout_in_its_width_and_encoding(
    qtbot, make_window, peer, store
):
    config = Config().replace("printer", url=peer.url, paper_mm=58)
    window = make_window(config)
    receipt = log_in_and_sell(qtbot, window)
    press(Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "ReprintDialog")
    dialog = window.selling.dialog
    qtbot.waitUntil(lambda: receipt in dialog.preview.toPlainText())
    lines = dialog.preview.lines()
    assert "可口可乐 330ml" in lines
    assert "*** 重印 REPRINT ***" in "\n".join(lines)
    assert max(text_width(line, "gb18030") for line in lines) == 32  # 58 mm paper
    assert any(line.startswith("单号 No.") and line.endswith(receipt) for line in lines)
    font = dialog.preview.font()
    metrics = QFontMetrics(font)
    assert font.fixedPitch()
    assert metrics.horizontalAdvance("可") == 2 * metrics.horizontalAdvance("0")


def test_preview_of_a_latin_only_printer_shows_what_its_code_page_prints(
    qtbot, make_window, peer, store
):
    config = Config().replace("printer", url=peer.url, paper_mm=80, encoding="cp437")
    window = make_window(config)
    receipt = log_in_and_sell(qtbot, window)
    press(Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "ReprintDialog")
    dialog = window.selling.dialog
    qtbot.waitUntil(lambda: receipt in dialog.preview.toPlainText())
    lines = dialog.preview.lines()
    assert "???????? 330ml" in lines  # 可口可乐: the code page has none of it
    assert max(len(line) for line in lines) == 48
    peer.wait_for(lambda d: d.cuts == 1)
    printed = peer.decoded().lines
    assert "???????? 330ml" in printed


# -- the customer display -------------------------------------------------------------------


class DisplayPeer(PtyPeer):
    """The display's side of a pseudo-terminal: keeps every byte it is sent."""

    def __init__(self) -> None:
        self.received = bytearray()
        super().__init__()
        self.url = f"serial://{self.path}?baudrate=9600"

    def received_chunk(self, data: bytes) -> None:
        self.received += data

    def rows(self) -> dict[int, str]:
        """What the two lines show now: the text after each cursor move since the last clear."""
        screen = bytes(self.received).rsplit(b"\x0c", 1)[-1]
        rows = {}
        for part in screen.split(b"\x1f$")[1:]:
            rows[part[1]] = part[2:].decode("gb18030")
        return rows


@pytest.fixture
def display():
    peer = DisplayPeer()
    yield peer
    peer.stop()


def test_customer_display_follows_the_ticket_and_shows_the_change(qtbot, make_window, display):
    config = Config().replace("display", url=display.url, encoding="gb18030")
    window = make_window(config)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is window.login.pin)
    keys("1111")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.logged_in)
    qtbot.waitUntil(lambda: display.rows() == {1: "  欢迎光临 WELCOME", 2: ""})

    qtbot.waitUntil(lambda: focused() is window.selling.entry)
    keys(COLA)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: display.rows() == {1: "可口可乐 330ml  3.50", 2: "TOTAL           3.50"}
    )
    keys(COLA)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: display.rows().get(2) == "TOTAL           7.00")

    press(Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "PayDialog")
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is window.selling.dialog)
    QTest.keyClicks(focused(), "10")  # typed by a person: the wedge lets it through
    press(Qt.Key.Key_Return)  # paid: the change shows, on the screen and the display
    qtbot.waitUntil(
        lambda: display.rows() == {1: "TOTAL           7.00", 2: "CHANGE          3.00"}
    )
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.selling.dialog is None)
    qtbot.wait(200)
    assert display.rows()[2] == "CHANGE          3.00"  # it stays up for the customer
    assert window.customer_display.state == "ok"
    assert window.display_label.isHidden()


def test_an_unplugged_customer_display_is_a_status_not_an_error(qtbot, make_window):
    config = Config().replace("display", url="serial:///dev/tty-no-display")
    window = make_window(config)
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is window.login.pin)
    keys("1111")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.logged_in)
    qtbot.waitUntil(lambda: focused() is window.selling.entry)
    keys(COLA)
    press(Qt.Key.Key_Return)
    assert [ln.sku for ln in window.till.ticket.lines] == ["COLA"]  # the sale goes on
    qtbot.waitUntil(lambda: window.customer_display.state == "unplugged")
    assert window.display_label.text() == "Customer display: not connected"
    assert window.display_label.isVisible()
    assert window.selling.dialog is None
    assert window.selling.banner.kind != "error"


# -- the scale ------------------------------------------------------------------------------


@pytest.fixture
def scale():
    peer = ToledoScalePeer()
    yield peer
    peer.stop()


def log_in(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: focused() is window.login.pin)
    keys("1111")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.logged_in)
    qtbot.waitUntil(lambda: focused() is window.selling.entry)


def test_weigh_key_adds_a_weighed_line_at_the_stable_weight(qtbot, make_window, scale, store):
    window = make_window(Config().replace("scale", url=scale.url))
    log_in(qtbot, window)
    assert window.selling.buttons["weigh"].text().endswith("F1")

    press(Qt.Key.Key_F1)  # nothing weighed selected: choose the product first
    qtbot.waitUntil(lambda: type(window.selling.dialog).__name__ == "SearchDialog")
    dialog = window.selling.dialog
    qtbot.waitUntil(lambda: focused() is dialog.field)
    window.clock.step = 0.2  # a person typing
    keys("RICE")
    qtbot.waitUntil(lambda: dialog.ready and dialog.results.rowCount() == 1)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.till.ticket.lines) == 1)
    [line] = window.till.ticket.lines
    assert (line.sku, line.qty_milli, line.weighed) == ("RICE", 755, True)
    assert "0.755" in window.selling.last_item.text()

    scale.reply = b"\x02?\x01\r"  # still moving
    qtbot.waitUntil(lambda: focused() is window.selling.entry)
    press(Qt.Key.Key_F1)  # the weighed line is selected: weigh the same product again
    qtbot.waitUntil(lambda: "not steady" in window.selling.banner.text(), timeout=10_000)
    assert len(window.till.ticket.lines) == 1
    assert window.selling.dialog is None  # a plain message, not a dialog

    scale.reply = b"\x0201.250\r"
    press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: len(window.till.ticket.lines) == 2)
    assert [ln.qty_milli for ln in window.till.ticket.lines] == [755, 1250]


def test_weigh_without_a_scale_says_so(qtbot, make_window, store):
    window = make_window(Config().replace("scale", url="serial:///dev/tty-no-scale"))
    log_in(qtbot, window)
    window.clock.step = 0.2
    keys("000123")  # rice, typed and Enter
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.till.ticket.lines) == 1)
    press(Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.selling.banner.text() == "The scale is not connected")
    assert len(window.till.ticket.lines) == 1
