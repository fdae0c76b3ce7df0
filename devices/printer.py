"""The receipt printer: a python-escpos transport chosen by URL, used only to move bytes.

Text never goes through python-escpos's encoder (see printing.escpos_out); this module
sends ready bytes with ``_raw`` and, where the transport can read (TCP, serial), asks the
printer for its status with ``DLE EOT``.

URLs: ``tcp://HOST:9100``, ``serial:///dev/ttyUSB0?baudrate=19200``, ``usb://04b8:0202``,
``file:///dev/usb/lp0``, ``cups://QUEUE``, ``lp://QUEUE``, ``win32://PRINTER NAME``, ``dummy:``.
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.config import PrinterSettings
from devices import profiles
from devices.errors import BadDeviceUrl, DeviceUnavailable, PrinterIOError, PrinterNotReady
from devices.urls import PrinterUrl, parse_printer_url
from printing.escpos_out import STATUS_OFFLINE_CAUSE, STATUS_PAPER, STATUS_PRINTER

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.0
STATUS_TIMEOUT_S = 1.0
# A missed status reply is asked again on the next job; only a printer that stayed silent
# this many jobs in a row is left unasked, for STATUS_REST_S, before it is tried again.
STATUS_MISSES_BEFORE_REST = 3
STATUS_REST_S = 60.0
READABLE_SCHEMES = ("tcp", "serial")
SPOOLED_SCHEMES = ("cups", "lp")  # the system queue takes whole jobs, not a byte stream
SPOOL_TIMEOUT_S = 30


def _escpos():
    return profiles.escpos()


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

    def __init__(
        self, device, scheme: str, url: str, printer: ReceiptPrinter | None = None
    ) -> None:
        self.device = device
        self.scheme = scheme
        self.url = url
        self.printer = printer
        self.sent = 0  # bytes handed to the transport on this connection
        self.silent = False  # a status query went unanswered on this connection

    @property
    def can_read(self) -> bool:
        if self.silent:
            return False  # do not wait out the timeout twice in one job
        if self.printer is not None and self.printer.status_resting():
            return False
        return self.scheme in READABLE_SCHEMES

    def send(self, data: bytes) -> None:
        try:
            self.device._raw(data)
        except (OSError, ValueError) as exc:  # ValueError: pyserial on a closed port
            raise PrinterIOError(
                f"printer {self.url}: connection lost while sending: {exc}",
                device="printer",
                url=self.url,
                partial=self.sent > 0,
            ) from exc
        self.sent += len(data)

    @property
    def spooled(self) -> bool:
        return self.scheme in SPOOLED_SCHEMES

    def submit(self) -> None:
        """Hand what was sent so far to the system print queue as one job, and raise
        PrinterIOError if the queue refuses it. A stream transport has nothing to do."""
        if not self.spooled:
            return
        try:
            if self.scheme == "lp":
                self.device.submit()
            elif self.device.pending_job:
                self.device.send()  # CupsPrinter: printFile, then it closes its buffer
                self.device.tmpfile = tempfile.NamedTemporaryFile(delete=True)
        except (OSError, RuntimeError, subprocess.SubprocessError, _cups_error()) as exc:
            raise PrinterIOError(
                f"printer {self.url}: the print queue refused the job: {_first_line(exc)}",
                device="printer",
                url=self.url,
                partial=False,
                refused=True,
            ) from exc

    def status(self) -> PrinterStatus | None:
        """Ask DLE EOT 1, 2 and 4; None when the transport cannot read or nobody answers."""
        if not self.can_read:
            return None
        online = self._query(STATUS_PRINTER)
        if self.printer is not None:
            self.printer.status_answered(online is not None)
        if online is None:
            self.silent = True
            log.info("printer %s did not answer a status query", self.url)
            return None
        return _parse_status(online, self._query(STATUS_OFFLINE_CAUSE), self._query(STATUS_PAPER))

    def _query(self, command: bytes) -> int | None:
        raw = getattr(self.device, "device", None)
        try:
            self._drain(raw)
            if isinstance(raw, socket.socket):
                raw.settimeout(STATUS_TIMEOUT_S)
            self.device._raw(command)
            if self.scheme == "serial":
                # python-escpos reads 16 bytes, waiting out the timeout for a 1-byte reply.
                reply = self.device.device.read(1)
            else:
                reply = self.device._read()
        except TimeoutError:
            return None
        except OSError as exc:
            raise DeviceUnavailable(
                f"printer {self.url}: no answer to a status query: {exc}",
                device="printer",
                url=self.url,
            ) from exc
        finally:
            if isinstance(raw, socket.socket):
                raw.settimeout(CONNECT_TIMEOUT_S)
        return reply[-1] if reply else None

    @staticmethod
    def _drain(raw) -> None:
        """Drop bytes already waiting (a reply that came after its timeout, or automatic
        status the printer sent on its own), so the next reply is read as its own."""
        if isinstance(raw, socket.socket):
            raw.setblocking(False)
            try:
                while raw.recv(256):
                    pass
            except (BlockingIOError, InterruptedError):
                pass
            finally:
                raw.setblocking(True)
        elif hasattr(raw, "reset_input_buffer"):
            raw.reset_input_buffer()


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
        return self.scheme in READABLE_SCHEMES

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
            try:
                device = self._make_device()
            except DeviceUnavailable as exc:
                self.last_error = str(exc)
                raise
            escpos = _escpos()
            try:
                device.open()
            # python-escpos transports raise their own errors, OSError, ValueError, and
            # RuntimeError when an optional library (pyusb, pycups, pywin32) is missing.
            except (escpos.exceptions.Error, OSError, ValueError, RuntimeError) as exc:
                self._close(device)
                self.last_error = f"unreachable: {_first_line(exc)}"
                raise DeviceUnavailable(
                    f"printer {self.url} unreachable: {_first_line(exc)}",
                    device="printer",
                    url=self.url,
                ) from exc
            raw = getattr(device, "_device", None)
            if isinstance(raw, socket.socket):
                # Status queries are 3-byte writes each waiting for a reply: with Nagle's
                # algorithm on, every one stalls behind the peer's delayed ACK (~40 ms).
                raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                conn = Connection(device, self.scheme, self.url, self)
                yield conn
                conn.submit()  # anything not submitted by the caller (a drawer kick)
            finally:
                if self.scheme == "dummy":
                    self.recorded += device.output
                self._close(device)

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
            )
        self.last_error = ""
        return status

    def _make_device(self):
        escpos = _escpos()
        factory = _FACTORIES[self.scheme]
        class_name, package = _NEEDS[self.scheme]
        if not getattr(escpos.printer, class_name).is_usable():
            # Checked first: without its library python-escpos raises even from __del__.
            raise DeviceUnavailable(
                f"printer {self.url}: {self.scheme}:// needs the {package} package",
                device="printer",
                url=self.url,
            )
        problem = profiles.profile_problem(self.settings.profile)
        if problem:  # python-escpos would raise a bare KeyError from the constructor
            raise DeviceUnavailable(
                f"printer {self.url} unusable: printer.profile: {problem}",
                device="printer",
                url=self.url,
            )
        try:
            return factory(escpos.printer, self.parsed, self.settings.profile)
        except (escpos.exceptions.Error, OSError, RuntimeError, KeyError) as exc:
            # KeyError: a profile python-escpos lists but cannot load
            raise DeviceUnavailable(
                f"printer {self.url} unusable: {_first_line(exc)}", device="printer", url=self.url
            ) from exc

    @staticmethod
    def _close(device) -> None:
        try:
            device.close()  # jobs for the system queue were submitted before this
        except (
            Exception
        ) as exc:  # a transport library's own error type; the job is out of our hands
            log.warning("printer connection did not close cleanly: %s", exc)
        # python-escpos closes again from __del__; make that a no-op.
        device._device = False


def _cups_error() -> type[BaseException]:
    """pycups's own error type, when pycups is loaded (cups:// cannot be used without it)."""
    return getattr(sys.modules.get("cups"), "IPPError", OSError)


