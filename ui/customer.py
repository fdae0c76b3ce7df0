"""Customer (F3): find by phone, name or a scanned member card; their recent orders;
put them on the ticket, or repeat one of their orders at today's prices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem

from app import customers
from app.money import format_money
from ui.messages import describe
from ui.reader import Readers
from ui.tasks import Tasks
from ui.widgets import Dialog, key_button


class CustomerDialog(Dialog):
    chosen = Signal(object)  # Customer, to put on the ticket
    repeat = Signal(object, int)  # Customer, sale id to copy
    detach = Signal()

    def __init__(self, readers: Readers, tasks: Tasks, *, parent=None) -> None:
        super().__init__(parent, title=self.tr("Customer"))
        self.readers, self.tasks = readers, tasks
        self._asked = 0
        self._found: list[customers.Customer] = []
        self.layout_.addWidget(QLabel(self.tr("Phone, name, or scan the member card")))
        self.field = QLineEdit()
        self.field.textChanged.connect(self.ask)
        self.field.installEventFilter(self)
        self.layout_.addWidget(self.field)
        lists = QHBoxLayout()
        self.people = QListWidget()
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.currentRowChanged.connect(self._load_orders)
        self.orders = QListWidget()
        self.orders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        lists.addWidget(self.people, 1)
        lists.addWidget(self.orders, 1)
        self.layout_.addLayout(lists)
        buttons = QHBoxLayout()
        attach = key_button(self.tr("Put on ticket  [Enter]"), role="primary")
        attach.clicked.connect(self.submit)
        again = key_button(self.tr("Repeat selected order  [F4]"))
        again.clicked.connect(self.repeat_order)
        remove = key_button(self.tr("No customer  [F9]"))
        remove.clicked.connect(self._detach)
        for button in (attach, again, remove):
            buttons.addWidget(button)
        self.layout_.addLayout(buttons)
        self.resize(980, 560)

    # -- finding ---------------------------------------------------------------------------

    def ask(self, text: str) -> None:
        self._asked += 1
        number, readers = self._asked, self.readers
        self.tasks.run(
            lambda: customers.find(readers.store(), text),
            on_done=lambda found: self._show(number, found),
            on_error=lambda exc: self.show_error(describe(exc)),
            owner=self,
        )

    def _show(self, number: int, found: list[customers.Customer]) -> None:
        if number != self._asked:
            return
        self._found = found
        self.people.clear()
        for person in found:
            self.people.addItem(f"{person.name}   {person.phone}")
        if found:
            self.people.setCurrentRow(0)
        else:
            self.orders.clear()

    def _load_orders(self, row: int) -> None:
        self.orders.clear()
        if not 0 <= row < len(self._found):
            return
        person, readers = self._found[row], self.readers
        self.tasks.run(
            lambda: customers.recent_sales(readers.store(), person.id),
            on_done=lambda orders: self._show_orders(person.id, orders),
            on_error=lambda exc: self.show_error(describe(exc)),
            owner=self,
        )

    def _show_orders(self, customer_id: int, orders: list[dict]) -> None:
        current = self.current()
        if current is None or current.id != customer_id:
            return
        self.orders.clear()
        for order in orders:
            kind = self.tr("return") if order["kind"] == "return" else ""
            item = QListWidgetItem(
                f"{order['created_at'][:16].replace('T', ' ')}  {order['receipt_no']}  "
                f"{format_money(order['total'])} {kind}".rstrip()
            )
            item.setData(Qt.ItemDataRole.UserRole, order["id"] if not kind else None)
            self.orders.addItem(item)
        if orders:
            self.orders.setCurrentRow(0)
        else:
            self.orders.addItem(self.tr("No orders yet"))

    def current(self) -> customers.Customer | None:
        row = self.people.currentRow()
        return self._found[row] if 0 <= row < len(self._found) else None

    # -- keys ------------------------------------------------------------------------------

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.field and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    target = self.orders  # Shift+arrows choose the order
                else:
                    target = self.people
                row = max(0, min(target.count() - 1, target.currentRow() + step))
                target.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
            if key == Qt.Key.Key_F4:
                self.repeat_order()
                return True
            if key == Qt.Key.Key_F9:
                self._detach()
                return True
        return super().eventFilter(obj, event)

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)  # a member card: found by its code
        return True

    def submit(self) -> None:
        person = self.current()
        if person is not None:
            self.chosen.emit(person)
            self.accept()

    def repeat_order(self) -> None:
        person = self.current()
        item = self.orders.currentItem()
        sale_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if person is None or sale_id is None:
            self.show_error(self.tr("Choose a customer and one of their orders"))
            return
        self.repeat.emit(person, int(sale_id))
        self.accept()

    def _detach(self) -> None:
        self.detach.emit()
        self.accept()
