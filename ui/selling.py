"""The selling screen: the ticket, the total, the last item, and every action on a key.

All selling rules live in ``app.till.Till``; this screen calls it and shows what it says.
A rule the core raises as an error is shown in the banner (``ui.messages``); an action that
needs an owner asks for an owner's PIN and runs again with the approver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import catalog, customers, sales
from app.errors import NeedsConfirmation, PermissionRequired, TillbookError, UnknownBarcode
from app.money import format_money, format_quantity
from app.till import Completed
from localdb import StoreError
from ui import sound, theme
from ui.customer import CustomerDialog
from ui.dialogs import (
    ConfirmDialog,
    DiscountDialog,
    HeldDialog,
    PinPrompt,
    PriceDialog,
    QuantityDialog,
    ReprintDialog,
)
from ui.messages import describe, tender_name
from ui.pay import PayDialog
from ui.receipts import UnprintedDialog
from ui.returns import ReturnDialog
from ui.search import SearchDialog
from ui.services import Services
from ui.ticket_model import TicketModel
from ui.widgets import Banner, Dialog, key_button

log = logging.getLogger(__name__)

# Keys shown on a button besides its shortcut: Delete (entry field empty) also voids a line.
SHOWN_KEYS = {"void": "F9 / Del"}

SCALE_TIMEOUT_S = 2.0  # how long the scale may take to settle
FAILED = object()  # what ``SellingScreen.run`` returns when the action did not happen


class EntryField(QLineEdit):
    """The scan-or-type field. Arrows move the ticket's selection; Delete on an empty field
    removes the selected line."""

    move = Signal(int)
    delete_line = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move.emit(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key == Qt.Key.Key_Delete and not self.text():
            self.delete_line.emit()
            return
        super().keyPressEvent(event)


class SellingScreen(QWidget):
    lock_requested = Signal()
    settings_requested = Signal()
    sale_completed = Signal(object)  # Completed
    ticket_changed = Signal()

    def __init__(self, services: Services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.till = services.till
        self.store = services.store
        self.dialog: Dialog | None = None
        self.last_completed: Completed | None = None
        self._customer_name = ""
        self._weighing = False
        self.model = TicketModel(self)
        self._build()
        self.retranslate()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 8, 10, 6)
        outer.setSpacing(8)
        self.banner = Banner()
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setStyleSheet("QTableView { font-size: 15pt; }")
        self._size_columns()
        left.addWidget(self.table, 1)

        self.last_item = QLabel()
        self.last_item.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.last_item.setMinimumHeight(44)
        # a long name is cut at the panel's edge instead of widening the window
        self.last_item.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        left.addWidget(self.last_item)
        self.entry = EntryField()
        self.entry.setStyleSheet("font-size: 16pt;")
        self.entry.returnPressed.connect(self._entry_enter)
        self.entry.move.connect(self._move_selection)
        self.entry.delete_line.connect(self.remove_line)
        left.addWidget(self.entry)
        body.addLayout(left, 64)

        right = QVBoxLayout()
        panel = QFrame()
        theme.set_role(panel, "panel")
        totals = QVBoxLayout(panel)
        self.total_caption = QLabel()
        theme.set_role(self.total_caption, "caption")
        self.total = QLabel()
        theme.set_role(self.total, "huge")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count = QLabel()
        self.count.setStyleSheet("font-size: 16pt;")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.customer = QLabel()
        self.customer.setWordWrap(True)
        theme.set_role(self.customer, "caption")
        for widget in (self.total_caption, self.total, self.count, self.customer):
            totals.addWidget(widget)
        right.addWidget(panel)

        grid = QGridLayout()
        grid.setSpacing(6)
        self.buttons = {}
        for index, (name, key, _label, handler) in enumerate(self._actions()):
            role = "primary" if name == "pay" else "key"
            button = key_button("", role=role, height=52, grow=True)
            button.clicked.connect(handler)
            self.buttons[name] = button
            if name == "pay":
                grid.addWidget(button, 10, 0, 1, 2)
                button.setMinimumHeight(70)
                button.setStyleSheet("font-size: 20pt;")
            else:
                grid.addWidget(button, index // 2, index % 2)
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)
        right.addLayout(grid, 1)
        body.addLayout(right, 36)

    def _size_columns(self) -> None:
        """Fixed widths for the number columns, measured once: sizing them to their contents
        would measure every row after every scan."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.ensurePolished()
        metrics = self.table.fontMetrics()
        money = metrics.horizontalAdvance("-¥9,999.99") + 24
        widths = {
            0: metrics.horizontalAdvance("99") + 20,
            2: metrics.horizontalAdvance("99.999") + 24,
        }
        for column, width in ((0, widths[0]), (2, widths[2]), (3, money), (4, money), (5, money)):
            header.resizeSection(column, width)

    def _actions(self) -> list[tuple[str, str, Callable[[], str], Callable]]:
        """(name, key, label, handler) of every action: one table for keys and buttons."""
        return [
            ("search", "F2", lambda: self.tr("Search"), self.open_search),
            ("customer", "F3", lambda: self.tr("Customer"), self.open_customer),
            ("quantity", "F4", lambda: self.tr("Quantity"), self.open_quantity),
            ("hold", "F5", lambda: self.tr("Hold / resume"), self.hold_or_resume),
            ("discount", "F6", lambda: self.tr("Discount"), self.open_discount),
            ("price", "F7", lambda: self.tr("Change price"), self.open_price),
            ("return", "F8", lambda: self.tr("Return"), lambda: self.open_return()),
            ("void", "F9", lambda: self.tr("Void line"), self.remove_line),
            ("weigh", "F1", lambda: self.tr("Weigh"), self.weigh),
            ("reprint", "F10", lambda: self.tr("Reprint"), self.open_reprint),
            ("receipts", "Ctrl+P", lambda: self.tr("Not printed"), self.open_unprinted),
            ("settings", "F11", lambda: self.tr("Settings"), self.settings_requested.emit),
            ("lock", "Ctrl+L", lambda: self.tr("Lock"), self.lock_requested.emit),
            ("cancel", "Ctrl+Del", lambda: self.tr("Clear ticket"), self.cancel_ticket),
            ("pay", "F12", lambda: self.tr("Pay"), self.open_pay),
        ]

    def retranslate(self) -> None:
        for name, key, label, _handler in self._actions():
            key = SHOWN_KEYS.get(name, key)
            self.buttons[name].setText(
                f"{label()}\n{key}" if name != "pay" else f"{label()}  {key}"
            )
        self.total_caption.setText(self.tr("Total"))
        self.entry.setPlaceholderText(self.tr("Scan, or type a barcode and press Enter"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self._size_columns()
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing the ticket ----------------------------------------------------------------

    def refresh(self, *, select_line: int | None = None) -> None:
        ticket = self.till.ticket
        totals = self.till.totals()
        selected = select_line if select_line is not None else self.selected_line_id()
        self.model.show(ticket.lines, totals)
        row = self.model.row_of(selected) if selected is not None else -1
        if row < 0 and ticket.lines:
            row = len(ticket.lines) - 1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self.total.setText(format_money(totals.total))
        self.count.setText(
            self.tr("{items} items, {lines} lines").format(
                items=ticket.item_count, lines=len(ticket.lines)
            )
        )
        if not ticket.lines:
            self.last_item.setText("")
        if ticket.customer_id is None:
            self._customer_name = ""
        self.customer.setText(
            self.tr("Customer: {name}").format(name=self._customer_name)
            if self._customer_name
            else self.tr("No customer (F3)")
        )
        self.ticket_changed.emit()

    def selected_line_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_id(rows[0].row()) if rows else None

    def target_line(self):
        """The selected line, else the last one (None on an empty ticket)."""
        return self._target_line()

    def _target_line(self):
        line_id = self.selected_line_id()
        line = self.till.ticket.line(line_id) if line_id is not None else None
        if line is None and self.till.ticket.lines:
            line = self.till.ticket.lines[-1]
        return line

    def _move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(rows - 1, (current if current >= 0 else rows) + step)))

    def focus_entry(self) -> None:
        self.window().activateWindow()  # back from a dialog, the window may not be active
        self.entry.setFocus()

    # -- running an action -----------------------------------------------------------------

    def run(self, action: Callable[[], object], *, retry: Callable | None = None) -> object:
        """Run a till action; turn what goes wrong into the banner and a sound."""
        try:
            return action()
        except NeedsConfirmation as exc:
            if retry is not None:
                self._confirm(describe(exc), retry)
            else:
                self.problem(describe(exc))
        except PermissionRequired as exc:
            if retry is not None:
                self.ask_owner(exc, retry)
            else:
                self.problem(describe(exc))
        except (TillbookError, StoreError) as exc:
            self.problem(describe(exc))
        except Exception as exc:
            log.exception("till action failed unexpectedly")
            self.problem(describe(exc))
        return FAILED

    def problem(self, text: str) -> None:
        self.banner.show_message(text, "error")
        sound.error()

    def info(self, text: str, kind: str = "info") -> None:
        self.banner.show_message(text, kind)

    def ask_owner(self, exc: PermissionRequired, then: Callable) -> None:
        """An owner's PIN for the action ``exc`` names; ``then(approver)`` runs it."""
        prompt = PinPrompt(
            self.store,
            self.services.tasks,
            action=str(exc.fields.get("action", "")),
            reason=describe(exc),
            parent=self,
        )
        prompt.approved.connect(lambda approver: self.run(lambda: then(approver)))
        self.open_dialog(prompt)

    def _confirm(self, question: str, then: Callable) -> None:
        dialog = ConfirmDialog(question, parent=self)
        dialog.accepted.connect(lambda: self.run(lambda: then(True)))
        self.open_dialog(dialog)

    def open_dialog(self, dialog: Dialog) -> None:
        previous = self.dialog
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._closed(dialog, previous))
        dialog.open()

    def _closed(self, dialog: Dialog, previous: Dialog | None) -> None:
        if self.dialog is dialog:
            self.dialog = previous if previous is not None and previous.isVisible() else None
        dialog.deleteLater()
        if self.dialog is None:
            self.focus_entry()
        else:  # back to the dialog underneath (an owner's PIN given for it), with the keyboard
            self.dialog.activateWindow()

    # -- scanning --------------------------------------------------------------------------

    def scan(self, code: str) -> None:
        """A scan from the wedge, the serial scanner, or the entry field."""
        code = code.strip()
        if not code:
            return

        def add(confirmed: bool):
            try:
                return self.till.scan(code, confirmed=confirmed)
            except UnknownBarcode:
                if not self._is_receipt(code):
                    raise
            self.open_return(receipt_no=code)  # a receipt scanned: the customer brings it back
            return None

        self._add(add)

    def _is_receipt(self, code: str) -> bool:
        return bool(self.store.scalar("SELECT 1 FROM sales WHERE receipt_no = ?", (code,)))

    def _entry_enter(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.scan(text)

    def _add(self, add: Callable[[bool], object]) -> None:
        def then(confirmed: bool) -> None:
            result = add(confirmed)
            if result is None:  # it was not an item after all
                return
            self.refresh(select_line=result.line.line_id)
            self._show_last(result)

        self.run(lambda: then(False), retry=then)

    def _show_last(self, result) -> None:
        line = result.line
        qty = format_quantity(result.added_milli)
        self.last_item.setText(
            self.tr("{name}  {qty} × {price}").format(
                name=line.name, qty=qty, price=format_money(line.unit_price)
            )
        )
        if "stock_short" in result.warnings:
            self.info(
                self.tr("Low stock: {name} (sold, and flagged for the owner)").format(
                    name=line.name
                ),
                "warn",
            )
        elif self.banner.kind == "error":
            self.banner.clear_message()

    # -- the actions -----------------------------------------------------------------------

    def open_search(self) -> None:
        dialog = SearchDialog(
            self.services.readers, self.services.lookups, initial=self.entry.text(), parent=self
        )
        self.entry.clear()
        dialog.chosen.connect(
            lambda product_id: self._add(
                lambda confirmed: self.till.add_product(product_id, confirmed=confirmed)
            )
        )
        self.open_dialog(dialog)

    def open_customer(self) -> None:
        dialog = CustomerDialog(self.services.readers, self.services.lookups, parent=self)
        dialog.chosen.connect(self.attach_customer)
        dialog.repeat.connect(self.repeat_order)
        dialog.detach.connect(lambda: self.attach_customer(None))
        self.open_dialog(dialog)

    def attach_customer(self, customer) -> None:
        if (
            self.run(lambda: self.till.attach_customer(customer.id if customer else None))
            is not FAILED
        ):
            self._customer_name = customer.name if customer else ""
        self.refresh()

    def repeat_order(self, customer, sale_id: int) -> None:
        """Copy a past order's lines onto the ticket at today's prices; say what changed."""
        self.attach_customer(customer)
        try:
            sale = sales.load(self.store, sale_id=sale_id)
        except (TillbookError, StoreError) as exc:
            self.problem(describe(exc))
            return
        changed, skipped = [], []
        for old in sale.lines:
            if old.product_id is None:
                continue
            try:
                result = self.till.add_product(
                    old.product_id, qty_milli=old.qty_milli, confirmed=True
                )
            except TillbookError:
                skipped.append(old.name)
                continue
            if result.line.unit_price != old.unit_price:
                changed.append(
                    self.tr("{name} {old} → {new}").format(
                        name=old.name,
                        old=format_money(old.unit_price),
                        new=format_money(result.line.unit_price),
                    )
                )
        self.refresh()
        parts = [self.tr("Order {receipt_no} copied").format(receipt_no=sale.receipt_no)]
        if changed:
            parts.append(self.tr("price changed: {list}").format(list="; ".join(changed)))
        if skipped:
            parts.append(self.tr("not for sale now: {list}").format(list=", ".join(skipped)))
        self.info(". ".join(parts), "warn" if changed or skipped else "info")

    def weigh(self) -> None:
        """F1: a weighed line of the selected line's product, at the scale's stable weight;
        when the selected line is not sold by weight, search for the product to weigh."""
        line = self._target_line()
        if line is not None and line.weighed and line.product_id is not None:
            self._weigh(line.product_id)
            return
        dialog = SearchDialog(
            self.services.readers, self.services.lookups, initial=self.entry.text(), parent=self
        )
        dialog.setWindowTitle(self.tr("Choose the product to weigh"))
        self.entry.clear()
        dialog.chosen.connect(self._weigh)
        self.open_dialog(dialog)

    def _weigh(self, product_id: int) -> None:
        product = catalog.by_id(self.store, product_id)
        if product is None or not product.weighed:
            name = product.name if product is not None else ""
            self.problem(self.tr("{name} is not sold by weight").format(name=name))
            return
        devices = self.services.devices
        scale = devices.scale if devices is not None else None
        if scale is None:
            self.problem(self.tr("No scale is set up on this till"))
            return
        if self._weighing:
            return
        self._weighing = True
        self.info(self.tr("Weighing {name}…").format(name=product.name))

        def read() -> int:  # on a worker: the scale may take a second or two to settle
            if not scale.is_open:
                devices.check("scale")  # plugged back in since: open it again
            return scale.read_grams(timeout=SCALE_TIMEOUT_S)

        self.services.tasks.run(
            read,
            on_done=lambda grams: self._weighed(product, grams),
            on_error=self._weigh_failed,
            owner=self,
        )

    def _weighed(self, product, grams: int) -> None:
        self._weighing = False
        if grams <= 0:
            self.problem(
                self.tr("The scale shows no weight: put {name} on it").format(name=product.name)
            )
            return
        self._add(
            lambda confirmed: self.till.add_product(
                product.id, qty_milli=grams, confirmed=confirmed
            )
        )

    def _weigh_failed(self, exc: BaseException) -> None:
        self._weighing = False
        self.problem(describe(exc))

    def open_quantity(self) -> None:
        line = self._target_line()
        if line is None:
            self.problem(self.tr("The ticket is empty"))
            return
        dialog = QuantityDialog(
            name=line.name,
            current=format_quantity(line.qty_milli),
            weighed=line.weighed,
            parent=self,
        )

        def apply(qty: int) -> None:
            def then(confirmed: bool) -> None:
                warnings = self.till.set_quantity(line.line_id, qty_milli=qty, confirmed=confirmed)
                self.refresh(select_line=line.line_id)
                if "stock_short" in warnings:
                    self.info(
                        self.tr("Low stock: {name} (sold, and flagged for the owner)").format(
                            name=line.name
                        ),
                        "warn",
                    )

            dialog.accept()
            self.run(lambda: then(False), retry=then)

        dialog.quantity.connect(apply)
        self.open_dialog(dialog)

    def hold_or_resume(self) -> None:
        """F5: with lines on the ticket, hold it; with an empty ticket, choose one to resume."""
        if self.till.ticket.lines:
            held_id = self.run(self.till.hold)
            if held_id is not FAILED:
                self.refresh()
                self.info(
                    self.tr("Ticket held as #{id}. F5 on an empty ticket resumes it").format(
                        id=held_id
                    )
                )
            return
        held = self.run(self.till.held)
        if held is FAILED:
            return
        dialog = HeldDialog(held, parent=self)

        def resume(held_id: int) -> None:
            if self.run(lambda: self.till.resume(held_id)) is not FAILED:
                self._customer_name = self._customer_of_ticket()
                self.refresh()
                self.info(self.tr("Ticket #{id} resumed").format(id=held_id))

        dialog.resume.connect(resume)
        self.open_dialog(dialog)

    def _customer_of_ticket(self) -> str:
        customer_id = self.till.ticket.customer_id
        person = customers.by_id(self.store, customer_id) if customer_id else None
        return person.name if person else ""

    def open_discount(self) -> None:
        line = self._target_line()
        if line is None:
            self.problem(self.tr("The ticket is empty"))
            return
        dialog = DiscountDialog(name=line.name, parent=self)

        def apply(discount, whole_ticket: bool) -> None:
            def then(approver=None) -> None:
                if whole_ticket:
                    self.till.discount_ticket(discount, approver=approver)
                else:
                    self.till.discount_line(line.line_id, discount, approver=approver)
                self.refresh(select_line=line.line_id)

            dialog.accept()
            self.run(then, retry=then)

        dialog.discount.connect(apply)
        self.open_dialog(dialog)

    def open_price(self) -> None:
        line = self._target_line()
        if line is None:
            self.problem(self.tr("The ticket is empty"))
            return
        dialog = PriceDialog(name=line.name, current=line.unit_price, parent=self)

        def apply(price: int, reason: str) -> None:
            def then(approver=None) -> None:
                self.till.override_price(
                    line.line_id, price=price, reason=reason, approver=approver
                )
                self.refresh(select_line=line.line_id)
                self.info(
                    self.tr("Price of {name} is now {price}").format(
                        name=line.name, price=format_money(price)
                    )
                )

            dialog.accept()
            self.run(then, retry=then)

        dialog.price.connect(apply)
        self.open_dialog(dialog)

    def remove_line(self) -> None:
        line = self._target_line()
        if line is None:
            return
        if self.run(lambda: self.till.void_line(line.line_id)) is not FAILED:
            self.refresh()
            self.info(self.tr("Removed: {name}").format(name=line.name))

    def cancel_ticket(self) -> None:
        """Ctrl+Del: clear the whole ticket, once the cashier has said yes."""
        if not self.till.ticket.lines:
            return
        ticket = self.till.ticket
        dialog = ConfirmDialog(
            self.tr("Clear the whole ticket ({items} items, {total})?").format(
                items=ticket.item_count, total=format_money(self.till.totals().total)
            ),
            parent=self,
        )

        def clear() -> None:
            if self.run(lambda: self.till.cancel(reason="cleared")) is not FAILED:
                self.refresh()
                self.info(self.tr("Ticket cleared"))

        dialog.accepted.connect(clear)
        self.open_dialog(dialog)

    def open_pay(self) -> None:
        if not self.till.ticket.lines:
            self.problem(self.tr("The ticket is empty"))
            return
        dialog = PayDialog(self.till, ask_owner=self.ask_owner, parent=self)
        dialog.completed.connect(self._completed)
        dialog.finished.connect(lambda _code: self.refresh())
        self.open_dialog(dialog)

    def _completed(self, done: Completed) -> None:
        self.last_completed = done
        self.refresh()
        text = self.tr("Sale {receipt_no} done: {total}").format(
            receipt_no=done.receipt_no, total=format_money(done.total)
        )
        if done.change:
            text += "  " + self.tr("Change {change}").format(change=format_money(done.change))
        self.info(text)
        self.last_item.setText(text)
        self.sale_completed.emit(done)

    def open_return(self, *, receipt_no: str = "") -> None:
        dialog = ReturnDialog(self.till, parent=self, ask_owner=self.ask_owner)
        if receipt_no:
            dialog.field.setText(receipt_no)
            dialog.load(receipt_no)

        def done(result: Completed) -> None:
            refund = ", ".join(
                f"{tender_name(p.tender)} {format_money(p.amount)}"
                for p in sales.load(self.store, sale_id=result.sale_id).payments
            )
            self.info(
                self.tr("Return {receipt_no} recorded. Refund: {refund}").format(
                    receipt_no=result.receipt_no, refund=refund
                )
            )
            self.sale_completed.emit(result)

        dialog.completed.connect(done)
        self.open_dialog(dialog)

    def open_reprint(self) -> None:
        dialog = ReprintDialog(
            sales.last_receipt_no(self.store),
            readers=self.services.readers,
            config=self.services.config,
            tasks=self.services.lookups,
            parent=self,
        )
        dialog.reprint.connect(self.reprint)
        self.open_dialog(dialog)

    def open_unprinted(self) -> None:
        """Ctrl+P, or a click on the printer in the status bar: the receipts not printed."""
        queue = self.services.print_queue
        if queue is None:
            self.problem(self.tr("Printing is not available on this till"))
            return
        if isinstance(self.dialog, UnprintedDialog) and self.dialog.isVisible():
            self.dialog.reload()
            return
        dialog = UnprintedDialog(
            queue,
            readers=self.services.readers,
            config=self.services.config,
            tasks=self.services.tasks,
            parent=self,
        )
        self.open_dialog(dialog)

    def reprint(self, receipt_no: str) -> None:
        try:
            sale = sales.load(self.store, receipt_no=receipt_no)
        except (TillbookError, StoreError) as exc:
            self.problem(describe(exc))
            return
        queue = self.services.print_queue
        if queue is None:
            self.problem(self.tr("Printing is not available on this till"))
            return
        self.services.tasks.run(
            lambda: queue.reprint(sale.id),
            on_done=lambda _r: self.info(
                self.tr("Receipt {receipt_no} sent to the printer").format(receipt_no=receipt_no)
            ),
            on_error=lambda exc: self.problem(describe(exc)),
        )

    # -- scans while a dialog is open ------------------------------------------------------

    def route_scan(self, code: str) -> None:
        """Give a scan to the open dialog if it wants it, else to the ticket."""
        if self.dialog is not None and self.dialog.isVisible():
            handle = getattr(self.dialog, "handle_scan", None)  # other screens' dialogs: no
            if handle is not None and handle(code):
                return
            if self.dialog is not None and self.dialog.isVisible():
                self.dialog.reject()
        self.scan(code)
