"""The ticket as a table: one row per line, read from the till's ticket and its totals."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from app.money import format_money, format_quantity
from app.ticket import Line, Totals

COLUMNS = ("#", "Item", "Qty", "Unit price", "Discount", "Total")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class TicketModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._totals: Totals | None = None

    def show(self, lines: list[Line], totals: Totals) -> None:
        """Show the ticket as it is now; rows are rebuilt (a ticket has tens of lines)."""
        self.beginResetModel()
        self._lines = list(lines)
        self._totals = totals
        self.endResetModel()

    def line_id(self, row: int) -> int | None:
        return self._lines[row].line_id if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int) -> int:
        return next((i for i, ln in enumerate(self._lines) if ln.line_id == line_id), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            titles = (
                "#",
                translate("TicketModel", "Item"),
                translate("TicketModel", "Qty"),
                translate("TicketModel", "Unit price"),
                translate("TicketModel", "Discount"),
                translate("TicketModel", "Total"),
            )
            return titles[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (1,):
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        line = self._lines[row]
        priced = self._totals.lines[row] if self._totals else None
        if col == 0:
            return str(row + 1)
        if col == 1:
            return line.name
        if col == 2:
            qty = format_quantity(line.qty_milli)
            return f"{qty} {line.unit}" if line.weighed else qty
        if col == 3:
            return format_money(line.unit_price)
        if col == 4:
            return format_money(-priced.discount) if priced and priced.discount else ""
        if col == 5:
            return format_money(priced.net) if priced else ""
        return None
