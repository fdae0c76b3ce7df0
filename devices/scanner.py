"""A serial barcode scanner: codes end with CR, LF or CRLF; a reader thread hands each
complete code to a callback (on the reader thread: a screen must pass it to its own)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from devices.errors import DeviceUnavailable
from devices.urls import parse_serial

log = logging.getLogger(__name__)

MAX_CODE = 128  # longer runs without a terminator are noise, not a code


class SerialScanner:
    def __init__(self, url: str, on_scan: Callable[[str], None] | None = None) -> None:
        self.params = parse_serial(url, device="scanner")
        self.url = url
        self.on_scan = on_scan
        self.last_error = ""
        self._port = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the port and start reading; raises DeviceUnavailable when it cannot."""
        self.stop()  # a reader that died with its port (unplugged) is replaced, not leaked
        try:
            self._port = self.params.open_device(device="scanner", url=self.url, timeout=0.1)
        except DeviceUnavailable as exc:
            self.last_error = exc.reason
            raise
        self._stopping.clear()
        self._thread = threading.Thread(target=self._read_loop, name="scanner", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None
        if self._port is not None:
            self._port.close()
            self._port = None

    def _read_loop(self) -> None:
        import serial

        buffer = bytearray()
        while not self._stopping.is_set():
            try:
                chunk = self._port.read(64)
            except (serial.SerialException, OSError) as exc:
                self.last_error = f"read failed: {exc}"
                log.warning("scanner %s stopped: %s", self.params.port, exc)
                return
            for byte in chunk:
                if byte in (0x0D, 0x0A):
                    self._emit(bytes(buffer))
                    buffer.clear()
                elif len(buffer) < MAX_CODE:
                    buffer.append(byte)
                else:
                    log.warning(
                        "scanner %s: %d bytes without CR/LF dropped", self.params.port, len(buffer)
                    )
                    buffer.clear()

    def _emit(self, raw: bytes) -> None:
        code = raw.decode("ascii", errors="replace").strip()
        if not code:
            return  # the LF of a CRLF pair
        if self.on_scan is not None:
            try:
                self.on_scan(code)
            except Exception:
                log.exception("scan handler failed for a code from %s", self.params.port)
