"""Customer displays over serial.

``cd5220``: the Epson DM-D / CD5220 command set, two lines of 20 characters: the item and
its price while scanning, then the total and the change. ``led8``: the common Chinese
8-digit LED price display, one number with a lamp saying what it is.
"""

from __future__ import annotations

import logging

from app.money import format_yuan
from devices.errors import DeviceUnavailable
from devices.urls import parse_serial
from printing.layout import align, clip, two_columns

log = logging.getLogger(__name__)

ESC, US, CLEAR = b"\x1b", b"\x1f", b"\x0c"
COLUMNS = 20
LAMPS = {"off": 0, "price": 1, "total": 2, "paid": 3, "change": 4}


class CustomerDisplay:
    def __init__(self, url: str, *, protocol: str = "cd5220", encoding: str = "ascii") -> None:
        self.params = parse_serial(url, device="display")
        self.url = url
        self.protocol = protocol
        self.encoding = encoding
        self.last_error = ""
        self._port = None

    def open(self) -> None:
        try:
            self._port = self.params.open_device(device="display", url=self.url, timeout=0.2)
        except DeviceUnavailable as exc:
            self.last_error = exc.reason
            raise
        self._send(ESC + b"@")

    def close(self) -> None:
        if self._port is not None:
            self._port.close()
            self._port = None

    @property
    def is_open(self) -> bool:
        return self._port is not None

    # -- what the till shows ---------------------------------------------------------------

    def show_item(self, *, name: str, price: int) -> None:
        """A scanned item: its name, and its price in fen."""
        if self.protocol == "led8":
            self.show_number(price, lamp="price")
        else:
            self.show_lines(name, align(format_yuan(price), COLUMNS, "right"))

    def show_total(self, *, total: int, change: int | None = None) -> None:
        if self.protocol == "led8":
            self.show_number(
                change if change is not None else total,
                lamp="change" if change is not None else "total",
            )
            return
        second = two_columns("CHANGE", format_yuan(change), COLUMNS) if change is not None else ""
        self.show_lines(two_columns("TOTAL", format_yuan(total), COLUMNS), second)

    def show_scan(self, *, name: str, price: int, total: int) -> None:
        """A scan at the counter: the item and its price (line 1), the ticket's total (2)."""
        if self.protocol == "led8":
            self.show_number(price, lamp="price")
            return
        self.show_lines(
            two_columns(name, format_yuan(price), COLUMNS),
            two_columns("TOTAL", format_yuan(total), COLUMNS),
        )

    def show_welcome(self, text: str = "WELCOME") -> None:
        """An idle till: one centred line (an LED display goes dark)."""
        if self.protocol == "led8":
            self.clear()
        else:
            self.show_lines(align(text, COLUMNS, "center"))

    def show_lines(self, first: str, second: str = "") -> None:
        """Two lines of text (CD5220): clear, then write each line at its start."""
        data = CLEAR
        for row, text in ((1, first), (2, second)):
            data += US + b"$" + bytes([1, row]) + self._encode(clip(text, COLUMNS))
        self._send(data)

    def show_text(self, text: str) -> None:
        """Free text for the test button: two lines for CD5220, digits for an LED display."""
        if self.protocol == "led8":
            digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")[:9] or "0"
            self._send(ESC + b"Q" + b"A" + digits.encode("ascii") + b"\r")
        else:
            first, _, second = text.partition("\n")
            self.show_lines(first, second)

    def show_number(self, fen: int, *, lamp: str) -> None:
        """LED8: light the lamp (``ESC s n``), then show the amount (``ESC Q A digits CR``)."""
        digits = format_yuan(fen)
        self._send(ESC + b"s" + str(LAMPS[lamp]).encode() + ESC + b"QA" + digits.encode() + b"\r")

    def clear(self) -> None:
        self._send(CLEAR if self.protocol == "cd5220" else ESC + b"s0")

    def _encode(self, text: str) -> bytes:
        return text.encode(self.encoding, errors="replace")

    def _send(self, data: bytes) -> None:
        import serial

        if self._port is None:
            raise DeviceUnavailable(f"display {self.params.port} is not open", device="display")
        try:
            self._port.write(data)
            self._port.flush()
        except (serial.SerialException, OSError) as exc:
            self.last_error = str(exc)
            raise DeviceUnavailable(
                f"display {self.params.port}: write failed: {exc}", device="display"
            ) from exc