class LpQueue:
    """``lp://QUEUE``: the bytes of one job are collected, then given to ``lp -o raw`` in
    one go by ``submit()``, whose exit status says whether the queue took them.
    (python-escpos's LP ignores that status and submits only when it is closed.)"""

    def __init__(self, queue: str) -> None:
        self.queue = queue
        self.buffer = bytearray()
        self._device = None

    def open(self) -> None:
        if shutil.which("lp") is None:
            raise FileNotFoundError(2, "no lp command (install CUPS)")
        self._device = True

    def _raw(self, data: bytes) -> None:
        self.buffer += data

    def submit(self) -> None:
        if not self.buffer:
            return
        command = ["lp", "-o", "raw", "-t", "tillbook"]
        if self.queue:
            command += ["-d", self.queue]
        done = subprocess.run(
            command, input=bytes(self.buffer), capture_output=True, timeout=SPOOL_TIMEOUT_S
        )
        if done.returncode != 0:
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise subprocess.SubprocessError(said or f"lp exit status {done.returncode}")
        log.info("job of %d bytes queued on %s", len(self.buffer), self.queue or "default")
        self.buffer.clear()

    def close(self) -> None:
        self.buffer.clear()
        self._device = None


def _first_line(exc: BaseException) -> str:
    cause = exc.__cause__ or exc.__context__
    if not isinstance(exc, OSError) and isinstance(cause, OSError):
        exc = cause  # python-escpos wraps the socket or serial error in its own
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__


