"""Every device of the till, made from config.toml, each with a state the till can show.

Opening a device that is missing or unplugged never raises here: it becomes the device's
state (``states()``), and ``check(name)`` tries again. The printer is opened per job, so
it has no connection to lose between receipts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from app.config import Config
from devices.display import CustomerDisplay
from devices.drawer import CashDrawer
from devices.errors import DeviceError
from devices.printer import ReceiptPrinter
from devices.scale import Scale
from devices.scanner import SerialScanner

log = logging.getLogger(__name__)

DEVICE_NAMES = ("printer", "drawer", "scanner", "display", "scale")


@dataclass(frozen=True)
class DeviceState:
    name: str
    usable: bool
    message: str


class DeviceManager:
    def __init__(self, config: Config, *, on_scan: Callable[[str], None] | None = None) -> None:
        self.config = config
        self.printer = ReceiptPrinter(config.printer)
        self.drawer = CashDrawer(self.printer, config.drawer)
        self.scanner: SerialScanner | None = None
        self.display: CustomerDisplay | None = None
        self.scale: Scale | None = None
        self._errors: dict[str, str] = {}
        self._make("scanner", lambda: SerialScanner(config.scanner.url, on_scan))
        self._make(
            "display",
            lambda: CustomerDisplay(
                config.display.url,
                protocol=config.display.protocol,
                encoding=config.display.encoding,
            ),
        )
        self._make("scale", lambda: Scale(config.scale.url, protocol=config.scale.protocol))
        for name in ("scanner", "display", "scale"):
            self._open(name)

    def _make(self, name: str, build: Callable) -> None:
        if not getattr(self.config, name).url:
            return
        try:
            setattr(self, name, build())
        except DeviceError as exc:
            self._errors[name] = str(exc)
            log.warning("%s not usable: %s", name, exc)

    def _open(self, name: str) -> None:
        device = getattr(self, name)
        if device is None:
            return
        try:
            device.start() if name == "scanner" else device.open()
            self._errors.pop(name, None)
        except DeviceError as exc:
            self._errors[name] = str(exc)
            log.warning("%s not usable: %s", name, exc)

    # -- states ----------------------------------------------------------------------------

    def states(self) -> dict[str, DeviceState]:
        """What the till knows now, without touching any device."""
        return {name: self._state(name) for name in DEVICE_NAMES}

    def check(self, name: str) -> DeviceState:
        """Touch the device (ask the printer's status, reopen a serial port) and say how it is."""
        if name in ("printer", "drawer"):
            try:
                self.printer.check()
            except DeviceError as exc:
                log.info("printer check: %s", exc)
        else:
            device = getattr(self, name)
            if device is not None and not _is_open(name, device):
                self._open(name)
        return self._state(name)

    def _state(self, name: str) -> DeviceState:
        if name == "printer":
            return self._printer_state()
        if name == "drawer":
            if not self.config.drawer.enabled:
                return DeviceState(name, False, "no drawer configured")
            printer = self._printer_state()
            pin = f"pin {self.config.drawer.pin} of the printer"
            if printer.usable:
                return DeviceState(name, True, pin)
            return DeviceState(name, False, f"{pin}: printer {printer.message}")
        device = getattr(self, name)
        if name in self._errors:
            return DeviceState(name, False, self._errors[name])
        if device is None:
            return DeviceState(name, False, "not configured")
        if not _is_open(name, device):
            return DeviceState(name, False, device.last_error or "closed")
        return DeviceState(name, True, f"{device.params.port} open")

    def _printer_state(self) -> DeviceState:
        printer = self.printer
        if printer.url_error:
            return DeviceState("printer", False, printer.url_error)
        if printer.scheme == "dummy":
            return DeviceState("printer", True, "dummy: receipts are recorded, not printed")
        if printer.last_error:
            return DeviceState("printer", False, printer.last_error)
        if printer.last_status is not None:
            return DeviceState("printer", True, printer.last_status.describe())
        return DeviceState("printer", True, f"{printer.url} (not checked yet)")

    def close(self) -> None:
        if self.scanner is not None:
            self.scanner.stop()
        for device in (self.display, self.scale):
            if device is not None:
                device.close()


def _is_open(name: str, device) -> bool:
    return device.running if name == "scanner" else device.is_open
