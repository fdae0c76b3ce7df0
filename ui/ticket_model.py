"""The ticket as a table: one row per line, read from the till's ticket and its totals."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

from app.money import format_money, format_quantity
from app.ticket import Line, Totals

COLUMNS = ("#", "Item", "Qty", "Unit price", "Discount", "Total")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TicketModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[Line] = []
        self._totals: Totals | None = None
        self._cells: list[tuple[str, ...]] = []

    def show(self, lines: list[Line], totals: Totals) -> None:
        """Show the ticket as it is now. The cells' text is made here, once per change,
        so painting only looks it up."""
        self.beginResetModel()
        self._lines = list(lines)
        self._totals = totals
        self._cells = [self._row_text(row, line) for row, line in enumerate(self._lines)]
        self.endResetModel()

    def _row_text(self, row: int, line: Line) -> tuple[str, ...]:
        priced = self._totals.lines[row]
        qty = format_quantity(line.qty_milli)
        return (
            str(row + 1),
            line.name,
            f"{qty} {line.unit}" if line.weighed else qty,
            format_money(line.unit_price),
            format_money(-priced.discount) if priced.discount else "",
            format_money(priced.net),
        )

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
        if role == _DISPLAY:  # Qt hands the role over as a plain int
            return self._cells[index.row()][index.column()]
        if role == _ALIGN:
            return _LEFT if index.column() == 1 else _RIGHT
        return None
