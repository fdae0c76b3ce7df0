"""The device settings dialog: each device with its state and a test button.

Every test touches hardware, so it runs on a worker thread; the result comes back to the
UI thread through a queued signal, and the row says "testing" meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.errors import TillbookError
from devices.drawer import record_drawer_open
from devices.errors import DeviceUnavailable
from devices.manager import DEVICE_NAMES, DeviceManager
from localdb import Store
from printing.escpos_out import doc_to_escpos
from printing.receipt import columns_for_paper, render_test_receipt
from ui.widgets import Dialog

log = logging.getLogger(__name__)

TEST_REASON = "设备测试 device test"
COL_DEVICE, COL_STATE, COL_MESSAGE, COL_TEST = range(4)


class _Results(QObject):
    """Carries a finished test from the worker thread to the UI thread."""

    finished = Signal(str, bool, str)  # device name, ok, message


class DeviceSettingsDialog(Dialog):
    def __init__(
        self,
        devices: DeviceManager,
        *,
        store: Store | None = None,
        user_id: int | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Devices"))
        self.devices = devices
        self.store = store
        self.user_id = user_id
        self._results = _Results()
        self._results.finished.connect(self._show_result, Qt.QueuedConnection)
        self._threads: list[threading.Thread] = []

        self.table = QTableWidget(len(DEVICE_NAMES), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("State"), self.tr("Details"), ""]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DEVICE, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.Stretch)
        header.setSectionResizeMode(COL_TEST, QHeaderView.ResizeToContents)
        self.buttons: dict[str, QPushButton] = {}
        for row, name in enumerate(DEVICE_NAMES):
            self.table.setItem(row, COL_DEVICE, QTableWidgetItem(self._title(name)))
            button = QPushButton(self._test_label(name), self)
            button.setObjectName(f"test_{name}")
            button.clicked.connect(lambda _=False, n=name: self.run_test(n))
            self.table.setCellWidget(row, COL_TEST, button)
            self.buttons[name] = button

        # rows as tall and the test column as wide as the theme's buttons, so none is cut
        for button in self.buttons.values():
            button.ensurePolished()
        row_height = max(b.sizeHint().height() for b in self.buttons.values()) + 6
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setWordWrap(False)
        header.setSectionResizeMode(COL_TEST, QHeaderView.Fixed)
        self.table.setMinimumHeight(
            row_height * len(DEVICE_NAMES) + self.table.horizontalHeader().sizeHint().height() + 4
        )
        self.note = QLabel(self.tr("Tests use the settings in config.toml."), self)
        self.layout_.insertWidget(0, self.table)
        self.layout_.insertWidget(1, self.note)
        self.resize(980, 0)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Widths once the theme has styled the buttons: the test column fits the widest.
        super().showEvent(event)
        widest = max(b.fontMetrics().horizontalAdvance(b.text()) for b in self.buttons.values())
        self.table.horizontalHeader().resizeSection(COL_TEST, widest + 48)

    def _title(self, name: str) -> str:
        return {
            "printer": self.tr("Receipt printer"),
            "drawer": self.tr("Cash drawer"),
            "scanner": self.tr("Serial scanner"),
            "display": self.tr("Customer display"),
            "scale": self.tr("Scale"),
        }[name]

    def _test_label(self, name: str) -> str:
        return {
            "printer": self.tr("Print test receipt"),
            "drawer": self.tr("Open drawer"),
            "scanner": self.tr("Reconnect"),
            "display": self.tr("Show text"),
            "scale": self.tr("Read weight"),
        }[name]

    # -- states ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what the device layer knows now (no device I/O)."""
        for row, (name, state) in enumerate(self.devices.states().items()):
            self._set_row(row, state.usable, state.message)
            self.buttons[name].setEnabled(self._testable(name, state.usable))

    def _testable(self, name: str, usable: bool) -> bool:
        if name == "drawer":  # opening the drawer is audited, which needs the store
            return self.devices.config.drawer.enabled and self.store is not None
        if name in ("scanner", "display", "scale"):
            return getattr(self.devices.config, name).url != ""
        return True

    def _set_row(self, row: int, ok: bool, message: str) -> None:
        state = QTableWidgetItem(self.tr("ready") if ok else self.tr("not ready"))
        state.setForeground(QColor("#1b7a1b") if ok else QColor("#b00020"))
        self.table.setItem(row, COL_STATE, state)
        self.table.setItem(row, COL_MESSAGE, QTableWidgetItem(message))

    def row_text(self, name: str) -> tuple[str, str]:
        row = DEVICE_NAMES.index(name)
        return self.table.item(row, COL_STATE).text(), self.table.item(row, COL_MESSAGE).text()

    # -- tests -----------------------------------------------------------------------------

    def run_test(self, name: str) -> None:
        if name == "drawer":
            if self.store is None:
                self._show_result(name, False, self.tr("opening the drawer is audited: no store"))
                return
            try:  # the audit row is written here, on the UI thread that owns the store
                record_drawer_open(
                    self.store, self.devices.drawer, user_id=self.user_id, reason=TEST_REASON
                )
            except TillbookError as exc:
                self._show_result(name, False, str(exc))
                return
        work = self._work(name)
        row = DEVICE_NAMES.index(name)
        self.buttons[name].setEnabled(False)
        self.table.setItem(row, COL_STATE, QTableWidgetItem(self.tr("testing…")))
        thread = threading.Thread(target=self._run, args=(name, work), daemon=True)
        self._threads.append(thread)
        thread.start()

    def _run(self, name: str, work: Callable[[], str]) -> None:
        try:
            ok, message = True, work()
        except TillbookError as exc:
            ok, message = False, str(exc)
        except Exception as exc:  # a device library's own error: shown, logged, never fatal
            log.exception("device test of %s failed", name)
            ok, message = False, f"{type(exc).__name__}: {exc}"
        self._results.finished.emit(name, ok, message)

    def _work(self, name: str) -> Callable[[], str]:
        devices = self.devices
        if name == "printer":
            return self._print_test
        if name == "drawer":
            return lambda: (devices.drawer.kick(), self.tr("drawer kicked"))[1]
        if name == "scanner":
            return lambda: devices.check("scanner").message
        if name == "display":
            return self._display_test
        return self._scale_test

    def _print_test(self) -> str:
        printer = self.devices.printer
        settings = self.devices.config.printer
        with printer.connect() as conn:
            before = printer.ensure_ready(conn)
            doc = render_test_receipt(
                self.devices.config.shop,
                width_cols=columns_for_paper(settings.paper_mm),
                status=before.describe() if before else "",
                encoding=settings.encoding,
            )
            conn.send(doc_to_escpos(doc, encoding=settings.encoding))
            after = conn.status()
        return self.tr("test receipt sent; printer {state}").format(
            state=after.describe() if after else self.tr("status not reported")
        )

    def _display_test(self) -> str:
        state = self.devices.check("display")
        display = self.devices.display
        if display is None or not state.usable:
            raise DeviceUnavailable(state.message, device="display")
        display.show_text("TILLBOOK TEST\n0123456789")
        return self.tr("text sent to the display")

    def _scale_test(self) -> str:
        state = self.devices.check("scale")
        if self.devices.scale is None or not state.usable:
            raise DeviceUnavailable(state.message, device="scale")
        grams = self.devices.scale.read_grams(timeout=3.0)
        return self.tr("stable weight: {grams} g").format(grams=grams)

    def _show_result(self, name: str, ok: bool, message: str) -> None:
        row = DEVICE_NAMES.index(name)
        self._set_row(row, ok, message)
        self.buttons[name].setEnabled(True)

    def wait_for_tests(self, timeout: float = 10.0) -> None:
        """Join finished test threads (for closing the dialog and for tests)."""
        for thread in self._threads:
            thread.join(timeout)
        self._threads = [t for t in self._threads if t.is_alive()]