def _profile(profile: str) -> dict:
    return {} if profile in profiles.DEFAULT_PROFILES else {"profile": profile}


def _tcp(printer, url: PrinterUrl, profile: str):
    return printer.Network(url.host, port=url.port, timeout=CONNECT_TIMEOUT_S, **_profile(profile))


def _serial(printer, url: PrinterUrl, profile: str):
    params = url.serial
    return printer.Serial(
        params.port,
        baudrate=params.baudrate,
        bytesize=params.bytesize,
        parity=params.parity,
        stopbits=params.stopbits,
        timeout=STATUS_TIMEOUT_S,
        dsrdtr=False,
        **_profile(profile),
    )


def _usb(printer, url: PrinterUrl, profile: str):
    return printer.Usb(
        url.vendor, url.product, timeout=int(CONNECT_TIMEOUT_S * 1000), **_profile(profile)
    )


def _file(printer, url: PrinterUrl, profile: str):
    return printer.File(url.name, **_profile(profile))


def _cups(printer, url: PrinterUrl, profile: str):
    return printer.CupsPrinter(url.name, **_profile(profile))


def _lp(printer, url: PrinterUrl, profile: str):
    return LpQueue(url.name)


def _win32(printer, url: PrinterUrl, profile: str):
    return printer.Win32Raw(url.name, **_profile(profile))


def _dummy(printer, url: PrinterUrl, profile: str):
    return printer.Dummy(**_profile(profile))


_FACTORIES: dict[str, Callable] = {
    "tcp": _tcp,
    "serial": _serial,
    "usb": _usb,
    "file": _file,
    "cups": _cups,
    "lp": _lp,
    "win32": _win32,
    "dummy": _dummy,
}

# The python-escpos class behind each scheme, and the package it needs to be usable.
_NEEDS = {
    "tcp": ("Network", "python-escpos"),
    "serial": ("Serial", "pyserial"),
    "usb": ("Usb", "pyusb"),
    "file": ("File", "python-escpos"),
    "cups": ("CupsPrinter", "pycups"),
    "lp": ("LP", "python-escpos"),
    "win32": ("Win32Raw", "pywin32"),
    "dummy": ("Dummy", "python-escpos"),
}
