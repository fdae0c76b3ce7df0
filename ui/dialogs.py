"""The small dialogs of the selling screen: PIN approval, quantity, discount, price,
held tickets and reprint."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
)

from app import users
from app.errors import TillbookError
from app.money import format_money, parse_quantity, parse_yuan
from app.ticket import Discount
from localdb import Store
from ui import theme
from ui.messages import clock_time, describe
from ui.reader import on_own_connection
from ui.receipts import PreviewLoader, ReceiptPreview
from ui.tasks import Tasks
from ui.widgets import Dialog, NumberPad


class PinPrompt(Dialog):
    """Ask for a PIN of someone with ``role`` (an owner) to approve one action."""

    approved = Signal(object)  # the approving User

    def __init__(
        self,
        store: Store,
        tasks: Tasks,
        *,
        action: str,
        reason: str,
        role: str = "owner",
        parent=None,
    ):
        super().__init__(parent, title=self.tr("Owner approval"))
        self.store, self.tasks, self.action, self.role = store, tasks, action, role
        self.checking = False
        heading = QLabel(reason)
        heading.setWordWrap(True)
        theme.set_role(heading, "caption")
        self.layout_.addWidget(heading)
        self.layout_.addWidget(QLabel(self.tr("Owner PIN, then Enter")))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.returnPressed.connect(self.check)
        self.layout_.addWidget(self.pin)
        pad = NumberPad(self.pin)
        pad.enter.connect(self.check)
        self.layout_.addWidget(pad)
        self.setMinimumWidth(380)

    def check(self) -> None:
        """Check the PIN off the UI thread (a slow hash per user), on its own connection:
        the UI thread goes on using its own meanwhile (a serial scanner's scan, say)."""
        pin = self.pin.text()
        if self.checking or not pin:
            return
        self.checking = True
        path, role, action = self.store.path, self.role, self.action
        self.tasks.run(
            lambda: on_own_connection(
                path, lambda own: users.authorize(own, pin, role=role, action=action)
            ),
            on_done=self._approved,
            on_error=self._refused,
            owner=self,
        )

    def _approved(self, approver) -> None:
        self.checking = False
        self.approved.emit(approver)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.checking = False
        self.pin.clear()
        self.show_error(describe(exc))


class NumberDialog(Dialog):
    """Ask for one number (a quantity, an amount); ``value`` carries the text typed."""

    value = Signal(str)

    def __init__(
        self, *, title: str, label: str, initial: str = "", dot: bool = True, parent=None
    ):
        super().__init__(parent, title=title)
        self.layout_.addWidget(QLabel(label))
        self.field = QLineEdit(initial)
        self.field.selectAll()
        self.field.returnPressed.connect(self.submit)
        self.layout_.addWidget(self.field)
        pad = NumberPad(self.field, dot=dot)
        pad.enter.connect(self.submit)
        self.layout_.addWidget(pad)
        self.setMinimumWidth(360)

    def submit(self) -> None:
        if self.field.text().strip():
            self.value.emit(self.field.text().strip())


class QuantityDialog(NumberDialog):
    quantity = Signal(int)  # thousandths

    def __init__(self, *, name: str, current: str, weighed: bool, parent=None):
        super().__init__(
            title=self.tr("Quantity"),
            label=self.tr("New quantity of {name}").format(name=name),
            initial=current,
            dot=weighed,
            parent=parent,
        )
        self.weighed = weighed
        self.value.connect(self._parse)

    def _parse(self, text: str) -> None:
        try:
            self.quantity.emit(parse_quantity(text, weighed=self.weighed))
        except TillbookError as exc:
            self.show_error(describe(exc))


class DiscountDialog(Dialog):
    """A percent or an amount off the selected line, or off the whole ticket."""

    discount = Signal(object, bool)  # Discount | None, whole ticket?

    def __init__(self, *, name: str, parent=None):
        super().__init__(parent, title=self.tr("Discount"))
        self.layout_.addWidget(QLabel(self.tr("Discount on: {name}").format(name=name)))
        kinds = QHBoxLayout()
        self.percent = QRadioButton(self.tr("Percent off"))
        self.amount = QRadioButton(self.tr("Amount off (¥)"))
        self.ticket = QRadioButton(self.tr("Percent off the whole ticket"))
        self.percent.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.percent, self.amount, self.ticket):
            group.addButton(button)
            kinds.addWidget(button)
        self.layout_.addLayout(kinds)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("e.g. 10"))
        self.field.returnPressed.connect(self.submit)
        self.layout_.addWidget(self.field)
        pad = NumberPad(self.field, dot=True)
        pad.enter.connect(self.submit)
        self.layout_.addWidget(pad)
        remove = QPushButton(self.tr("Remove discount"))
        remove.clicked.connect(lambda: self.discount.emit(None, self.ticket.isChecked()))
        self.layout_.addWidget(remove)
        self.setMinimumWidth(560)
        self.field.setFocus()  # the amount first, not the first radio button

    def submit(self) -> None:
        text = self.field.text().strip()
        try:
            if self.amount.isChecked():
                discount = Discount("amount", parse_yuan(text))
            else:  # percent in basis points: "12.5" -> 1250, through the money parser's rules
                discount = Discount("percent", parse_yuan(text))
        except TillbookError as exc:
            self.show_error(describe(exc))
            return
        self.discount.emit(discount, self.ticket.isChecked())


