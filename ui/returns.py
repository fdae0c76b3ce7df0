"""Returns (F8): find the sale by its receipt number (typed or scanned from the receipt),
choose how much of each line comes back, and let the till refund it. Without a receipt (F2,
an owner's PIN for a cashier) the items coming back are scanned one by one and refunded in
cash at today's prices."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem

from app import catalog
from app.errors import PermissionRequired, TillbookError, UnknownBarcode
from app.money import format_money, format_quantity, parse_quantity
from app.till import Completed, ReturnDraft, Till
from localdb import StoreError
from ui import theme
from ui.messages import describe
from ui.widgets import Dialog, key_button


class ReturnDialog(Dialog):
    completed = Signal(object)  # Completed

    def __init__(
        self,
        till: Till,
        parent=None,
        *,
        ask_owner: Callable[[PermissionRequired, Callable], None] | None = None,
    ) -> None:
        super().__init__(parent, title=self.tr("Return"))
        self.till = till
        self.ask_owner = ask_owner  # an owner's PIN for an action that needs one
        self.draft: ReturnDraft | None = None
        self.approver = None  # who allowed a return without a receipt
        self.products: list[tuple[int, int, bool]] = []  # without a receipt: id, price, weighed
        self.layout_.addWidget(QLabel(self.tr("Receipt number, or scan the receipt's barcode")))
        self.field = QLineEdit()
        self.field.installEventFilter(self)
        self.layout_.addWidget(self.field)
        self.summary = QLabel()
        theme.set_role(self.summary, "caption")
        self.layout_.addWidget(self.summary)
        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Sold"), self.tr("Can return"), self.tr("Return now")]
        )
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.lines.verticalHeader().hide()
        self.layout_.addWidget(self.lines)
        self.go = key_button(self.tr("Refund the quantities shown  [Enter]"), role="primary")
        self.go.clicked.connect(self.submit)
        self.go.setEnabled(False)
        self.layout_.addWidget(self.go)
        self.no_receipt = key_button(self.tr("No receipt  [F2]"))
        self.no_receipt.clicked.connect(lambda: self.without_receipt())
        QShortcut(QKeySequence("F2"), self, activated=lambda: self.without_receipt())
        self.layout_.addWidget(self.no_receipt)
        self.resize(860, 560)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.field and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
        return super().eventFilter(obj, event)

    @property
    def without_a_receipt(self) -> bool:
        return self.draft is not None and self.draft.original is None

    def handle_scan(self, code: str) -> bool:
        if self.without_a_receipt:
            self.add_item(code)
            return True
        self.field.setText(code)
        self.load(code)
        return True

    def submit(self) -> None:
        text = self.field.text().strip()
        if self.without_a_receipt:
            self.add_item(text) if text else self.refund()
        elif self.draft is None or (text and text != self.draft.original.receipt_no):
            self.load(text)
        else:
            self.refund()

    # -- without a receipt -----------------------------------------------------------------

    def without_receipt(self, approver=None) -> None:
        """F2: a return without a receipt. The core asks for an owner; a cashier gets the
        owner-PIN prompt, and this runs again with the owner who approved."""
        try:
            draft = self.till.start_return(None, approver=approver)
        except PermissionRequired as exc:
            if self.ask_owner is None:
                self.show_error(describe(exc))
            else:
                self.ask_owner(exc, self.without_receipt)
            return
        self.error.clear_message()
        self.draft, self.approver, self.products = draft, approver or self.till.user, []
        self.no_receipt.setEnabled(False)
        self.summary.setText(
            self.tr("No receipt: scan each item coming back; Enter refunds them in cash")
        )
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Unit price"), "", self.tr("Return now")]
        )
        self.lines.setColumnHidden(2, True)
        self.lines.setRowCount(0)
        self.field.clear()
        self.field.setPlaceholderText(self.tr("Barcode of an item coming back"))
        self.field.setFocus()
        self.go.setEnabled(False)

    def add_item(self, code: str) -> None:
        self.field.clear()
        hit = catalog.by_barcode(self.till.store, code)
        if hit is None:
            self.show_error(describe(UnknownBarcode(f"unknown barcode {code}", code=code)))
            return
        self.error.clear_message()
        product = hit.product
        for row, (product_id, _price, weighed) in enumerate(self.products):
            if product_id == product.id and not weighed:  # the same item again: one more
                item = self.lines.item(row, 3)
                more = parse_quantity(item.text() or "0", weighed=False) + hit.pack_qty * 1000
                item.setText(format_quantity(more))
                return
        row = len(self.products)
        self.products.append((product.id, product.price, product.weighed))
        self.lines.setRowCount(row + 1)
        for col, text in enumerate([product.name, format_money(product.price), ""]):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.lines.setItem(row, col, item)
        self.lines.setItem(row, 3, QTableWidgetItem(format_quantity(hit.pack_qty * 1000)))
        self.go.setEnabled(True)

    def _refund_without_receipt(self) -> Completed:
        products = []
        for row, (product_id, price, weighed) in enumerate(self.products):
            qty = parse_quantity(self.lines.item(row, 3).text() or "0", weighed=weighed)
            if qty:
                products.append((product_id, qty, price))
        return self.till.complete_return(
            self.draft, products=products, approver=self.approver, reason="no receipt"
        )

    # -- with a receipt --------------------------------------------------------------------

    def load(self, receipt_no: str) -> None:
        if not receipt_no:
            self.show_error(self.tr("Type or scan the receipt number; F2 if there is none"))
            return
        try:
            draft = self.till.start_return(receipt_no)
        except (TillbookError, StoreError) as exc:
            self.draft = None
            self.lines.setRowCount(0)
            self.go.setEnabled(False)
            self.show_error(describe(exc))
            return
        self.error.clear_message()
        self.draft = draft
        sale = draft.original
        self.summary.setText(
            self.tr("{receipt_no}, {time}, total {total}").format(
                receipt_no=sale.receipt_no,
                time=sale.created_at[:16].replace("T", " "),
                total=format_money(sale.total),
            )
        )
        self.lines.setRowCount(len(sale.lines))
        for row, line in enumerate(sale.lines):
            left = draft.returnable.get(line.id, 0)
            cells = [line.name, format_quantity(line.qty_milli), format_quantity(left)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.lines.setItem(row, col, item)
            wanted = QTableWidgetItem(format_quantity(left))
            wanted.setData(Qt.ItemDataRole.UserRole, line.id)
            self.lines.setItem(row, 3, wanted)
        self.go.setEnabled(bool(draft.returnable))
        if not draft.returnable:
            self.show_error(self.tr("Everything on this receipt has come back already"))

    def refund(self) -> None:
        if self.draft is None:
            return
        if self.without_a_receipt:
            try:
                done = self._refund_without_receipt()
            except (TillbookError, StoreError) as exc:
                self.show_error(describe(exc))
                return
            self.completed.emit(done)
            self.accept()
            return
        quantities = {}
        try:
            for row in range(self.lines.rowCount()):
                item = self.lines.item(row, 3)
                line_id = item.data(Qt.ItemDataRole.UserRole)
                weighed = any(
                    ln.id == line_id and ln.qty_milli % 1000 for ln in self.draft.original.lines
                )
                qty = parse_quantity(item.text() or "0", weighed=weighed)
                if qty:
                    quantities[line_id] = qty
            done = self.till.complete_return(self.draft, quantities=quantities)
        except (TillbookError, StoreError) as exc:
            self.show_error(describe(exc))
            return
        self.completed.emit(done)
        self.accept()
