"""The interface every printer transport has, and the part shared by python-escpos ones."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, ClassVar

from devices import profiles
from devices.errors import DeviceUnavailable, PrinterIOError

if TYPE_CHECKING:
    from devices.urls import PrinterUrl

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 3.0
STATUS_TIMEOUT_S = 1.0


class Transport:
    """Moves the bytes of one job to a printer. Open it for the job (``with transport:``),
    then ``send()``; ``query()`` answers only where ``can_read`` is true."""

    scheme: ClassVar[str] = ""
    spooled: ClassVar[bool] = False  # takes whole jobs (``submit()``), not a byte stream
    can_read: bool = False  # a transport that learns it at open() sets it there

    def __init__(self, target: PrinterUrl, *, url: str, profile: str = "") -> None:
        self.target = target  # the parsed URL: host, port, path or queue
        self.url = url
        self.profile = profile
        self.sent = 0  # bytes handed over since open()

    def __enter__(self) -> Transport:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def unusable_reason(self) -> str:
        """Why this transport cannot be used here, in one line ("usb:// needs the pyusb
        package"); empty when it can. Touches no device."""
        return ""

    def open(self) -> None:
        """Open the way to the printer; raises DeviceUnavailable (with ``reason``)."""
        reason = self.unusable_reason()
        if reason:
            raise self.unavailable(f"unusable: {reason}")
        self.sent = 0
        try:
            self._open()
        except self.open_errors() as exc:
            self.close()
            raise self.unavailable(f"unreachable: {first_line(exc)}") from exc

    def close(self) -> None:
        """Close what ``open()`` opened; safe to call twice or after a failed open."""

    def send(self, data: bytes) -> None:
        """Hand ``data`` to the printer; raises PrinterIOError if the connection breaks."""
        try:
            self._write(data)
        except (OSError, ValueError) as exc:  # ValueError: pyserial on a closed port
            raise PrinterIOError(
                f"printer {self.url}: connection lost while sending: {exc}",
                device="printer",
                url=self.url,
                partial=self.sent > 0,
            ) from exc
        self.sent += len(data)

    def query(self, command: bytes) -> int | None:
        """Send a status ``command`` (``DLE EOT n``) and return the reply byte; None when
        nothing answers within STATUS_TIMEOUT_S. Raises DeviceUnavailable if the line fails."""
        return None

    def submit(self) -> None:
        """Give what was sent so far to the system queue as one job (spooled transports);
        raises PrinterIOError with ``refused`` if the queue will not take it."""

    def unavailable(self, reason: str) -> DeviceUnavailable:
        return DeviceUnavailable(
            f"printer {self.url} {reason}", device="printer", url=self.url, reason=reason
        )

    def refused(self, exc: BaseException) -> PrinterIOError:
        return PrinterIOError(
            f"printer {self.url}: the print queue refused the job: {first_line(exc)}",
            device="printer",
            url=self.url,
            partial=False,
            refused=True,
        )

    def no_answer(self, exc: BaseException) -> DeviceUnavailable:
        return DeviceUnavailable(
            f"printer {self.url}: no answer to a status query: {exc}",
            device="printer",
            url=self.url,
            reason=f"no answer: {first_line(exc)}",
        )

    def open_errors(self) -> tuple[type[BaseException], ...]:
        """What ``_open()`` raises when the printer cannot be reached."""
        return (OSError, ValueError)

    def _open(self) -> None:
        raise NotImplementedError

    def _write(self, data: bytes) -> None:
        raise NotImplementedError


class EscposTransport(Transport):
    """A transport whose bytes go through a python-escpos printer class (``_raw`` only: the
    text is encoded by printing.escpos_out, never by python-escpos)."""

    escpos_class: ClassVar[str] = ""
    library: ClassVar[str] = "python-escpos"  # the package the class needs to be usable

    def __init__(self, target: PrinterUrl, *, url: str, profile: str = "") -> None:
        super().__init__(target, url=url, profile=profile)
        self.device = None

    def unusable_reason(self) -> str:
        # Checked before the class is made: without its library python-escpos raises
        # even from __del__.
        if not getattr(profiles.escpos().printer, self.escpos_class).is_usable():
            return f"{self.scheme}:// needs the {self.library} package"
        return ""

    def make_device(self, printer, options: dict):
        """The python-escpos object; ``options`` carries the capability profile."""
        raise NotImplementedError

    def _open(self) -> None:
        escpos = profiles.escpos()
        options = {} if self.profile in profiles.DEFAULT_PROFILES else {"profile": self.profile}
        try:
            self.device = self.make_device(escpos.printer, options)
        except (escpos.exceptions.Error, OSError, RuntimeError, KeyError) as exc:
            # KeyError: a profile python-escpos lists but cannot load
            raise self.unavailable(f"unusable: {first_line(exc)}") from exc
        self.device.open()

    def open_errors(self) -> tuple[type[BaseException], ...]:
        # python-escpos raises its own errors, OSError, ValueError, and RuntimeError when
        # an optional library (pyusb, pycups, pywin32) is missing.
        return (profiles.escpos().exceptions.Error, OSError, ValueError, RuntimeError)

    def close(self) -> None:
        device, self.device = self.device, None
        if device is None:
            return
        try:
            device.close()  # jobs for a system queue were submitted before this
        except Exception as exc:  # a transport library's own error; the job is out of our hands
            log.warning("printer %s: connection did not close cleanly: %s", self.url, exc)
        device._device = False  # python-escpos closes again from __del__: make that a no-op

    def _write(self, data: bytes) -> None:
        self.device._raw(data)


def first_line(exc: BaseException) -> str:
    """A one-line reason for ``exc``, looking through python-escpos's wrapping errors to the
    socket or serial error inside."""
    cause = exc.__cause__ or exc.__context__
    if not isinstance(exc, OSError) and isinstance(cause, OSError):
        exc = cause
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__
