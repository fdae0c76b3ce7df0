"""Warehouse screens: the slip list, pick-by-scan, and the slip preview.

Everything is reachable from the keyboard, and a keyboard-wedge scanner types into whichever
field has focus and ends with Enter:

- list: type or scan in the search field; a scanned slip number opens the slip. Up/Down and
  Enter open the selected slip. F3 new customer order.
- pick: scans tick lines; call-outs for not-on-slip, too many, short. F5 mark picked (an
  owner's PIN and a reason when the pallet differs), F6 dispatch, F7 delivered (who signed),
  F8 preview, F9 cancel the slip, Esc back.
- preview: Ctrl+P print, Ctrl+S save as PDF, Esc back.

The counter screen embeds ``WarehouseWindow(store, config, user)``; every rule lives in
``app.delivery``, this module only shows it.
"""

from __future__ import annotations

import io
import logging
import math
import struct
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QRect,
    QSize,
    Qt,
    QUrl,
)
from PySide6.QtGui import QColor, QKeySequence, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import catalog, customers, delivery, users
from app.config import Config
from app.errors import (
    MisreadBarcode,
    PaymentCodeScanned,
    PermissionRequired,
    StockShort,
    TillbookError,
    UnknownBarcode,
    UserInputError,
    WrongPin,
)
from app.money import format_money, format_quantity, line_gross, parse_quantity
from app.users import User
from localdb import Store
from printing import slip as slips
from ui.tasks import Tasks

log = logging.getLogger(__name__)

OK, WARN, BAD = "ok", "warn", "bad"
CALLOUT_COLOURS = {OK: "#1b7f3b", WARN: "#b36b00", BAD: "#c62828"}


def state_name(state: str) -> str:
    names = {
        "pending": QCoreApplication.translate("WarehouseWindow", "pending"),
        "picked": QCoreApplication.translate("WarehouseWindow", "picked"),
        "dispatched": QCoreApplication.translate("WarehouseWindow", "dispatched"),
        "delivered": QCoreApplication.translate("WarehouseWindow", "delivered"),
        "cancelled": QCoreApplication.translate("WarehouseWindow", "cancelled"),
    }
    return names.get(state, state)


# -- sound -----------------------------------------------------------------------------------


class Alarm:
    """The sound of a call-out: a short high tone when a scan is good, a low double tone when
    something is wrong. Uses QSoundEffect with WAVs made on first use; where Qt Multimedia
    cannot load (no audio system), the platform beep."""

    def __init__(self) -> None:
        self.played: list[str] = []  # what was sounded, newest last
        self._effects: dict[str, object] | None = None
        self._folder: tempfile.TemporaryDirectory | None = None

    def sound(self, kind: str) -> None:
        self.played.append(kind)
        effects = self._load()
        effect = effects.get(kind) if effects else None
        if effect is not None:
            effect.play()
        elif kind != OK:
            QApplication.beep()

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def _load(self) -> dict[str, object]:
        if self._effects is not None:
            return self._effects
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:  # no libpulse or similar: the beep will do
            log.info("scan sounds use the system beep: %s", exc)
            return self._effects
        self._folder = tempfile.TemporaryDirectory(prefix="tillbook-sounds-")
        for kind, tones in ((OK, [(1320, 0.08)]), (BAD, [(330, 0.18), (0, 0.06), (330, 0.18)])):
            path = Path(self._folder.name) / f"{kind}.wav"
            path.write_bytes(tone_wav(tones))
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[kind] = effect
        self._effects[WARN] = self._effects[BAD]
        return self._effects


def tone_wav(tones: list[tuple[int, float]], rate: int = 22050) -> bytes:
    """A mono 16-bit WAV of (frequency Hz, seconds) tones; frequency 0 is silence."""
    frames = bytearray()
    for frequency, seconds in tones:
        for i in range(int(rate * seconds)):
            value = (
                0 if frequency == 0 else int(12000 * math.sin(2 * math.pi * frequency * i / rate))
            )
            frames += struct.pack("<h", value)
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return out.getvalue()


# -- the window ------------------------------------------------------------------------------


