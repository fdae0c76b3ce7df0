"""Product search (F2): results as the cashier types, by barcode, SKU, name part or pinyin
initials. Searches run on a background thread against a read-only connection; only the
newest query's results are shown, so typing never waits for the catalog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableWidget, QTableWidgetItem

from app import catalog
from app.money import format_money
from ui.messages import describe
from ui.reader import Readers
from ui.tasks import Tasks
from ui.widgets import Dialog


class SearchDialog(Dialog):
    chosen = Signal(int)  # product id

    def __init__(self, readers: Readers, tasks: Tasks, *, initial: str = "", parent=None):
        super().__init__(parent, title=self.tr("Find a product"))
        self.readers, self.tasks = readers, tasks
        self._asked = 0  # number of the newest query; older answers are dropped
        self._shown = -1
        self.layout_.addWidget(
            QLabel(self.tr("Barcode, SKU, part of the name or pinyin initials (e.g. kkkl)"))
        )
        self.field = QLineEdit(initial)
        self.field.textChanged.connect(self.ask)
        self.field.installEventFilter(self)
        self.layout_.addWidget(self.field)
        self.results = QTableWidget(0, 3)
        self.results.setHorizontalHeaderLabels([self.tr("Name"), self.tr("SKU"), self.tr("Price")])
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setStyleSheet("QTableWidget { font-size: 15pt; }")
        self.results.verticalHeader().setDefaultSectionSize(38)
        self.results.doubleClicked.connect(lambda _index: self.submit())
        self.layout_.addWidget(self.results)
        self.hint = QLabel(self.tr("↑ ↓ choose, Enter adds, Esc closes"))
        self.layout_.addWidget(self.hint)
        self.resize(900, 560)
        if initial:
            self.ask(initial)

    def ask(self, text: str) -> None:
        self._asked += 1
        number = self._asked
        readers = self.readers
        self.tasks.run(
            lambda: catalog.search(readers.store(), text, limit=40),
            on_done=lambda found: self._show(number, found),
            on_error=lambda exc: self.show_error(describe(exc)),
            owner=self,
        )

    def _show(self, number: int, found: list[catalog.Product]) -> None:
        if number < self._shown or number != self._asked:
            return  # an older query answered late
        self._shown = number
        self.results.setRowCount(len(found))
        for row, product in enumerate(found):
            name = QTableWidgetItem(product.name)
            name.setData(Qt.ItemDataRole.UserRole, product.id)
            price = QTableWidgetItem(format_money(product.price))
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.results.setItem(row, 0, name)
            self.results.setItem(row, 1, QTableWidgetItem(product.sku))
            self.results.setItem(row, 2, price)
        if found:
            self.results.selectRow(0)
        self.hint.setText(
            self.tr("{count} found. ↑ ↓ choose, Enter adds, Esc closes").format(count=len(found))
        )

    @property
    def ready(self) -> bool:
        """The newest query has been answered (tests wait on this)."""
        return self._shown == self._asked

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.field and event.type() == event.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(self.results.rowCount() - 1, self.results.currentRow() + step))
                self.results.selectRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.submit()
                return True
        return super().eventFilter(obj, event)

    def handle_scan(self, code: str) -> bool:
        self.field.setText(code)
        return True

    def submit(self) -> None:
        item = self.results.item(self.results.currentRow(), 0)
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
