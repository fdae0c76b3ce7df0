"""The customer display at the counter, fed from the selling screen's change signals.

Each scan shows the item and its price, with the ticket's total; a completed sale shows
the total and the change; an idle till shows a welcome line. Every write to the display
runs on a thread of its own (one, so the lines arrive in order), and only the newest
picture waits while one is being sent. A display that is missing or unplugged is a state
(``state_changed``), never an error for the cashier; it is reopened at the next change.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from app.till import Completed
from devices.errors import DeviceError
from ui.services import Services
from ui.tasks import Tasks

log = logging.getLogger(__name__)

IDLE_AFTER_SALE_MS = 20_000  # the change stays up this long, then the welcome line
WELCOME = {"gb18030": "欢迎光临 WELCOME", "gbk": "欢迎光临 WELCOME"}


class CounterDisplay(QObject):
    state_changed = Signal(str)  # "ok", "none" (not configured) or "unplugged"

    def __init__(self, selling, services: Services, *, idle_ms: int = IDLE_AFTER_SALE_MS):
        super().__init__(selling)
        self.selling, self.services = selling, services
        self.tasks = Tasks(threads=1)
        self.state = ""
        self.sent: tuple | None = None  # the picture on the display now
        self._pending: tuple | None = None
        self._busy = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.welcome)
        selling.ticket_changed.connect(self.ticket_changed)
        selling.sale_completed.connect(self.sale_completed)

    def close(self, msecs: int = 3000) -> None:
        """Let a write in progress finish before the devices close (at shutdown)."""
        self._idle.stop()
        self.tasks.wait(msecs)

    # -- what to show ----------------------------------------------------------------------

    def ticket_changed(self) -> None:
        till = self.selling.till
        if not till.ticket.lines:
            if not self._idle.isActive():  # a sale's change stays up until the timer ends
                self.welcome()
            return
        self._idle.stop()
        line = self.selling.target_line()
        self.show(("scan", line.name, line.unit_price, till.totals().total))

    def sale_completed(self, done: Completed) -> None:
        self.show(("total", done.total, done.change))
        self._idle.start()

    def welcome(self) -> None:
        self.show(("welcome",))

    def show(self, picture: tuple) -> None:
        if picture == (self._pending or self.sent):
            return
        if self._busy:
            self._pending = picture
            return
        self._busy = True
        self.tasks.run(
            lambda: self._send(picture),
            on_done=lambda state: self._sent(picture, state),
            on_error=lambda exc: self._sent(picture, "unplugged", exc),
            owner=self,
        )

    def _sent(self, picture: tuple, state: str, exc: BaseException | None = None) -> None:
        if exc is not None:
            log.error("customer display: unexpected error", exc_info=exc)
        self._busy = False
        self.sent = picture if state == "ok" else None
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.show(pending)

    # -- on the display's thread -----------------------------------------------------------

    def _send(self, picture: tuple) -> str:
        devices = self.services.devices
        display = devices.display if devices is not None else None
        if display is None:
            return "none"
        try:
            if not display.is_open:
                devices.check("display")  # plugged back in since: open it again
                if not display.is_open:
                    return "unplugged"
            kind = picture[0]
            if kind == "scan":
                display.show_scan(name=picture[1], price=picture[2], total=picture[3])
            elif kind == "total":
                display.show_total(total=picture[1], change=picture[2])
            else:
                display.show_welcome(WELCOME.get(display.encoding, "WELCOME"))
        except DeviceError as exc:
            log.warning("customer display not updated: %s", exc)
            display.close()  # reopened at the next change
            return "unplugged"
        return "ok"