class WarehouseWindow(QWidget):
    """The warehouse clerk's screens, for the given user."""

    def __init__(
        self,
        store: Store,
        config: Config,
        user: User,
        parent: QWidget | None = None,
        *,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.config, self.user = store, config, user
        self.tasks = tasks or Tasks(threads=1)  # printing runs here, off the UI thread
        self.alarm = Alarm()
        self.setWindowTitle(self.tr("Warehouse"))
        self.stack = QStackedWidget(self)
        self.slip_list = SlipListPage(self)
        self.pick = PickPage(self)
        self.preview = PreviewPage(self)
        self.order = OrderPage(self)
        for page in (self.slip_list, self.pick, self.preview, self.order):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        # Plain callbacks, not a Python-declared Signal: PySide6 6.12's SignalInstance.emit()
        # drops a reference to True on every call, which crashes the interpreter once the
        # count reaches zero (tests/test_warehouse_screen.py checks it stays put).
        self.slip_changed: list[Callable[[str], None]] = [lambda _n: self.slip_list.refresh()]
        self.show_list()

    # navigation
    def show_list(self) -> None:
        self.slip_list.refresh()
        self.stack.setCurrentWidget(self.slip_list)
        self.slip_list.search.setFocus()

    def notify_slip_changed(self, number: str) -> None:
        """Tell whoever listens (the list here, the counter screen if it embeds this) that a
        slip changed, so each redraws what it shows of it."""
        for callback in list(self.slip_changed):
            callback(number)

    def open_slip(self, number: str) -> None:
        try:
            found = delivery.load(self.store, number=number)
        except delivery.DeliveryNotFound:
            self.slip_list.say(self.tr("No slip {number}").format(number=number), BAD)
            self.alarm.sound(BAD)
            return
        self.pick.show_slip(found)
        self.stack.setCurrentWidget(self.pick)
        self.pick.scan.setFocus()

    def route_scan(self, code: str) -> None:
        """A scan caught by the till's scanner filter: it ticks a line on the pick screen,
        and opens the slip it names anywhere else."""
        if self.stack.currentWidget() is self.pick and self.pick.slip is not None:
            self.pick.scan.setText(code)
            self.pick._scanned()
        elif self.stack.currentWidget() is self.order:
            self.order.item.setText(code)
            self.order._add_item()
        else:
            self.open_slip(code)

    def show_preview(self, found: delivery.Delivery) -> None:
        self.preview.show_slip(found)
        self.stack.setCurrentWidget(self.preview)
        self.preview.setFocus()

    def new_order(self) -> None:
        self.order.start()
        self.stack.setCurrentWidget(self.order)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.alarm.close()
        super().closeEvent(event)

    # words for errors: the one place on this screen that turns them into text
    def describe(self, exc: TillbookError) -> str:
        f = exc.fields
        if isinstance(exc, delivery.NotOnSlip):
            return self.tr("NOT ON THIS SLIP: {name}. Put it aside.").format(name=f["name"])
        if isinstance(exc, delivery.TooMany):
            return self.tr(
                "TOO MANY {name}: slip asks for {ordered}, {picked} picked; "
                "this scan would add {added}. Take it off."
            ).format(
                name=f["name"],
                ordered=format_quantity(f["qty_milli"]),
                picked=format_quantity(f["picked_milli"]),
                added=format_quantity(f["added_milli"]),
            )
        if isinstance(exc, delivery.PickIncomplete):
            short = ", ".join(
                self.tr("{name} {picked}/{ordered}").format(
                    name=s["name"],
                    picked=format_quantity(s["picked_milli"]),
                    ordered=format_quantity(s["qty_milli"]),
                )
                for s in f["short"]
            )
            return self.tr("SHORT: {lines}").format(lines=short)
        if isinstance(exc, StockShort):
            return self.tr(
                "NOT ENOUGH IN THE WAREHOUSE: {name}, {on_hand} on hand, {wanted} to send"
            ).format(
                name=f["name"],
                on_hand=format_quantity(f["on_hand_milli"]),
                wanted=format_quantity(f["wanted_milli"]),
            )
        if isinstance(exc, UnknownBarcode):
            return self.tr("Unknown barcode {code}").format(code=f.get("code", ""))
        if isinstance(exc, MisreadBarcode):
            return self.tr("Misread barcode {code}: scan it again").format(code=f["code"])
        if isinstance(exc, PaymentCodeScanned):
            return self.tr("That is a payment code, not an item")
        if isinstance(exc, delivery.BadStateChange):
            return self.tr("Slip {number} is {state}: not possible now").format(
                number=f["number"], state=state_name(f["state"])
            )
        if isinstance(exc, delivery.MissingDeliveryDetails):
            return self.tr("Customer name, phone and address are all needed")
        if isinstance(exc, WrongPin):
            return self.tr("Wrong PIN")
        if isinstance(exc, PermissionRequired):
            return self.tr("This needs an owner's PIN")
        if isinstance(exc, delivery.DeliveryNotFound):
            return self.tr("No slip {number}").format(number=f.get("number", ""))
        if isinstance(exc, UserInputError):
            return self.tr("Not accepted: {detail}").format(detail=str(exc))
        return self.tr("Not done: {detail}").format(detail=str(exc))


class Callout(QLabel):
    """A large line of text that says plainly what just happened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(56)
        self.kind = ""
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

    def say(self, text: str, kind: str) -> None:
        self.kind = kind
        self.setText(text)
        colour = CALLOUT_COLOURS.get(kind, "#333")
        self.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; font-size: 20px;"
            " padding: 8px 12px; border-radius: 4px; }"
        )


# -- slip list -------------------------------------------------------------------------------


class SlipListPage(QWidget):
    CUSTOMER, AMOUNT = 4, 6  # columns

    def __init__(self, window: WarehouseWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Scan a slip, or search number, customer, phone"))
        self.state = QComboBox()
        self.state.addItem(self.tr("All states"), None)
        for state in delivery.STATES:
            self.state.addItem(state_name(state), state)
        today = QDate.currentDate()
        self.day_from = QDateEdit(today.addDays(-30))
        self.day_to = QDateEdit(today)
        for edit in (self.day_from, self.day_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        # Until the clerk picks dates, they only trim finished slips: open ones always show.
        self.dates_chosen = False
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("State"),
                self.tr("Date"),
                self.tr("Deliver on"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Amount"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            self.CUSTOMER, QHeaderView.ResizeMode.Stretch
        )
        self.callout = Callout()
        self.callout.hide()

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State")))
        filters.addWidget(self.state)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.day_from)
        filters.addWidget(QLabel(self.tr("To")))
        filters.addWidget(self.day_to)
        filters.addStretch(1)
        new = QPushButton(self.tr("New order (F3)"))
        new.clicked.connect(window.new_order)
        filters.addWidget(new)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Delivery slips"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.callout)
        layout.addWidget(self.table)
        hint = QLabel(
            self.tr("Enter: open   Up/Down: choose   F3: new customer order   F4: state")
        )
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)

        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._enter)
        self.state.currentIndexChanged.connect(self.refresh)
        self.day_from.dateChanged.connect(self._dates_changed)
        self.day_to.dateChanged.connect(self._dates_changed)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, window.new_order)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self._next_state)
        self.search.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        # Up/Down in the search field move the selection, so the keyboard never leaves it.
        if obj is self.search and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.table.rowCount():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.table.rowCount() - 1, self.table.currentRow() + step))
                self.table.selectRow(row)
                return True
        return super().eventFilter(obj, event)

    def refresh(self) -> None:
        found = delivery.search(
            self.window_.store,
            text=self.search.text(),
            state=self.state.currentData(),
            day_from=self.day_from.date().toString("yyyy-MM-dd"),
            day_to=self.day_to.date().toString("yyyy-MM-dd"),
            open_any_day=not self.dates_chosen,
        )
        self.table.setRowCount(len(found))
        for row, slip in enumerate(found):
            values = [
                slip.number,
                state_name(slip.state),
                slip.created_day,
                slip.delivery_date,
                slip.customer_name,
                slip.phone,
                format_money(slip.total),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == self.AMOUNT:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(
            self.CUSTOMER, QHeaderView.ResizeMode.Stretch
        )
        if found:
            self.table.selectRow(0)

    def _dates_changed(self) -> None:
        self.dates_chosen = True
        self.refresh()

    def say(self, text: str, kind: str) -> None:
        self.callout.say(text, kind)
        self.callout.show()

    def _enter(self) -> None:
        text = self.search.text().strip()
        # A scanned slip barcode is the whole number: open it even if filters hide it.
        if text and self.window_.store.scalar(
            "SELECT 1 FROM deliveries WHERE number = ? COLLATE NOCASE", (text,)
        ):
            self.search.clear()
            self.window_.open_slip(text)
            return
        if self.table.currentRow() >= 0:
            self._open_row(self.table.currentRow())

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.window_.open_slip(item.text())

    def _next_state(self) -> None:
        self.state.setCurrentIndex((self.state.currentIndex() + 1) % self.state.count())


# -- pick ------------------------------------------------------------------------------------


class PickPage(QWidget):
    COLUMNS = 8

    def __init__(self, window: WarehouseWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.slip: delivery.Delivery | None = None
        self.offered_slip = ""  # another slip's number just scanned: scanning it again opens it
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.customer = QLabel()
        self.customer.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Specification"),
                self.tr("Unit"),
                self.tr("Ordered"),
                self.tr("Picked"),
                self.tr("Status"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        big = self.table.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)  # read from a step away, gloves on
        self.table.setFont(big)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.callout = Callout()
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan each item as it goes on the pallet"))
        self.scan.setStyleSheet("font-size: 18px; padding: 4px;")
        self.prompt = Prompt(self)
        self.prompt.hide()
        hint = QLabel(
            self.tr(
                "Up/Down choose a line   F2 take its items off   F5 picked   F6 dispatch   "
                "F7 delivered   F8 preview / print   F9 cancel slip   Esc back"
            )
        )
        hint.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.customer)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.callout)
        layout.addWidget(self.scan)
        layout.addWidget(self.prompt)
        layout.addWidget(hint)

        self.scan.returnPressed.connect(self._scanned)
        self.scan.installEventFilter(self)
        for key, slot in (
            (Qt.Key.Key_F2, self.take_off),
            (Qt.Key.Key_F5, self.mark_picked),
            (Qt.Key.Key_F6, self.dispatch),
            (Qt.Key.Key_F7, self.ask_signed_by),
            (Qt.Key.Key_F8, self.preview),
            (Qt.Key.Key_F9, self.ask_cancel),
            (Qt.Key.Key_Escape, self.back),
        ):
            QShortcut(QKeySequence(key), self, slot)

    @property
    def store(self) -> Store:
        return self.window_.store

    def show_slip(self, found: delivery.Delivery) -> None:
        self.slip = found
        self.offered_slip = ""
        self.prompt.close_prompt()
        self.callout.say(self._state_line(), OK if found.state == "pending" else WARN)
        self._fill()

    def _reload(self) -> None:
        self.slip = delivery.load(self.store, delivery_id=self.slip.id)
        self._fill()
        self.window_.notify_slip_changed(self.slip.number)

    def _fill(self) -> None:
        s = self.slip
        self.heading.setText(
            self.tr("Slip {number} - {state}").format(number=s.number, state=state_name(s.state))
        )
        self.customer.setText(
            self.tr("{name}   {phone}\n{address}").format(
                name=s.customer_name, phone=s.phone, address=s.address
            )
            + (f"\n{s.notes}" if s.notes else "")
        )
        self.table.setRowCount(len(s.lines))
        for row, line in enumerate(s.lines):
            if line.picked_milli == line.qty_milli:
                status, colour = self.tr("done"), QColor("#d7f0dc")
            elif line.picked_milli == 0:
                status, colour = self.tr("to pick"), QColor("white")
            else:
                status = self.tr("short {count}").format(
                    count=format_quantity(line.qty_milli - line.picked_milli)
                )
                colour = QColor("#fff1cc")
            values = [
                str(line.line_no),
                line.sku,
                line.name,
                line.specification,
                line.unit,
                format_quantity(line.qty_milli),
                format_quantity(line.picked_milli),
                status,
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setBackground(colour)
                if column in (5, 6):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def _state_line(self) -> str:
        s = self.slip
        if s.state == "pending":
            short = len(s.short_lines)
            if short == 0:
                return self.tr("All lines picked. F5 marks the slip picked.")
            return self.tr("{count} lines to pick. Scan each item.").format(count=short)
        return self.tr("Slip is {state}.").format(state=state_name(s.state))

    def say(self, text: str, kind: str) -> None:
        self.callout.say(text, kind)
        self.window_.alarm.sound(kind)

    def fail(self, exc: TillbookError) -> None:
        kind = WARN if isinstance(exc, UnknownBarcode | MisreadBarcode) else BAD
        self.say(self.window_.describe(exc), kind)

    # scanning
    def _scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.slip is None:
            return
        offered, self.offered_slip = self.offered_slip, ""
        if offered and code.casefold() == offered.casefold():
            self.window_.open_slip(offered)
            return
        try:
            picked = delivery.scan(
                self.store, delivery_id=self.slip.id, code=code, user=self.window_.user
            )
        except UnknownBarcode as exc:
            self._unknown(code, exc)
            return
        except TillbookError as exc:
            self.fail(exc)
            return
        self._reload()
        self.table.selectRow(picked.line_no - 1)
        text = self.tr("{name}: {picked} of {ordered}").format(
            name=picked.name,
            picked=format_quantity(picked.picked_milli),
            ordered=format_quantity(picked.qty_milli),
        )
        if picked.slip_complete:
            text += "  " + self.tr("All lines picked. F5 marks the slip picked.")
        self.say(text, OK)

    def _unknown(self, code: str, exc: UnknownBarcode) -> None:
        """Not a product: perhaps a slip's own barcode, scanned on the wrong screen."""
        try:
            other = delivery.load(self.store, number=code)
        except delivery.DeliveryNotFound:
            self.fail(exc)
            return
        if other.id == self.slip.id:
            self.say(
                self.tr("That is this slip's own barcode, not an item. Scan the goods."), WARN
            )
            return
        self.offered_slip = other.number
        self.say(
            self.tr(
                "That is slip {number} ({customer}), not an item. Scan it again to open it."
            ).format(number=other.number, customer=other.customer_name),
            WARN,
        )

    def take_off(self) -> None:
        """Clear what was picked on the chosen line: its items came off the pallet."""
        row = self.table.currentRow()
        if self.slip is None or row < 0:
            return
        line = self.slip.lines[row]
        try:
            delivery.unpick(
                self.store,
                delivery_id=self.slip.id,
                line_no=line.line_no,
                user=self.window_.user,
            )
        except TillbookError as exc:
            self.fail(exc)
            return
        self._reload()
        self.table.selectRow(row)
        self.say(self.tr("{name}: picked count cleared.").format(name=line.name), WARN)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        # Up/Down in the scan field choose a line, so the keyboard never leaves the field.
        if obj is self.scan and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.table.rowCount():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.table.rowCount() - 1, self.table.currentRow() + step))
                self.table.selectRow(row)
                return True
        return super().eventFilter(obj, event)

    # state changes
    def mark_picked(self) -> None:
        if self.slip is None:
            return
        try:
            delivery.mark_picked(self.store, delivery_id=self.slip.id, user=self.window_.user)
        except delivery.PickIncomplete as exc:
            self.say(self.window_.describe(exc), BAD)
            self.prompt.ask(
                self.tr("Send it short? An owner enters a PIN and the reason."),
                [(self.tr("Owner PIN"), True), (self.tr("Reason"), False)],
                self._override,
            )
            return
        except TillbookError as exc:
            self.fail(exc)
            return
        self._reload()
        self.say(self.tr("Slip {number} picked.").format(number=self.slip.number), OK)

    def _override(self, pin: str, reason: str) -> bool:
        try:
            approver = users.authorize(self.store, pin, action="pick_override")
            delivery.mark_picked(
                self.store,
                delivery_id=self.slip.id,
                user=self.window_.user,
                approver=approver,
                reason=reason,
            )
        except TillbookError as exc:
            self.fail(exc)
            return False
        self._reload()
        self.say(
            self.tr("Slip {number} picked short, approved by {owner}.").format(
                number=self.slip.number, owner=approver.name
            ),
            WARN,
        )
        return True

    def dispatch(self) -> None:
        if self.slip is None:
            return
        short = delivery.shortages(self.store, delivery_id=self.slip.id)
        if not self._change(
            lambda: delivery.dispatch(
                self.store, delivery_id=self.slip.id, user=self.window_.user
            ),
            self.tr("Slip {number} dispatched; stock has left the warehouse."),
        ):
            return
        if short:
            self.say(
                self.tr(
                    "Slip {number} dispatched, but the warehouse had too little of: {lines}. "
                    "Count the stock."
                ).format(
                    number=self.slip.number,
                    lines=", ".join(
                        self.tr("{name} {on_hand} on hand, {wanted} sent").format(
                            name=item.name,
                            on_hand=format_quantity(item.on_hand_milli),
                            wanted=format_quantity(item.wanted_milli),
                        )
                        for item in short
                    ),
                ),
                WARN,
            )

    def ask_signed_by(self) -> None:
        if self.slip is None:
            return
        if self.slip.state != "dispatched":
            self.fail(
                delivery.BadStateChange(
                    "", number=self.slip.number, state=self.slip.state, wanted="delivered"
                )
            )
            return
        self.prompt.ask(
            self.tr("Who signed for the goods?"),
            [(self.tr("Signed by"), False)],
            self._delivered,
        )

    def _delivered(self, signed_by: str) -> bool:
        return self._change(
            lambda: delivery.deliver(
                self.store, delivery_id=self.slip.id, user=self.window_.user, signed_by=signed_by
            ),
            self.tr("Slip {number} delivered."),
        )

    def ask_cancel(self) -> None:
        if self.slip is None:
            return
        self.prompt.ask(
            self.tr("Cancel this slip? Say why."), [(self.tr("Reason"), False)], self._cancel
        )

    def _cancel(self, reason: str) -> bool:
        return self._change(
            lambda: delivery.cancel(
                self.store, delivery_id=self.slip.id, user=self.window_.user, note=reason
            ),
            self.tr("Slip {number} cancelled."),
        )

    def _change(self, action, done_text: str) -> bool:
        if self.slip is None:
            return False
        try:
            action()
        except TillbookError as exc:
            self.fail(exc)
            return False
        self._reload()
        self.say(done_text.format(number=self.slip.number), OK)
        return True

    def preview(self) -> None:
        if self.slip is not None:
            self.window_.show_preview(self.slip)

    def back(self) -> None:
        if self.prompt.isVisible():
            self.prompt.close_prompt()
            return
        self.window_.show_list()


