"""Returns (F8): find the sale by its receipt number (typed or scanned from the receipt),
choose how much of each line comes back, and let the till refund it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem

from app.errors import TillbookError
from app.money import format_money, format_quantity, parse_quantity
from app.till import ReturnDraft, Till
from localdb import StoreError
from ui import theme
from ui.messages import describe
from ui.widgets import Dialog, key_button


class ReturnDialog(Dialog):
    completed = Signal(object)  # Completed

    def __init__(self, till: Till, parent=None) -> None:
        super().__init__(parent, title=self.tr("Return"))
        self.till = till
        self.draft: ReturnDraft | None = None
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
        self.resize(860, 560)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.field and event.type() == event.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
        return super().eventFilter(obj, event)

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        self.load(code)
        return True

    def submit(self) -> None:
        text = self.field.text().strip()
        if self.draft is None or (text and text != self.draft.original.receipt_no):
            self.load(text)
        else:
            self.refund()

    def load(self, receipt_no: str) -> None:
        if not receipt_no:
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