class PriceDialog(Dialog):
    """A new unit price for a line, with the reason the audit log keeps."""

    price = Signal(int, str)

    def __init__(self, *, name: str, current: int, parent=None):
        super().__init__(parent, title=self.tr("Change price"))
        self.layout_.addWidget(
            QLabel(self.tr("{name}: now {price}").format(name=name, price=format_money(current)))
        )
        self.layout_.addWidget(QLabel(self.tr("New unit price (¥)")))
        self.field = QLineEdit()
        self.layout_.addWidget(self.field)
        self.layout_.addWidget(QLabel(self.tr("Reason")))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. damaged packaging"))
        self.layout_.addWidget(self.reason)
        self.field.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        ok = QPushButton(self.tr("Change price (Enter)"))
        theme.set_role(ok, "primary")
        ok.clicked.connect(self.submit)
        self.layout_.addWidget(ok)
        self.setMinimumWidth(420)

    def submit(self) -> None:
        try:
            fen = parse_yuan(self.field.text())
        except TillbookError as exc:
            self.show_error(describe(exc))
            self.field.setFocus()
            return
        if not self.reason.text().strip():
            self.show_error(self.tr("Say why the price changes"))
            self.reason.setFocus()
            return
        self.price.emit(fen, self.reason.text().strip())


class HeldDialog(Dialog):
    """Tickets put on hold; Enter brings the selected one back."""

    resume = Signal(int)

    def __init__(self, held: list[dict], parent=None):
        super().__init__(parent, title=self.tr("Held tickets"))
        self.layout_.addWidget(QLabel(self.tr("Choose a ticket and press Enter to resume it")))
        self.list = QListWidget()
        for entry in held:
            text = self.tr("#{id}  {lines} lines  {total}  held at {time}").format(
                id=entry["id"],
                lines=entry["lines"],
                total=format_money(entry["total"]),
                time=clock_time(entry["created_at"]),
            )
            if entry["label"]:
                text += f"  {entry['label']}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry["id"])
            self.list.addItem(item)
        if not held:
            self.list.addItem(self.tr("No tickets are on hold"))
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.submit())
        self.layout_.addWidget(self.list)
        ok = QPushButton(self.tr("Resume (Enter)"))
        theme.set_role(ok, "primary")
        ok.clicked.connect(self.submit)
        ok.setEnabled(bool(held))
        self.layout_.addWidget(ok)
        self.resize(560, 420)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        item = self.list.currentItem()
        held_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if held_id is not None:
            self.resume.emit(int(held_id))
            self.accept()


class ReprintDialog(Dialog):
    """Reprint the last receipt, or any by its number (typed or scanned), with a preview of
    what the printer will print."""

    reprint = Signal(str)

    def __init__(
        self,
        last_receipt: str | None,
        *,
        readers=None,
        config=None,
        tasks: Tasks | None = None,
        parent=None,
    ):
        super().__init__(parent, title=self.tr("Reprint a receipt"))
        self.layout_.addWidget(QLabel(self.tr("Receipt number (Enter for the last one)")))
        self.field = QLineEdit(last_receipt or "")
        self.field.selectAll()
        self.field.returnPressed.connect(self.submit)
        self.layout_.addWidget(self.field)
        self.setMinimumWidth(420)
        self.loader = None
        if readers is not None and config is not None and tasks is not None:
            self.preview = ReceiptPreview(config)
            self.layout_.addWidget(self.preview, 1, Qt.AlignmentFlag.AlignHCenter)
            self.loader = PreviewLoader(self, self.preview, readers, config, tasks)
            self._timer = QTimer(self)
            self._timer.setSingleShot(True)
            self._timer.setInterval(250)  # typing a number: preview once it pauses
            self._timer.timeout.connect(self._load_preview)
            self.field.textChanged.connect(lambda _text: self._timer.start())
            self._load_preview()
            self.resize(560, 720)

    def _load_preview(self) -> None:
        self.loader.load(receipt_no=self.field.text().strip(), reprint=True)

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        self.submit()
        return True

    def submit(self) -> None:
        if self.field.text().strip():
            self.reprint.emit(self.field.text().strip())
            self.accept()


class ConfirmDialog(Dialog):
    """Yes or no to a question: one the core asks (a very large quantity), or clearing the
    whole ticket."""

    def __init__(self, question: str, parent=None):
        super().__init__(parent, title=self.tr("Please confirm"), close_button=False)
        label = QLabel(question)
        label.setObjectName("question")
        label.setWordWrap(True)
        theme.set_role(label, "big")
        self.layout_.addWidget(label)
        row = QHBoxLayout()
        yes = QPushButton(self.tr("Yes (Enter)"))
        theme.set_role(yes, "primary")
        no = QPushButton(self.tr("No (Esc)"))
        yes.clicked.connect(self.accept)
        no.clicked.connect(self.reject)
        yes.setDefault(True)
        row.addWidget(no)
        row.addWidget(yes)
        self.layout_.addLayout(row)