class Prompt(QWidget):
    """A question asked in place, under the scan field: fields, Enter to confirm, Esc to drop.

    In place rather than a modal dialog, so a scanner or the keyboard keeps working and the
    slip stays in sight."""

    def __init__(self, page: PickPage) -> None:
        super().__init__(page)
        self.page = page
        self.question = QLabel()
        self.question.setStyleSheet("font-weight: bold;")
        self.form = QFormLayout()
        self.fields: list[QLineEdit] = []
        self._done = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addLayout(self.form)
        self.setStyleSheet("Prompt { background: #eef2f7; }")

    def ask(self, question: str, fields: list[tuple[str, bool]], done) -> None:
        self.close_prompt()
        self.question.setText(question + "  " + self.tr("(Enter: confirm, Esc: back)"))
        for label, secret in fields:
            edit = QLineEdit()
            if secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.returnPressed.connect(self._next)
            self.form.addRow(label, edit)
            self.fields.append(edit)
        self._done = done
        self.show()
        self.page.scan.setEnabled(False)
        self.fields[0].setFocus()

    def _next(self) -> None:
        current = self.focusWidget()
        index = self.fields.index(current) if current in self.fields else 0
        if index + 1 < len(self.fields):
            self.fields[index + 1].setFocus()
            return
        if self._done(*(edit.text() for edit in self.fields)):
            self.close_prompt()
            return
        # Refused (a wrong PIN, say): the secret is typed again, what else was typed stays.
        for edit in self.fields:
            if edit.echoMode() == QLineEdit.EchoMode.Password:
                edit.clear()
        self.fields[0].setFocus()

    def close_prompt(self) -> None:
        # takeRow + deleteLater, not removeRow: this often runs inside a field's own
        # returnPressed, and deleting the sender there would pull the floor from under Qt.
        while self.form.rowCount():
            row = self.form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self.fields = []
        self._done = None
        self.hide()
        self.page.scan.setEnabled(True)
        self.page.scan.setFocus()


