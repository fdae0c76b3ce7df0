"""The receipt printer: status interpretation and one job at a time on its transport.

The bytes travel on a transport chosen by ``printer.url`` (``devices.transports``, one
module per scheme: ``tcp://HOST:9100``, ``serial:///dev/ttyUSB0?baudrate=19200``,
``usb://04b8:0202``, ``file:///dev/usb/lp0``, ``cups://QUEUE``, ``lp://QUEUE``,
``win32://PRINTER NAME``, ``dummy:``). Text is encoded by printing.escpos_out; where the
transport can read, the printer is asked for its status with ``DLE EOT``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass

from app.config import PrinterSettings
from devices import profiles
from devices.errors import BadDeviceUrl, DeviceUnavailable, PrinterNotReady
from devices.transports.base import Transport
from devices.transports.dummy import DummyTransport
from devices.urls import PRINTER_TRANSPORTS, PrinterUrl, parse_printer_url, printer_transport
from printing.escpos_out import STATUS_OFFLINE_CAUSE, STATUS_PAPER, STATUS_PRINTER

log = logging.getLogger(__name__)

# A missed status reply is asked again on the next job; only a printer that stayed silent
# this many jobs in a row is left unasked, for STATUS_REST_S, before it is tried again.
STATUS_MISSES_BEFORE_REST = 3
STATUS_REST_S = 60.0


@dataclass(frozen=True)
class PrinterStatus:
    online: bool
    paper: str  # "ok", "low" or "out"
    cover_open: bool = False
    drawer_high: bool | None = None  # drawer sensor (pin 3); which level means open varies

    @property
    def ready(self) -> bool:
        return self.online and self.paper != "out" and not self.cover_open

    @property
    def reason(self) -> str:
        """Why the printer cannot print, in a few words; empty when it can."""
        if self.cover_open:
            return "cover open"
        if self.paper == "out":
            return "paper out"
        if not self.online:
            return "offline"
        return ""

    @property
    def code(self) -> str:
        """``reason`` as a code: cover_open, paper_out, offline; empty when it can print."""
        return self.reason.replace(" ", "_")

    def describe(self) -> str:
        if not self.ready:
            return self.reason
        return "ready, paper low" if self.paper == "low" else "ready"


def _parse_status(
    online_byte: int, cause_byte: int | None, paper_byte: int | None
) -> PrinterStatus:
    paper = "ok"
    if paper_byte is not None:
        if paper_byte & 0x60:
            paper = "out"
        elif paper_byte & 0x0C:
            paper = "low"
    cover = bool(cause_byte is not None and cause_byte & 0x04)
    if cause_byte is not None and cause_byte & 0x20:
        paper = "out"
    return PrinterStatus(
        online=not online_byte & 0x08,
        paper=paper,
        cover_open=cover,
        drawer_high=bool(online_byte & 0x04),
    )


class Connection:
    """An open transport to the printer. Use through ``ReceiptPrinter.connect()``."""

    def __init__(self, transport: Transport, printer: ReceiptPrinter | None = None) -> None:
        self.transport = transport
        self.url = transport.url
        self.printer = printer
        self.silent = False  # a status query went unanswered on this connection

    @property
    def can_read(self) -> bool:
        if self.silent:
            return False  # do not wait out the timeout twice in one job
        if self.printer is not None and self.printer.status_resting():
            return False
        return self.transport.can_read

    def send(self, data: bytes) -> None:
        self.transport.send(data)

    def submit(self) -> None:
        """Hand what was sent so far to the system print queue as one job, and raise
        PrinterIOError if the queue refuses it. A stream transport has nothing to do."""
        self.transport.submit()

    def status(self) -> PrinterStatus | None:
        """Ask DLE EOT 1, 2 and 4; None when the transport cannot read or nobody answers."""
        if not self.can_read:
            return None
        online = self.transport.query(STATUS_PRINTER)
        if self.printer is not None:
            self.printer.status_answered(online is not None)
        if online is None:
            self.silent = True
            log.info("printer %s did not answer a status query", self.url)
            return None
        cause = self.transport.query(STATUS_OFFLINE_CAUSE)
        return _parse_status(online, cause, self.transport.query(STATUS_PAPER))


class ReceiptPrinter:
    """The configured receipt printer. It connects per job, so a network printer that
    dropped its connection overnight is simply reconnected for the next receipt."""

    def __init__(self, settings: PrinterSettings, *, url: str | None = None) -> None:
        self.settings = settings
        self.url = (url or settings.url or "dummy:").strip()
        try:
            self.parsed: PrinterUrl | None = parse_printer_url(self.url)
            self.scheme = self.parsed.scheme
            self.url_error = ""
        except BadDeviceUrl as exc:  # reported as the printer's state, and on each job
            self.parsed, self.scheme, self.url_error = None, "", str(exc)
        self.recorded = bytearray()  # what a dummy: printer was sent
        kind = PRINTER_TRANSPORTS.get(self.scheme)
        self._can_read = kind is not None and kind.can_read  # known for sure once opened
        self.last_status: PrinterStatus | None = None
        self.last_error = ""
        self.status_misses = 0  # status queries unanswered in a row, one per job at most
        self._status_rest_until = 0.0
        self._lock = threading.Lock()  # one job at a time on the wire

    @property
    def encoding(self) -> str:
        return self.settings.encoding

    @property
    def width_cols(self) -> int:
        return 32 if self.settings.paper_mm == 58 else 48

    @property
    def can_read(self) -> bool:
        """Whether the transport can read status (as found by the last connection)."""
        return self._can_read

    def status_answered(self, answered: bool) -> None:
        if answered:
            self.status_misses = 0
            return
        self.status_misses += 1
        if self.status_misses >= STATUS_MISSES_BEFORE_REST:
            self._status_rest_until = time.monotonic() + STATUS_REST_S
            log.info(
                "printer %s answered no status query on %d jobs; asking again in %ss",
                self.url,
                self.status_misses,
                STATUS_REST_S,
            )

    def status_resting(self) -> bool:
        """True while a printer that stays silent is left unasked (see STATUS_REST_S)."""
        return time.monotonic() < self._status_rest_until

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """Open the transport for one job; raises DeviceUnavailable when it cannot."""
        if self.url_error:
            raise BadDeviceUrl(self.url_error, device="printer", url=self.url)
        with self._lock:
            transport = self._open_transport()
            with closing(transport):
                self._can_read = transport.can_read
                try:
                    conn = Connection(transport, self)
                    yield conn
                    conn.submit()  # anything not submitted by the caller (a drawer kick)
                finally:
                    if isinstance(transport, DummyTransport):
                        self.recorded += transport.output

    def _open_transport(self) -> Transport:
        transport = printer_transport(self.url, profile=self.settings.profile, parsed=self.parsed)
        problem = profiles.profile_problem(self.settings.profile)
        try:
            if problem:  # python-escpos would raise a bare KeyError from the constructor
                raise transport.unavailable(f"unusable: printer.profile: {problem}")
            transport.open()  # says first if the transport cannot be used here at all
        except DeviceUnavailable as exc:
            self.last_error = exc.reason
            raise
        return transport

    def check(self) -> PrinterStatus | None:
        """Connect and ask the status; None when the transport cannot tell."""
        with self.connect() as conn:
            status = conn.status()
        self.last_status = status
        self.last_error = "" if status is None or status.ready else status.reason
        return status

    def ensure_ready(self, conn: Connection) -> PrinterStatus | None:
        status = conn.status()
        self.last_status = status
        if status is not None and not status.ready:
            self.last_error = status.reason
            raise PrinterNotReady(
                f"printer {self.url}: {status.reason}",
                device="printer",
                url=self.url,
                reason=status.reason,
                cause=status.code,
            )
        self.last_error = ""
        return status
