"""Paying (F12): the amount due in large type, tenders, a typed amount, the change.

Enter with nothing typed takes exact cash and completes the sale. A customer's payment
code scanned while this dialog is open is recorded as that tender. Tenders add up until
the ticket is paid; the till then completes the sale.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
)

from app import delivery
from app.errors import PermissionRequired, TillbookError
from app.money import format_money, parse_yuan
from app.till import Completed, Till
from localdb import StoreError
from ui import theme
from ui.messages import describe, tender_name
from ui.widgets import Dialog, key_button

log = logging.getLogger(__name__)

# tender -> key inside this dialog (Enter is cash)
TENDER_KEYS = (("card", "F5"), ("wechat", "F6"), ("alipay", "F7"), ("account", "F8"))


class PayDialog(Dialog):
    completed = Signal(object)  # Completed

    def __init__(self, till: Till, *, ask_owner: Callable, parent=None) -> None:
        super().__init__(parent, title=self.tr("Pay"), close_button=False)
        self.till = till
        self.ask_owner = ask_owner  # (action, reason, then) -> None
        self.result_: Completed | None = None
        self._build()
        self.refresh()
        self.resize(760, 480)

    def _build(self) -> None:
        top = QGridLayout()
        self.due_caption = QLabel(self.tr("Amount due"))
        theme.set_role(self.due_caption, "caption")
        self.due = QLabel()
        theme.set_role(self.due, "huge")
        self.total = QLabel()
        theme.set_role(self.total, "caption")
        top.addWidget(self.due_caption, 0, 0)
        top.addWidget(self.due, 1, 0)
        top.addWidget(self.total, 2, 0)
        self.change_caption = QLabel(self.tr("Change"))
        theme.set_role(self.change_caption, "caption")
        self.change = QLabel(format_money(0))
        theme.set_role(self.change, "change")
        self.change.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change_caption.setAlignment(Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.change_caption, 0, 1)
        top.addWidget(self.change, 1, 1)
        self.layout_.addLayout(top)

        self.layout_.addWidget(QLabel(self.tr("Amount received (empty = exact)")))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(
            self.tr("Type the cash handed over, or scan a payment code")
        )
        self.amount.textChanged.connect(self._preview_change)
        self.layout_.addWidget(self.amount)

        self.payments = QListWidget()
        self.payments.setMaximumHeight(110)
        self.payments.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.layout_.addWidget(self.payments)

        buttons = QGridLayout()
        cash = key_button(self.tr("Cash  [Enter]"), role="primary", height=56)
        cash.clicked.connect(lambda: self.pay(tender="cash"))
        buttons.addWidget(cash, 0, 0)
        for index, (tender, key) in enumerate(TENDER_KEYS, start=1):
            button = key_button(f"{tender_name(tender)}  [{key}]", height=56)
            button.clicked.connect(lambda _=False, t=tender: self.pay(tender=t))
            QShortcut(QKeySequence(key), self, activated=lambda t=tender: self.pay(tender=t))
            buttons.addWidget(button, index // 3, index % 3)
        self.layout_.addLayout(buttons)

        self.deliver = QCheckBox(self.tr("Deliver to the customer (delivery slip)  [F10]"))
        self.deliver.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        QShortcut(QKeySequence("F10"), self, activated=self.deliver.toggle)
        self.layout_.addWidget(self.deliver)

        row = QHBoxLayout()
        remove = key_button(self.tr("Remove last payment  [F9]"))
        remove.clicked.connect(self.remove_last)
        QShortcut(QKeySequence("F9"), self, activated=self.remove_last)
        back = key_button(self.tr("Back to ticket  [Esc]"))
        back.clicked.connect(self.reject)
        row.addWidget(remove)
        row.addWidget(back)
        self.layout_.addLayout(row)

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        totals = self.till.totals()
        self.due.setText(format_money(self.till.due_for("cash")))
        self.total.setText(
            self.tr("Total {total}, paid {paid}").format(
                total=format_money(totals.total), paid=format_money(totals.paid)
            )
        )
        self.payments.clear()
        for payment in self.till.ticket.payments:
            self.payments.addItem(
                f"{tender_name(payment.tender)}   {format_money(payment.amount)}"
            )
        self.payments.setVisible(bool(self.till.ticket.payments))
        self._preview_change()

    def _preview_change(self) -> None:
        if self.result_ is not None:
            return
        try:
            typed = parse_yuan(self.amount.text()) if self.amount.text().strip() else 0
        except TillbookError:
            typed = 0
        due = self.till.due_for("cash")
        self.change.setText(format_money(max(typed - due, 0)))

    # -- paying ----------------------------------------------------------------------------

    def pay(self, *, tender: str) -> None:
        if self.result_ is not None:  # the change is showing: Enter starts the next sale
            self.accept()
            return
        text = self.amount.text().strip()
        try:
            amount = parse_yuan(text) if text else self.till.due_for(tender)
            if amount > 0:
                self.till.add_payment(tender=tender, amount=amount)
        except (TillbookError, StoreError) as exc:
            self.show_error(describe(exc))
            return
        self.amount.clear()
        self.refresh()
        if self.till.totals().due == 0:
            self.complete()

    def handle_scan(self, code: str) -> bool:
        if self.result_ is not None:
            self.accept()
            return False  # the next customer's first item: the ticket takes it
        text = self.amount.text().strip()
        try:
            amount = parse_yuan(text) if text else None
            self.till.pay_by_code(code, amount=amount)
        except (TillbookError, StoreError) as exc:
            self.show_error(describe(exc))
            return True
        self.amount.clear()
        self.refresh()
        if self.till.totals().due == 0:
            self.complete()
        return True

    def remove_last(self) -> None:
        if self.result_ is not None or not self.till.ticket.payments:
            return
        self.till.remove_payment(len(self.till.ticket.payments) - 1)
        self.refresh()

    def complete(self, *, approved: bool = False) -> None:
        try:
            hooks = self._delivery_hooks()
            done = self.till.complete(extra_hooks=hooks, delivered=bool(hooks))
        except PermissionRequired as exc:
            self.ask_owner(exc, lambda approver: self._approve_and_complete(approver))
            return
        except (TillbookError, StoreError) as exc:
            self.show_error(describe(exc))
            return
        self.result_ = done
        self.completed.emit(done)
        if done.change <= 0:
            self.accept()
            return
        self.due_caption.setText(
            self.tr("Paid. Receipt {receipt_no}").format(receipt_no=done.receipt_no)
        )
        self.due.setText(format_money(done.total))
        self.change.setText(format_money(done.change))
        self.amount.setEnabled(False)
        self.total.setText(self.tr("Give the change, then Enter for the next customer"))

    def _delivery_hooks(self) -> list:
        """A sale marked "deliver" gets its slip in the sale's own transaction; a customer
        without a phone or address stops the sale with a message, and nothing is recorded."""
        if not self.deliver.isChecked():
            return []
        return [
            delivery.sale_hook(
                self.till.store, user=self.till.user, till_code=self.till.config.till.code
            )
        ]

    def _approve_and_complete(self, approver) -> None:
        try:
            self.till.approve_below_cost(approver)
        except (TillbookError, StoreError) as exc:
            self.show_error(describe(exc))
            return
        self.complete()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.pay(tender="cash")
            return
        super().keyPressEvent(event)