# -- preview ---------------------------------------------------------------------------------


class PreviewPage(QWidget):
    """The slip as it will print, drawn by QtPdf from the same PDF that is printed or saved."""

    def __init__(self, window: WarehouseWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.slip: delivery.Delivery | None = None
        self.pdf = b""
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._buffer: QBuffer | None = None
        self.font_choice: slips.FontChoice | None = None  # None: the system's CJK font
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.paper = QComboBox()
        self.paper.addItems(list(slips.PAPER))
        self.paper.setCurrentText(window.config.warehouse.slip_paper)
        self.paper.currentTextChanged.connect(lambda _text: self._render())
        print_button = QPushButton(self.tr("Print (Ctrl+P)"))
        save_button = QPushButton(self.tr("Save PDF (Ctrl+S)"))
        back_button = QPushButton(self.tr("Back (Esc)"))
        print_button.clicked.connect(self.print_slip)
        save_button.clicked.connect(self.save)
        back_button.clicked.connect(self.back)
        bar = QHBoxLayout()
        bar.addWidget(self.info, 1)
        bar.addWidget(QLabel(self.tr("Paper")))
        bar.addWidget(self.paper)
        bar.addWidget(print_button)
        bar.addWidget(save_button)
        bar.addWidget(back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_slip)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_slip(self, found: delivery.Delivery) -> None:
        self.slip = found
        self._render()

    def _render(self) -> None:
        if self.slip is None:
            return
        made = slips.render_with_config(
            self.slip, self.window_.config, paper=self.paper.currentText(), font=self.font_choice
        )
        self.pdf = made.data
        self.document.close()
        old, self._buffer = self._buffer, QBuffer(self)
        self._buffer.setData(QByteArray(made.data))
        self._buffer.open(QBuffer.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)  # reads from the buffer for as long as it shows
        if old is not None:
            old.deleteLater()
        self.show_info(
            self.tr("{number}: %n page(s), font {font}", "", made.pages).format(
                number=self.slip.number, font=made.font.describe()
            )
        )
        if not made.font.embedded:
            self.show_info(
                self.info.text()
                + "  "
                + self.tr(
                    "No Chinese font installed: the PDF relies on the printer or viewer to "
                    "have one. Install fonts-wqy-zenhei."
                ),
                WARN,
            )

    def show_info(self, text: str, kind: str = "") -> None:
        """The bar above the slip: what it is, what happened to it; amber or red when
        something needs the clerk's attention."""
        self.info.setText(text)
        colour = CALLOUT_COLOURS.get(kind)
        self.info.setStyleSheet(
            f"QLabel {{ background: {colour}; color: white; padding: 4px 8px; }}" if colour else ""
        )

    def print_slip(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.slip.number if self.slip else "slip")
        paper = (
            QPageSize.PageSizeId.A5
            if self.paper.currentText() == "A5"
            else QPageSize.PageSizeId.A4
        )
        printer.setPageSize(QPageSize(paper))
        if self.window_.config.warehouse.slip_printer:
            printer.setPrinterName(self.window_.config.warehouse.slip_printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.start_print(printer)

    def start_print(self, printer) -> None:
        """Print the slip on the background pool; the info bar says how it went."""
        if not self.pdf or self.slip is None:
            return
        number, data = self.slip.number, self.pdf
        where = printer.printerName() or printer.outputFileName()
        self.show_info(self.tr("Printing {number}...").format(number=number))
        log.info("slip %s sent to printer %s", number, where or "(default)")

        def printed(_result) -> None:
            self.show_info(
                self.tr("{number} printed on {printer}.").format(number=number, printer=where),
                OK,
            )

        def failed(exc: BaseException) -> None:
            log.warning("slip %s not printed on %s: %s", number, where, exc)
            self.show_info(
                self.tr("{number} not printed: {reason}").format(number=number, reason=exc),
                BAD,
            )

        self.window_.tasks.run(
            lambda: print_pdf(data, printer), on_done=printed, on_error=failed, owner=self
        )

    def save(self) -> None:
        if not self.pdf:
            return
        name = f"{self.slip.number}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save slip as PDF"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            try:
                slips.save(path, self.pdf)
            except OSError as exc:
                self.show_info(self.tr("Not saved: {reason}").format(reason=exc.strerror), BAD)
                return
            self.show_info(self.tr("Saved to {path}").format(path=path))

    def back(self) -> None:
        self.window_.stack.setCurrentWidget(self.window_.pick)
        self.window_.pick.scan.setFocus()


def print_pdf(data: bytes, printer) -> None:
    """Print PDF bytes on a QPrinter; safe on a worker thread (its own document and buffer,
    and a QPainter on a printer, not on a widget)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QBuffer.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise OSError(f"the slip PDF could not be read: {document.error()}")
        print_document(document, printer)
    finally:
        document.close()
        buffer.close()


PRINT_DPI_CAP = 300  # a slip is text, lines and a barcode; 300 dpi prints them crisply


def print_document(document: QPdfDocument, printer) -> None:
    """Draw each page of a QPdfDocument on a QPrinter, rasterised at no more than 300 dpi
    (a 1200 dpi page would be a 130-megapixel image) and scaled to the printable area."""
    # The slip has its own margins, wider than any printer's unprintable edge: draw on the
    # whole sheet so the page prints at its true size.
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not start the job")
    try:
        dpi = min(printer.resolution(), PRINT_DPI_CAP)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            size = document.pagePointSize(index)
            image = document.render(
                index, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            )
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRect(0, 0, round(image.width() * scale), round(image.height() * scale))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
    finally:
        painter.end()


# -- new customer order ----------------------------------------------------------------------


class OrderPage(QWidget):
    """A customer order entered in the warehouse: customer details, then lines by scanning a
    barcode or typing a SKU, a quantity after ``*`` (``6901234567892*12``). F10 saves."""

    def __init__(self, window: WarehouseWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.name, self.phone, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.date, self.notes = QLineEdit(), QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.item = QLineEdit()
        self.item.setPlaceholderText(self.tr("Scan or type a SKU; add *quantity, e.g. PIPE*12"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Quantity"),
                self.tr("Amount"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.callout = Callout()
        self.lines: list[delivery.OrderLine] = []
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Deliver on"), self.date)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.tr("Item"), self.item)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("New customer order"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.callout)
        layout.addWidget(QLabel(self.tr("Enter: next field / add item   F10: save   Esc: back")))
        self.customer_id: int | None = None
        for edit in (self.name, self.address, self.date, self.notes):
            edit.returnPressed.connect(self.focusNextChild)
        self.phone.returnPressed.connect(self._phone_entered)
        self.item.returnPressed.connect(self._add_item)
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, window.show_list)

    def start(self) -> None:
        for edit in (self.name, self.phone, self.address, self.date, self.notes, self.item):
            edit.clear()
        self.lines = []
        self.customer_id = None
        self.table.setRowCount(0)
        self.callout.say(self.tr("Customer, phone and address are needed."), OK)
        self.name.setFocus()

    def _phone_entered(self) -> None:
        """A known customer's phone fills in what is still empty and links the order."""
        phone = self.phone.text().strip()
        known = [c for c in customers.find(self.window_.store, phone) if c.phone == phone]
        if phone and len(known) == 1:
            customer = known[0]
            self.customer_id = customer.id
            if not self.name.text().strip():
                self.name.setText(customer.name)
            if not self.address.text().strip():
                self.address.setText(customer.address)
            self.callout.say(
                self.tr("Customer {name} found by phone.").format(name=customer.name), OK
            )
        self.focusNextChild()

    def _add_item(self) -> None:
        text = self.item.text().strip()
        self.item.clear()
        if not text:
            return
        code, _star, qty_text = text.partition("*")
        store = self.window_.store
        hit = catalog.by_barcode(store, code.strip())
        product = hit.product if hit else catalog.by_sku(store, code.strip())
        pack = hit.pack_qty if hit else 1
        if product is None:
            self.callout.say(self.window_.describe(UnknownBarcode("", code=code)), WARN)
            self.window_.alarm.sound(WARN)
            return
        try:
            qty = parse_quantity(qty_text or "1", weighed=product.weighed) * pack
        except UserInputError as exc:
            self.callout.say(self.window_.describe(exc), WARN)
            return
        self.lines.append(delivery.OrderLine(product.id, qty))
        row = self.table.rowCount()
        self.table.insertRow(row)
        amount = format_money(line_gross(product.price, qty))
        for column, value in enumerate(
            [product.sku, product.name, product.unit, format_quantity(qty), amount]
        ):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.callout.say(
            self.tr("{name} x {qty} added.").format(name=product.name, qty=format_quantity(qty)),
            OK,
        )

    def save(self) -> None:
        try:
            made = delivery.create_order(
                self.window_.store,
                user=self.window_.user,
                till_code=self.window_.config.till.code,
                name=self.name.text(),
                phone=self.phone.text(),
                address=self.address.text(),
                delivery_date=self.date.text().strip(),
                notes=self.notes.text(),
                lines=self.lines,
                customer_id=self.customer_id,
            )
        except TillbookError as exc:
            self.callout.say(self.window_.describe(exc), BAD)
            self.window_.alarm.sound(BAD)
            return
        self.window_.notify_slip_changed(made.number)
        self.window_.open_slip(made.number)
