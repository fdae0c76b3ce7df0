"""The cash drawer, kicked through the receipt printer's drawer port.

Sales open it through the print queue (only with a cash tender). Opening it at any other
time goes through ``open_drawer``, which writes the audit row first, with the reason.
"""

from __future__ import annotations

import logging

from app import audit
from app.config import DrawerSettings
from app.errors import UserInputError
from devices.errors import DrawerDisabled
from devices.printer import ReceiptPrinter
from localdb import Store
from printing.escpos_out import drawer_kick
from printing.queue import cancel_pending_kicks

log = logging.getLogger(__name__)


class CashDrawer:
    def __init__(self, printer: ReceiptPrinter, settings: DrawerSettings) -> None:
        self.printer = printer
        self.settings = settings

    @property
    def enabled(self) -> bool:
        return self.settings.enabled

    def kick(self) -> None:
        """Pulse the drawer pin once. A printer that says it is offline (paper out, cover
        open) gets the real-time pulse, which it obeys even then."""
        if not self.enabled:
            raise DrawerDisabled("no cash drawer is configured", device="drawer")
        with self.printer.connect() as conn:
            status = conn.status()
            conn.send(drawer_kick(self.settings.pin, realtime=bool(status and not status.ready)))
        log.info("cash drawer kicked on pin %d", self.settings.pin)

    def is_open(self) -> bool | None:
        """Ask the printer's drawer sensor; None when there is no sensor or no answer."""
        if self.settings.sensor == "none":
            return None
        with self.printer.connect() as conn:
            status = conn.status()
        if status is None or status.drawer_high is None:
            return None
        return status.drawer_high == (self.settings.sensor == "open_high")


def open_drawer(store: Store, drawer: CashDrawer, *, user_id: int | None, reason: str) -> None:
    """Open the drawer outside a sale: audit row (with the reason) first, then the kick.

    Kicks still queued for earlier sales are cancelled, so the drawer does not open again
    when a printer that was away comes back. A failed kick raises after the audit row is
    written: the attempt is on record either way.
    """
    record_drawer_open(store, drawer, user_id=user_id, reason=reason)
    drawer.kick()


def record_drawer_open(
    store: Store, drawer: CashDrawer, *, user_id: int | None, reason: str
) -> None:
    """The store half of ``open_drawer``, for a screen that kicks off its own thread."""
    reason = reason.strip()
    if not reason:
        raise UserInputError("say why the drawer is being opened", field="reason")
    if not drawer.enabled:
        raise DrawerDisabled("no cash drawer is configured", device="drawer")
    with store.transaction() as conn:
        audit.record(conn, "drawer_open", user_id=user_id, reason=reason)
        cancel_pending_kicks(conn)
