"""The login screen: a PIN, typed or tapped, and Enter.

The PIN check (a slow hash per user) runs off the UI thread, on a store connection of its
own (the UI thread's is never used from another thread). Wrong PINs are audited and,
after a few, the core makes the next try wait; the screen counts that wait down.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app import users
from app.errors import LockedOut, WrongPin
from ui import theme
from ui.messages import describe
from ui.reader import on_own_connection
from ui.tasks import Tasks
from ui.widgets import Banner, NumberPad


class LoginScreen(QWidget):
    logged_in = Signal(object)  # User

    def __init__(self, store, tasks: Tasks, *, shop_name: str, till_code: str, parent=None):
        super().__init__(parent)
        self.store, self.tasks = store, tasks
        self.shop_name, self.till_code = shop_name, till_code
        self.checking = False
        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.timeout.connect(self._tick)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        panel = QFrame()
        theme.set_role(panel, "panel")
        panel.setFixedWidth(460)
        box = QVBoxLayout(panel)
        box.setContentsMargins(28, 24, 28, 24)
        box.setSpacing(10)
        self.shop = QLabel()
        theme.set_role(self.shop, "big")
        self.shop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shop.setWordWrap(True)
        self.till = QLabel()
        theme.set_role(self.till, "caption")
        self.till.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = QLabel()
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin.setStyleSheet("font-size: 26pt; letter-spacing: 8px;")
        self.pin.returnPressed.connect(self.submit)
        self.message = Banner()
        self.pad = NumberPad(self.pin)
        self.pad.enter.connect(self.submit)
        self.hint = QLabel()
        theme.set_role(self.hint, "caption")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for widget in (self.shop, self.till, self.prompt, self.pin, self.message, self.pad):
            box.addWidget(widget)
        box.addWidget(self.hint)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)

    def retranslate(self) -> None:
        self.shop.setText(self.shop_name)
        self.till.setText(self.tr("Till {code}").format(code=self.till_code))
        self.prompt.setText(self.tr("Type your PIN and press Enter"))
        self.hint.setText("")

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_no_users(self) -> None:
        self.hint.setText(
            self.tr(
                "No users yet. The owner adds one with: tillbook user add NAME --role owner --pin PIN"
            )
        )

    def reset(self) -> None:
        self.pin.clear()
        self.pin.setFocus()

    # -- checking the PIN ------------------------------------------------------------------

    def submit(self) -> None:
        pin = self.pin.text()
        if self.checking or not pin:
            return
        left = self._wait_until - time.monotonic()
        if left > 0:  # the core would refuse it anyway; say so without asking it
            self.pin.clear()
            self.message.show_message(
                self.tr("Wait {seconds} s").format(seconds=math.ceil(left)), "error"
            )
            return
        self.checking = True
        self.pin.setEnabled(False)
        path = self.store.path
        self.tasks.run(
            lambda: on_own_connection(path, lambda own: users.login(own, pin)),
            on_done=self._ok,
            on_error=self._failed,
            owner=self,
        )

    def _ok(self, user) -> None:
        self.checking = False
        self.pin.setEnabled(True)
        self.pin.clear()
        self.message.clear_message()
        self.logged_in.emit(user)

    def _failed(self, exc: BaseException) -> None:
        self.checking = False
        self.pin.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        wait = float(exc.fields.get("wait_s") or 0) if isinstance(exc, WrongPin | LockedOut) else 0
        if wait:
            self._wait_until = time.monotonic() + wait
            self._countdown.start(250)
        self.message.show_message(describe(exc), "error", seconds=max(wait, 5))

    def _tick(self) -> None:
        left = self._wait_until - time.monotonic()
        if left <= 0:
            self._countdown.stop()
            self.message.clear_message()
            self.prompt.setText(self.tr("Type your PIN and press Enter"))
            return
        self.prompt.setText(self.tr("Wait {seconds} s").format(seconds=math.ceil(left)))
